/**
 * A Cuttings library: a folder on disk that holds clipped articles, their tags and a search
 * index. This is the domain's front door; the app (through main/ipc), the CLI and the test
 * harness all work through it.
 *
 * On disk (see DESIGN.md §3 and README "Where the library lives"):
 *   cuttings.json                  format name and version; migrations run from it
 *   catalog/<XY>.json              the catalog, sharded by the id's last two characters
 *   articles/<XY>/<id>/            what was captured, never rewritten (storage/captures.ts)
 *   index/search.bin               the search index snapshot: derived, rebuildable
 *   backups/<YYYY-MM-DD>/          daily copies of the catalog (storage/backups.ts)
 *   quarantine/<time>/             damaged files, moved aside, never deleted
 *   lock                           held by the one process that writes
 */
import { randomFillSync } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { monotonicFactory } from 'ulid';
import type { AddHtmlRequest, AddOptions, AddOutcome, AddTextRequest, DuplicateAction, LibraryInfo, SavedSearch, SearchRequest } from '../../../common/api';
import type { AddHighlightRequest, RemoveHighlightRequest, TagSuggestion, UpdateHighlightRequest } from '../../../common/api';
import type { Article, ArticleSummary, Provenance, SearchHit, SearchResults, TagCount } from '../../../common/article';
import type { Highlight } from '../../../common/article';
import { CuttingsError } from '../../../common/errors';
import { describeQueryError, parseSearchQuery } from '../../../common/query';
import { isTagUnder, normaliseTag, tagKey } from '../../../common/tags';
import { APP_VERSION } from '../storage/app-version';
import type { ArticleRecord } from '../storage/article-record';
import { clipItem, clipItems, type ClipAnswer, type ClipInput, type ClipOutcome } from '../clip/clip-item';
import { ClipWorker } from '../clip/clip-worker-client';
import { findDuplicate } from '../duplicates/find-duplicate';
import { withoutEmbeddedImages } from '../clip/embedded-images';
import type { ImageLimits } from '../fetch/download-images';
import { createLibraryFormat, LIBRARY_FORMAT_VERSION, readLibraryFormat, writeLibraryFormat } from './library-format';
import { InProcessSearchEngine, type SearchEngine } from '../search/search-engine';
import { SearchService } from '../search/search-service';
import { matchTitles, withTypingPrefix } from '../search/query-evaluator';
import { answerQuery, type PageAnswer, type PageRequest } from '../search/search-results';
import { SavedSearches } from '../search/saved-searches';
import { makeDailyBackup, quarantineAndRestoreShard } from '../storage/backups';
import { listCaptureIds, readCapture, removeCapture, writeCapture, writeCaptureForBatch, zipOriginal, type CapturedContent, type OriginalKind } from '../storage/captures';
import { Catalog, type CatalogChanges } from '../storage/catalog';
import { syncMany } from '../storage/durable-file';
import { acquireLibraryLock, type LibraryLock } from '../storage/library-lock';
import { migrateLibrary } from '../storage/migrations';
import { WorkerSearchEngine } from '../search/worker-search-engine';
import { bulkEditTags, checkTagEdit, recordsOfIds } from '../organise/bulk-tags';
import { ruleTagsForNew, runRules } from '../organise/rule-runs';
import { TagChanges } from '../organise/tag-changes';
import { TagColours } from '../organise/tag-colours';
import { TagRules } from '../organise/tag-rules';
import { dedupeTags, type ProgressCallback, type TagStore } from '../organise/tag-store';
import { movedTagName } from '../organise/tag-tree';
import { buildTimeline } from '../organise/timeline';
import type { QueryNode } from '../../../common/query';
import type { BulkTagRequest, BulkTagSummary, RulesRunSummary, TagChangeSummary, TagRule, Timeline, TimelineRequest } from '../../../common/api';
import { checkedNote } from '../notes/note-text';
import { withCommentUpdated, withHighlightAdded, withHighlightRemoved } from '../notes/highlights';
import { suggestTagsFor } from '../notes/suggest-tags';
import { withNoteMatches } from '../notes/note-search';

export type { ArticleRecord } from '../storage/article-record';
export { sha256 } from '../clip/clip-item';

/**
 * Random numbers for new ids from the operating system's generator, fetched a few thousand at
 * a time: ulid's own asks it for one byte at a time, which was a noticeable part of a bulk
 * import.
 */
const randomPool = new Uint32Array(4096);
let randomAt = randomPool.length;
function pooledRandom(): number {
  if (randomAt === randomPool.length) {
    randomFillSync(randomPool);
    randomAt = 0;
  }
  return randomPool[randomAt++]! / 0x1_0000_0000;
}

const nextId = monotonicFactory(pooledRandom);

/** Options for opening a library. */
export interface OpenOptions {
  /**
   * Open without taking the write lock, for commands that only read (search, show, list):
   * they work while another process writes. Writes are refused.
   */
  readOnly?: boolean;
  /**
   * The built search worker script (dist/…/search-worker.js): the index then lives in a
   * worker thread, so that loading and indexing never block this one. Without it the index
   * runs in this thread, which suits a one-shot command.
   */
  searchWorker?: string;
  /**
   * The built clip worker (dist/main/core/clip-worker.js): large batches (an import) are
   * clipped there while this thread writes. Without it they are clipped in this thread.
   */
  clipWorker?: string;
  /**
   * While the index loads, answer searches from titles at once (results say `titlesOnly`)
   * instead of waiting: the app does, so that a window is never left waiting at start-up.
   */
  titlesWhileLoading?: boolean;
}

/** How an article came in, for provenance. */
export type CaptureMethod = Provenance['method'];

/** One article to add in a batch (see addBatch). */
export interface BatchItem {
  kind: 'text' | 'html';
  request: AddTextRequest | AddHtmlRequest;
  /** The bytes as received, if not the text or HTML itself (an import line, say). */
  original?: Uint8Array;
  method: CaptureMethod;
  /** What the original bytes are, when not the text or HTML itself (a PDF, a web archive). */
  originalKind?: OriginalKind;
  /** What to call the input in error messages when it has no file name (its URL, say). */
  name?: string;
  /** Where a page was fetched from, to resolve its links; not a user override of the URL. */
  pageUrl?: string;
  /**
   * Download the article's images into the asset store before storing it (a fetched page);
   * only when it is stored, so a skipped duplicate downloads nothing.
   */
  images?: ImageLimits;
  /** What capturing learnt that the clipper cannot: the fetch's addresses and status. */
  provenance?: Pick<Provenance, 'originalUrl' | 'finalUrl' | 'httpStatus' | 'contentType' | 'versionOf'>;
}

/**
 * A batch whose clipping has started ahead of its addBatch (see clipAhead): its parts, each
 * with what validating its items found, and the clip worker's answers to come.
 */
export interface ClippingBatch {
  items: BatchItem[];
  parts: { index: number; item: BatchItem; options: ValidatedAddOptions | { message: string } }[][];
  answers: Promise<ClipAnswer[]>[] | null;
}

/** What to do with an article that duplicates one in the library (see addChecked). */
export type DuplicatePolicy = DuplicateAction | 'ask';

/** What a batch add did: the articles added, and each item that failed with why. */
export interface BatchResult {
  added: ArticleSummary[];
  failed: { index: number; message: string }[];
}

/** One article to put back exactly as it was stored elsewhere (an archive import). */
export interface RestoreItem {
  record: ArticleRecord;
  content: CapturedContent;
  original: Uint8Array;
  kind: OriginalKind;
}

const PUBLISHED_DATE = /^\d{4}-\d{2}-\d{2}$/u;

/** How many article texts are kept for snippets. */
const RECENT_TEXTS = 200;


/** How many items of a batch are clipped together (one message to the clip worker). */
const CLIP_PART = 250;

/** How many articles a batch clips or writes before letting other work on this thread run. */
const WRITES_BETWEEN_YIELDS = 32;

/** Lets other work on this thread (IPC, timers, I/O) run before going on. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** An open library. Get one with `Library.open(path)`; close it when done. */
export class Library {
  private readonly searchService: SearchService;
  /** The note or highlight edit under way, which the next waits for (see oneAtATime). */
  private annotating: Promise<unknown> = Promise.resolve();
  /** Texts read lately for snippets, oldest first (see textOf). */
  private readonly recentTexts = new Map<string, string>();
  /** Tag colours and rules (library-level files) and the session's undo stack of tag changes; set by open(). */
  private organise!: { colours: TagColours; rules: TagRules; changes: TagChanges };

  private constructor(
    /** Absolute path of the library folder. */
    readonly path: string,
    readonly readOnly: boolean,
    private readonly catalog: Catalog,
    private lock: LibraryLock | null,
    /** What opening the library did that the user should be told (repairs, upgrades). */
    readonly notices: readonly string[],
    engine: SearchEngine,
    private readonly saved: SavedSearches,
    private readonly titlesWhileLoading: boolean,
    /** Clips the items of large batches in a thread of its own; null clips in this one. */
    private readonly clipWorker: ClipWorker | null,
  ) {
    this.searchService = new SearchService(path, engine, catalog);
  }

  /**
   * Opens the library at `path`, creating it if the folder is empty or missing (unless
   * read-only), upgrading an older format and repairing damaged catalog shards from the
   * backups. Throws a CuttingsError naming the path when it cannot.
   */
  static async open(path: string, options: OpenOptions = {}): Promise<Library> {
    const root = resolve(path);
    const readOnly = options.readOnly ?? false;
    const notices: string[] = [];
    let lock: LibraryLock | null = null;
    try {
      const format = await readLibraryFormat(root);
      if (readOnly) {
        if (format === null) throw new CuttingsError('library', `library: there is no Cuttings library at ${root}`);
        if (format.version < LIBRARY_FORMAT_VERSION) {
          throw new CuttingsError(
            'library',
            `library: ${root} uses format version ${format.version}; open it once for writing (the app, or a command such as \`cuttings add\`) to upgrade it`,
          );
        }
      } else {
        await ensureFolder(root);
        lock = await acquireLibraryLock(root);
        // Read again under the lock: another writer may have upgraded it meanwhile.
        const current = await readLibraryFormat(root);
        if (current === null) {
          await createLibraryFormat(root);
        } else if (current.version < LIBRARY_FORMAT_VERSION) {
          const steps = await migrateLibrary(root, current.version, LIBRARY_FORMAT_VERSION, (version) =>
            writeLibraryFormat(root, { ...current, version }),
          );
          notices.push(...steps.map((step) => `library: upgraded ${root}: ${step}`));
        }
        await ensureFolder(join(root, 'catalog'));
        await ensureFolder(join(root, 'articles'));
      }

      const { catalog, damaged } = await Catalog.load(join(root, 'catalog'));
      for (const shard of damaged) {
        if (readOnly) {
          notices.push(`library: ${shard.path} is damaged (${shard.reason}); its articles are hidden until the library is opened for writing, which repairs it`);
          continue;
        }
        notices.push(await repairShard(root, catalog, shard.shard));
      }
      if (!readOnly) await makeDailyBackup(root).catch((error: unknown) => {
        notices.push(`library: could not make today's backup (${(error as Error).message})`);
      });
      const { saved, notice } = await SavedSearches.open(root, readOnly);
      if (notice) notices.push(notice);
      const { colours, notice: coloursNotice } = await TagColours.open(root, readOnly);
      const { rules, notice: rulesNotice } = await TagRules.open(root, readOnly);
      for (const organiseNotice of [coloursNotice, rulesNotice]) if (organiseNotice) notices.push(organiseNotice);
      // Last, so that nothing after it can fail and leave a worker thread running.
      const engine = options.searchWorker ? new WorkerSearchEngine(options.searchWorker) : new InProcessSearchEngine();
      const clipWorker = options.clipWorker && !readOnly ? new ClipWorker(options.clipWorker) : null;
      const library = new Library(root, readOnly, catalog, lock, notices, engine, saved, options.titlesWhileLoading ?? false, clipWorker);
      library.organise = { colours, rules, changes: new TagChanges(library.tagStore(), colours) };
      return library;
    } catch (error) {
      await lock?.release();
      throw asLibraryError(error, `cannot open ${root}`);
    }
  }

  /** Saves the search index if it changed, and releases the write lock. */
  async close(): Promise<void> {
    try {
      if (!this.readOnly) await this.searchService.saveIfChanged();
    } finally {
      await this.searchService.close();
      await this.clipWorker?.close();
      await this.lock?.release();
      this.lock = null;
    }
  }

  /**
   * Loads the search index (from its snapshot, caught up with the catalog) so that the
   * first search answers at once; the app calls it after opening.
   */
  prepareSearch(onProgress?: (done: number, total: number) => void): Promise<void> {
    return this.searchService.ensureReady(onProgress);
  }

  /** Where the library is and how many articles it holds. */
  info(): LibraryInfo {
    return { path: this.path, articles: this.catalog.size, readOnly: this.readOnly, search: this.searchService.status() };
  }

  /** Every article's summary, newest clipped first. */
  list(): ArticleSummary[] {
    return this.catalog.all().map(toSummary);
  }

  /** One article's catalog record (metadata and provenance, no body). */
  record(id: string): ArticleRecord {
    const record = this.catalog.get(id);
    if (!record) throw new CuttingsError('not-found', `library: no article with id ${id}`);
    return record;
  }

  /** One whole article. Throws `library: no article with id …` for an unknown id. */
  async get(id: string): Promise<Article> {
    const record = this.record(id);
    const content = await readCapture(this.path, id);
    return {
      ...toSummary(record),
      text: content.text,
      html: content.html,
      provenance: record.provenance,
      note: record.note ?? '',
      highlights: record.highlights ?? [],
    };
  }

  /** Clips plain text (pasted, from a .txt/.md file or stdin) and stores it. */
  async addText(request: AddTextRequest, method: CaptureMethod = 'paste'): Promise<ArticleSummary> {
    return this.addOne({ kind: 'text', request, method });
  }

  /** Clips an HTML document (a saved page, a file, stdin) and stores it. */
  async addHtml(request: AddHtmlRequest, method: CaptureMethod = 'file'): Promise<ArticleSummary> {
    return this.addOne({ kind: 'html', request, method });
  }

  /**
   * Clips and stores one article unless it is already in the library: the same address
   * (tracking parameters aside), the same text, or nearly the same text
   * (duplicates/find-duplicate.ts). On a duplicate, `ask` and `skip` store nothing and
   * answer `{ status: 'duplicate' }`; `keep` stores it as a separate article; `version`
   * stores it as a later version of the first capture. An item whose provenance already
   * names `versionOf` (a re-capture) is stored as a version of that article if its text
   * differs from the latest version's, and answers `duplicate` (unchanged) if not.
   */
  async addChecked(item: BatchItem, onDuplicate: DuplicatePolicy): Promise<AddOutcome> {
    this.assertWritable();
    const article = await this.prepare(item);
    // Stores the article, its images first when asked (never for a duplicate left unstored).
    const store = async (ready: PreparedArticle) => this.store(item.images ? await this.withLocalImages(ready, item.images) : ready);
    const { record } = article;
    if (record.provenance.versionOf) {
      // A re-capture: stored only if its text differs from the latest version's.
      const versions = this.versions(record.provenance.versionOf);
      const latest = versions[versions.length - 1]!;
      if (latest.provenance.textSha256 === record.provenance.textSha256) {
        return {
          status: 'duplicate',
          duplicate: { id: latest.id, title: latest.title, url: latest.url, clipped: latest.clipped, reason: 'same-text', similarity: 1, detail: 'the very same text' },
        };
      }
      return { status: 'added', article: await store(article), versionOf: versions[0]!.id };
    }
    const duplicate = await findDuplicate(
      {
        urls: [record.url, record.provenance.originalUrl, record.provenance.finalUrl, record.provenance.canonicalUrl],
        text: article.content.text,
        textSha256: record.provenance.textSha256,
        textSketch: record.provenance.textSketch ?? '',
      },
      this.catalog.all(),
      (id) => this.textOf(id),
    );
    if (!duplicate) return { status: 'added', article: await store(article) };
    if (onDuplicate === 'ask' || onDuplicate === 'skip') return { status: 'duplicate', duplicate };
    if (onDuplicate === 'keep') return { status: 'added', article: await store(article), duplicate };
    const first = this.record(duplicate.id);
    const root = first.provenance.versionOf ?? first.id;
    const versioned = { ...record, provenance: { ...record.provenance, versionOf: root } };
    return {
      status: 'added',
      article: await store({ ...article, record: versioned, content: { ...article.content, record: versioned } }),
      duplicate,
      versionOf: root,
    };
  }

  /** Every capture of an article, first first: the article it is a version of and all its versions. */
  versions(id: string): ArticleRecord[] {
    const record = this.record(id);
    const root = record.provenance.versionOf ?? record.id;
    return this.catalog
      .all()
      .filter((other) => other.id === root || other.provenance.versionOf === root)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /**
   * Adds many articles with one durable flush: each capture is written, the file system is
   * synced once, then the catalog shards are written. Items that cannot be clipped are
   * reported by index and do not stop the rest.
   */
  async addBatch(items: BatchItem[] | ClippingBatch): Promise<BatchResult> {
    this.assertWritable();
    const batch = Array.isArray(items) ? this.clipAhead(items) : items;
    const prepared: PreparedArticle[] = [];
    const failed: BatchResult['failed'] = [];
    const written: string[] = [];
    try {
      // Items are clipped a part at a time (in the clip worker when there is one, while this
      // thread writes the part before), then written without a sync each; the file system is
      // synced once at the end and only then does the catalog name them.
      for await (const clippedPart of this.clipInParts(batch)) {
        const part = await this.withRuleTagsInPart(clippedPart);
        for (const { index, outcome } of part) {
          if ('message' in outcome) failed.push({ index, message: outcome.message });
          else {
            const article = outcome;
            prepared.push(article);
            written.push(writeCaptureForBatch(this.path, article.content, article.zippedOriginal, article.kind));
          }
          // The writes are synchronous (see writeCaptureForBatch): let other work in now and then.
          if (index % WRITES_BETWEEN_YIELDS === WRITES_BETWEEN_YIELDS - 1) await yieldToOthers();
        }
      }
      await syncMany(this.path, written);
      await this.catalog.apply(new Map(prepared.map((article) => [article.record.id, article.record])));
    } catch (error) {
      // Captures are only reachable through the catalog; remove those it does not name.
      await Promise.all(
        prepared.filter((article) => !this.catalog.get(article.record.id)).map((article) => removeCapture(this.path, article.record.id)),
      ).catch(() => undefined);
      throw asLibraryError(error, `could not save ${prepared.length} articles`);
    }
    this.searchService.added(prepared.map((article) => ({ record: article.record, text: article.content.text })));
    return { added: prepared.map((article) => toSummary(article.record)), failed };
  }

  /**
   * Starts clipping a batch in the clip worker (when there is one and the batch is large)
   * and returns it for addBatch. A bulk import hands over its next batch this way before the
   * batch in hand is written, so that the worker clips while this thread writes and syncs.
   */
  clipAhead(items: BatchItem[]): ClippingBatch {
    const parts: ClippingBatch['parts'] = [];
    items.forEach((item, index) => {
      if (index % CLIP_PART === 0) parts.push([]);
      let options: ValidatedAddOptions | { message: string };
      try {
        options = validateAddOptions(item.request);
      } catch (error) {
        if (!(error instanceof CuttingsError)) throw error;
        options = { message: error.message };
      }
      parts[parts.length - 1]!.push({ index, item, options });
    });
    // With a worker, every part is posted now: it clips them one after another.
    const worker = items.length >= CLIP_PART ? this.clipWorker : null;
    const answers = worker ? parts.map((part) => worker.clip(clipInputsOf(part))) : null;
    // A batch handed over but never added (the one before it failed) must not leave a rejection unheard.
    for (const answer of answers ?? []) answer.catch(() => undefined);
    return { items, parts, answers };
  }

  /**
   * The batch's items clipped and prepared, a part at a time, in order; an item that cannot
   * be clipped comes with its message. With a clip worker every part was handed over at once
   * (clipAhead) and comes back as it is done.
   */
  private async *clipInParts({ parts, answers }: ClippingBatch): AsyncGenerator<{ index: number; outcome: PreparedArticle | { message: string } }[]> {
    for (const [at, part] of parts.entries()) {
      const clipped: ClipAnswer[] = [];
      if (answers) clipped.push(...(await answers[at]!));
      else {
        // In this thread, a few at a time: other work on it (the window's calls) gets in between.
        const inputs = clipInputsOf(part);
        for (let from = 0; from < inputs.length; from += WRITES_BETWEEN_YIELDS) {
          clipped.push(...(await clipItems(inputs.slice(from, from + WRITES_BETWEEN_YIELDS))));
          await yieldToOthers();
        }
      }
      let next = 0;
      yield part.map(({ index, item, options }) => {
        if ('message' in options) return { index, outcome: options };
        const answer = clipped[next++]!;
        if (!answer.ok) {
          if (!answer.expected) throw new CuttingsError('internal', answer.message);
          return { index, outcome: { message: answer.message } };
        }
        return { index, outcome: this.prepared(item, options, answer.value) };
      });
    }
  }

  /**
   * Puts back articles exactly as another library stored them (same id, record, capture and
   * original), for the lossless archive import. Like addBatch: every capture is written and
   * synced, then the catalog names them all at once; if that fails, the captures go again.
   * An id the library already holds is refused by the caller, not here.
   */
  async restoreBatch(items: RestoreItem[]): Promise<ArticleSummary[]> {
    this.assertWritable();
    const written: string[] = [];
    try {
      for (const [at, item] of items.entries()) {
        written.push(writeCaptureForBatch(this.path, item.content, zipOriginal(item.original), item.kind));
        if (at % WRITES_BETWEEN_YIELDS === WRITES_BETWEEN_YIELDS - 1) await yieldToOthers();
      }
      await syncMany(this.path, written);
      await this.catalog.apply(new Map(items.map((item) => [item.record.id, item.record])));
    } catch (error) {
      await Promise.all(items.filter((item) => !this.catalog.get(item.record.id)).map((item) => removeCapture(this.path, item.record.id))).catch(
        () => undefined,
      );
      throw asLibraryError(error, `could not restore ${items.length} articles`);
    }
    this.searchService.added(items.map((item) => ({ record: item.record, text: item.content.text })));
    return items.map((item) => toSummary(item.record));
  }

  /**
   * Every article a query matches, newest clipped first, without snippets: what an export
   * of "the current query" takes (the same articles search() counts). Waits for the search index. A query that does not parse
   * is an `invalid-input` error, as in search().
   */
  async matchingRecords(query: string): Promise<ArticleRecord[]> {
    const parsed = parseSearchQuery(query);
    if (!parsed.ok) throw new CuttingsError('invalid-input', describeQueryError(query, parsed.error));
    if (parsed.query === null) return [...this.catalog.all()];
    // The same matches as search() shows: the last word is a prefix unless a space follows it.
    const tree = /\s$/u.test(query) ? parsed.query : withTypingPrefix(parsed.query);
    const answer = await this.searchService.search({ query: tree, sort: 'clipped', offset: 0, limit: this.catalog.size, snippets: false });
    const records: ArticleRecord[] = [];
    for (const { id } of answer.page) {
      const record = this.catalog.get(id);
      if (record) records.push(record);
    }
    return records.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  /**
   * Adds and removes tags on one article and returns its tags after the change. Tags are
   * normalised; one that differs from an existing tag only in case is the same tag.
   */
  async updateTags(id: string, add: string[], remove: string[]): Promise<string[]> {
    this.assertWritable();
    const record = this.record(id);
    const toAdd = add.map((tag) => this.canonicalTag(normaliseTag(tag)));
    const toRemove = new Set(remove.map((tag) => tagKey(normaliseTag(tag))));
    const tags = record.tags.filter((tag) => !toRemove.has(tagKey(tag)));
    for (const tag of toAdd) {
      if (!tags.some((existing) => tagKey(existing) === tagKey(tag))) tags.push(tag);
    }
    if (tags.length === record.tags.length && tags.every((tag, i) => tag === record.tags[i])) return tags;
    const updated = { ...record, tags };
    await this.commit(new Map([[id, updated]]));
    this.searchService.catalogChanged([updated]);
    return tags;
  }

  // ---- notes, highlights, suggested tags (the logic is in notes/) ----

  /**
   * Sets an article's Markdown note ('' or only white space deletes it) and returns the
   * article. A note longer than MAX_NOTE_CHARS is refused and nothing is written.
   */
  async setNote(id: string, note: string): Promise<Article> {
    this.assertWritable();
    await this.oneAtATime(async () => {
      const record = this.record(id);
      const { note: _old, ...rest } = record;
      const checked = checkedNote(id, note);
      if (checked !== (record.note ?? '')) await this.commitAnnotated(checked ? { ...rest, note: checked } : rest);
    });
    return this.get(id);
  }

  /**
   * Adds a highlight over a passage of the article's text (the quote, with the prefix and
   * suffix to tell apart passages that occur more than once) and returns the article's
   * highlights. A quote the text does not hold is refused and nothing is written.
   */
  async addHighlight(request: AddHighlightRequest): Promise<Highlight[]> {
    this.assertWritable();
    const { id, ...anchor } = request;
    this.record(id);
    const text = await this.textOf(id);
    return this.oneAtATime(async () => {
      const record = this.record(id);
      return this.setHighlights(record, withHighlightAdded(id, text, record.highlights ?? [], anchor));
    });
  }

  /** Changes a highlight's comment ('' clears it) and returns the article's highlights. */
  async updateHighlight(request: UpdateHighlightRequest): Promise<Highlight[]> {
    this.assertWritable();
    return this.oneAtATime(async () => {
      const record = this.record(request.id);
      return this.setHighlights(record, withCommentUpdated(request.id, record.highlights ?? [], request));
    });
  }

  /** Deletes a highlight and returns the article's highlights. */
  async removeHighlight(request: RemoveHighlightRequest): Promise<Highlight[]> {
    this.assertWritable();
    return this.oneAtATime(async () => {
      const record = this.record(request.id);
      return this.setHighlights(record, withHighlightRemoved(request.id, record.highlights ?? [], request));
    });
  }

  /** People, places and organisations the article names, as tags it does not have yet. */
  async suggestTags(id: string): Promise<TagSuggestion[]> {
    const record = this.record(id);
    return suggestTagsFor({ title: record.title, text: await this.textOf(id), lang: record.lang, tags: record.tags }, (tag) => this.canonicalTag(tag));
  }

  /** Stores a record's highlights (none: the field goes) and returns them. */
  private async setHighlights(record: ArticleRecord, highlights: Highlight[]): Promise<Highlight[]> {
    const { highlights: _old, ...rest } = record;
    await this.commitAnnotated(highlights.length > 0 ? { ...rest, highlights } : rest);
    return highlights;
  }

  /**
   * Runs note and highlight edits one after another: each reads the record, changes it and
   * writes it, and two at once (a double click) would otherwise both start from the same
   * record and the second write lose the first's change.
   */
  private oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const run = this.annotating.then(work, work);
    this.annotating = run.catch(() => undefined);
    return run;
  }

  /** Writes a record whose note or highlights changed, and tells the search index. */
  private async commitAnnotated(updated: ArticleRecord): Promise<void> {
    await this.commit(new Map([[updated.id, updated]]));
    this.searchService.catalogChanged([updated]);
  }

  /** Every tag with the number of articles that carry it (and its colour, if it has one), most used first. */
  listTags(): TagCount[] {
    return this.organise.colours.withColours(this.catalog.tags());
  }

  /**
   * Searches with the query language of common/query.ts: words ANDed, "phrases", OR, NOT
   * and -word, word* and word~, parentheses, and the field filters tag:, source:, author:,
   * title:, lang:, url:, published: and clipped:. The last word also matches as a prefix
   * unless the query ends in a space. An empty query lists every article. A query that does
   * not parse is an `invalid-input` error naming the fault and its position.
   */
  async search(query: string, options: Omit<SearchRequest, 'query'> = {}): Promise<SearchResults> {
    const limit = options.limit ?? 50;
    const offset = options.offset ?? 0;
    const parsed = parseSearchQuery(query);
    if (!parsed.ok) throw new CuttingsError('invalid-input', describeQueryError(query, parsed.error));

    const titlesOnly = this.titlesWhileLoading && this.searchService.status().state !== 'ready';
    if (titlesOnly) void this.searchService.ensureReady().catch(() => undefined);
    // While the user is still typing the last word (no space after it), it matches as a prefix.
    const tree = parsed.query === null || /\s$/u.test(query) ? parsed.query : withTypingPrefix(parsed.query);
    const request = { query: tree, sort: options.sort ?? 'relevance', offset, limit };
    // The index's worker evaluates the query beside the index and sends back a page; only
    // while it loads does this thread search, and then titles alone.
    const answer = titlesOnly ? await this.searchTitles(request) : await this.searchService.search(request);
    const hits: SearchHit[] = answer.page.flatMap(({ id, score, snippet }) => {
      const record = this.catalog.get(id);
      return record ? [{ ...toSummary(record), score, terms: answer.matched, snippet: snippet ?? record.excerpt }] : [];
    });
    return {
      total: answer.total,
      hits,
      facets: answer.facets,
      ...(titlesOnly && parsed.query !== null ? { titlesOnly: true } : {}),
    };
  }

  /** Answers a query from the catalog's titles, without the index (which is still loading). */
  private searchTitles(request: PageRequest): Promise<PageAnswer> {
    const records = this.catalog.all();
    return answerQuery(request, {
      count: records.length,
      record: (doc) => records[doc],
      matchTerms: withNoteMatches((queries) => matchTitles(records, queries), () => records.length, (doc) => records[doc]),
      text: async (doc) => this.textOf(records[doc]!.id),
    });
  }

  /** The saved searches, in name order. */
  savedSearches(): SavedSearch[] {
    return this.saved.list();
  }

  /** Saves a query under a name; the query must parse. */
  async saveSearch(name: string, query: string): Promise<SavedSearch[]> {
    this.assertWritable();
    return this.saved.save(name, query).catch((error: unknown) => Promise.reject(asLibraryError(error, 'could not save the search')));
  }

  /** Deletes a saved search. */
  async deleteSavedSearch(name: string): Promise<SavedSearch[]> {
    this.assertWritable();
    return this.saved.delete(name).catch((error: unknown) => Promise.reject(asLibraryError(error, 'could not delete the search')));
  }

  /** The query saved under a name; `saved searches: there is no …` if none. */
  savedQuery(name: string): string {
    return this.saved.get(name).query;
  }

  /** Throws away the search index and builds it again from every capture, then saves it. */
  async reindex(onProgress?: (done: number, total: number) => void): Promise<number> {
    this.assertWritable();
    const count = await this.searchService.rebuild(onProgress);
    await this.searchService.saveIfChanged();
    return count;
  }

  // ---- organising: the logic is in main/core/organise/ ----

  /**
   * Renames a tag and every tag under it on every article (`ukraine` → `europe/ukraine`
   * takes `ukraine/diplomacy` along); renaming onto an existing tag merges them. Undoable.
   */
  async renameTag(from: string, to: string, onProgress?: ProgressCallback): Promise<TagChangeSummary> {
    this.assertWritable();
    return this.organise.changes.rename(from, to, onProgress);
  }

  /** Moves a tag (and the tags under it) under `parent`, or to the top level for null. Undoable. */
  async moveTag(tag: string, parent: string | null, onProgress?: ProgressCallback): Promise<TagChangeSummary> {
    this.assertWritable();
    const moving = normaliseTag(tag);
    const under = parent === null ? null : normaliseTag(parent);
    if (under !== null && isTagUnder(under, tagKey(moving))) throw new CuttingsError('invalid-input', `tags: “${moving}” cannot be moved under itself (“${under}”)`);
    return this.organise.changes.rename(moving, movedTagName(moving, under), onProgress);
  }

  /** Removes a tag and every tag under it from every article. Undoable. */
  async deleteTag(tag: string, onProgress?: ProgressCallback): Promise<TagChangeSummary> {
    this.assertWritable();
    return this.organise.changes.remove(tag, onProgress);
  }

  /** Undoes the latest rename, merge, move or delete of this session; null when there is none. */
  async undoTagChange(onProgress?: ProgressCallback): Promise<TagChangeSummary | null> {
    this.assertWritable();
    return this.organise.changes.undo(onProgress);
  }

  /** Whether a tag change can be undone now. */
  canUndoTagChange(): boolean {
    return this.organise.changes.canUndo;
  }

  /** Sets (`#rrggbb`) or clears (null) a tag's colour; returns every tag with its count and colour. */
  async setTagColour(tag: string, colour: string | null): Promise<TagCount[]> {
    this.assertWritable();
    await this.organise.colours.set(tag, colour).catch((error: unknown) => Promise.reject(asLibraryError(error, 'could not save the tag colour')));
    return this.listTags();
  }

  /**
   * Adds and removes tags on many articles: the ids given (an unknown one changes nothing), or
   * every article a query matches (as search() finds them). Written in batches, with progress.
   */
  async bulkTag(target: BulkTagRequest, onProgress?: ProgressCallback): Promise<BulkTagSummary> {
    this.assertWritable();
    const store = this.tagStore();
    const edit = checkTagEdit(store, target.add ?? [], target.remove ?? []);
    const records = 'ids' in target ? recordsOfIds(store, target.ids) : await this.matchingRecords(target.query);
    return bulkEditTags(store, records, edit, onProgress);
  }

  /** The tag rules, in the order they were added. */
  tagRules(): TagRule[] {
    return this.organise.rules.list();
  }

  /** Adds a rule: new cuttings that match `query` get `tags`. The query must parse. Returns every rule. */
  async addTagRule(query: string, tags: string[]): Promise<TagRule[]> {
    this.assertWritable();
    return this.organise.rules.add(query, tags, (tag) => this.canonicalTag(tag)).catch((error: unknown) => Promise.reject(asLibraryError(error, 'could not save the rule')));
  }

  /** Removes a rule by id; returns the rules left. */
  async removeTagRule(id: number): Promise<TagRule[]> {
    this.assertWritable();
    return this.organise.rules.remove(id).catch((error: unknown) => Promise.reject(asLibraryError(error, 'could not remove the rule')));
  }

  /** Runs every rule (or one) over the whole archive, or with `dryRun` only says what that would change. */
  async applyTagRules(options: { dryRun: boolean; ruleId?: number }, onProgress?: ProgressCallback): Promise<RulesRunSummary> {
    if (!options.dryRun) this.assertWritable();
    return runRules(this.tagStore(), this.organise.rules.parsed(options.ruleId), (query) => this.recordsMatchingTree(query), options.dryRun, onProgress);
  }

  /** Counts the articles a query matches (as search() finds them) by day, ISO week or month. */
  async timeline(request: TimelineRequest): Promise<Timeline> {
    return buildTimeline(await this.matchingRecords(request.query), request.by, request.unit);
  }

  /** Every article a parsed query matches, taken as written (no typing prefix). */
  private async recordsMatchingTree(query: QueryNode): Promise<ArticleRecord[]> {
    if (this.catalog.size === 0) return [];
    const answer = await this.searchService.search({ query, sort: 'clipped', offset: 0, limit: this.catalog.size, snippets: false });
    return answer.page.flatMap(({ id }) => this.catalog.get(id) ?? []);
  }

  /** The catalog as organising sees it: writes go through commit and are told to the search index. */
  private tagStore(): TagStore {
    return {
      records: () => this.catalog.all(),
      get: (id) => this.catalog.get(id),
      spellingOf: (tag) => this.catalog.spellingOf(tag),
      respell: (tag) => this.catalog.respellTag(tag),
      write: async (records) => {
        try {
          await this.commit(new Map(records.map((record) => [record.id, record])));
        } finally {
          // Shards that were written stand even when another failed: the index hears of those.
          const written = records.filter((record) => this.catalog.get(record.id) === record);
          if (written.length > 0) this.searchService.catalogChanged(written);
        }
      },
    };
  }

  /** A new article with the tags the rules give it (none without rules: nothing is indexed then). */
  private async withRuleTags(article: PreparedArticle): Promise<PreparedArticle> {
    const [tagged] = await this.withRuleTagsAll([article]);
    return tagged!;
  }

  /** New articles with the tags the rules give them, the rules evaluated once for them all. */
  private async withRuleTagsAll(prepared: PreparedArticle[]): Promise<PreparedArticle[]> {
    const rules = this.organise.rules.parsed();
    if (rules.length === 0 || prepared.length === 0) return prepared;
    const gains = await ruleTagsForNew(rules, prepared.map((article) => ({ record: article.record, text: article.content.text })));
    return prepared.map((article, i) => {
      if (gains[i]!.length === 0) return article;
      const record = { ...article.record, tags: dedupeTags([...article.record.tags, ...gains[i]!.map((tag) => this.canonicalTag(tag))]) };
      return { ...article, record, content: { ...article.content, record } };
    });
  }

  /** A part of a batch with the rules' tags on its new articles (the failed items as they were). */
  private async withRuleTagsInPart<T extends { outcome: PreparedArticle | { message: string } }>(part: T[]): Promise<T[]> {
    const prepared = part.flatMap(({ outcome }) => ('message' in outcome ? [] : [outcome]));
    const tagged = await this.withRuleTagsAll(prepared);
    let next = 0;
    return part.map((item) => ('message' in item.outcome ? item : { ...item, outcome: tagged[next++]! }));
  }

  // ---- storing ----

  private async addOne(item: BatchItem): Promise<ArticleSummary> {
    this.assertWritable();
    return this.store(await this.prepare(item));
  }

  /** Downloads an article's images into the asset store and points its HTML at them. */
  private async withLocalImages(article: PreparedArticle, limits: ImageLimits): Promise<PreparedArticle> {
    const { localiseImages } = await import('../fetch/download-images');
    const { html } = await localiseImages(this.path, article.content.html, limits);
    return { ...article, content: { ...article.content, html } };
  }

  /** Writes a prepared article: its capture first, then the catalog entry that names it. */
  private async store(untagged: PreparedArticle): Promise<ArticleSummary> {
    const article = await this.withRuleTags(untagged);
    const { id } = article.record;
    // The capture goes to disk first and the catalog last: until the catalog names the
    // article it does not exist, so a failure at any step leaves the library as it was.
    try {
      await writeCapture(this.path, article.content, article.zippedOriginal, article.kind);
      await this.commit(new Map([[id, article.record]]));
    } catch (error) {
      await removeCapture(this.path, id).catch(() => undefined);
      throw asLibraryError(error, `could not save "${article.record.title}"`);
    }
    this.searchService.added([{ record: article.record, text: article.content.text }]);
    return toSummary(article.record);
  }

  /** Validates and clips one item and builds its record; touches nothing on disk. */
  private async prepare(item: BatchItem): Promise<PreparedArticle> {
    const options = validateAddOptions(item.request);
    return this.prepared(item, options, await clipItem(clipInput(item, options)));
  }

  /** The record and capture of a clipped item; cheap (the clipping is done). */
  private prepared(item: BatchItem, options: ValidatedAddOptions, outcome: ClipOutcome): PreparedArticle {
    const { clipped } = outcome;
    const id = nextId();
    const captured = new Date().toISOString();
    const record: ArticleRecord = {
      id,
      title: options.title ?? clipped.title,
      url: options.url ?? clipped.url,
      source: options.source ?? clipped.source,
      author: options.author ?? clipped.author,
      published: options.published ?? clipped.published,
      clipped: captured,
      tags: dedupeTags(options.tags.map((tag) => this.canonicalTag(tag))),
      excerpt: clipped.excerpt,
      words: outcome.words,
      lang: clipped.lang,
      provenance: {
        method: item.method,
        ...(options.fileName ? { fileName: options.fileName } : {}),
        captured,
        originalSha256: outcome.originalSha256,
        textSha256: outcome.textSha256,
        appVersion: APP_VERSION,
        ...item.provenance,
        ...(item.kind === 'html' && clipped.url ? { canonicalUrl: clipped.url } : {}),
        textSketch: outcome.textSketch,
      },
    };
    const { text, html: clippedHtml, ...extracted } = clipped;
    // Embedded images are kept only where the add stores images (a file, a fetched page).
    const html = item.images ? clippedHtml : withoutEmbeddedImages(clippedHtml);
    const kind = item.originalKind ?? (item.kind === 'html' ? 'html' : 'txt');
    return { record, content: { id, text, html, extracted, record }, zippedOriginal: outcome.zippedOriginal, kind };
  }

  /** Writes catalog changes durably; the in-memory catalog follows only what reached disk. */
  private async commit(changes: CatalogChanges): Promise<void> {
    try {
      await this.catalog.apply(changes);
    } catch (error) {
      throw asLibraryError(error, 'could not save the catalog');
    }
  }

  // ---- helpers ----

  /**
   * An article's text, for snippets: from the few hundred read last, or from its capture.
   * A capture is never rewritten, so a text once read stays right.
   */
  private async textOf(id: string): Promise<string> {
    const cached = this.recentTexts.get(id);
    if (cached !== undefined) {
      // Move it to the back: the oldest read comes first and goes first.
      this.recentTexts.delete(id);
      this.recentTexts.set(id, cached);
      return cached;
    }
    const { text } = await readCapture(this.path, id);
    this.recentTexts.set(id, text);
    if (this.recentTexts.size > RECENT_TEXTS) this.recentTexts.delete(this.recentTexts.keys().next().value!);
    return text;
  }

  private assertWritable(): void {
    if (this.readOnly) throw new CuttingsError('library', `library: ${this.path} is open read-only`);
  }

  /** Returns the spelling already in use for a tag, so that `Ukraine` and `ukraine` stay one. */
  private canonicalTag(tag: string): string {
    return this.catalog.spellingOf(tag) ?? tag;
  }
}

interface PreparedArticle {
  record: ArticleRecord;
  content: CapturedContent;
  /** The original bytes, compressed (zipOriginal). */
  zippedOriginal: Uint8Array;
  kind: OriginalKind;
}

/**
 * Quarantines a damaged shard, restores the newest backup of it, and puts back any article
 * whose capture is on disk but which the restored shard does not name (added after the
 * backup). Returns the notice for the user.
 */
async function repairShard(root: string, catalog: Catalog, shard: string): Promise<string> {
  const restore = await quarantineAndRestoreShard(root, shard);
  await catalog.loadShard(shard).catch(() => undefined);
  const known = new Set(catalog.idsInShard(shard));
  const recovered = new Map<string, ArticleRecord>();
  for (const id of await listCaptureIds(root, [shard])) {
    if (known.has(id)) continue;
    const content = await readCapture(root, id).catch(() => null);
    if (content?.record) recovered.set(id, content.record);
  }
  if (recovered.size > 0) await catalog.apply(recovered);
  const from = restore.restoredFrom ? `restored from the backup of ${restore.restoredFrom}` : 'no backup of it could be read';
  const back = recovered.size > 0 ? `; ${recovered.size} article(s) added since were recovered from their captures (tags added since are lost)` : '';
  return `library: catalog shard ${shard} was damaged and moved to ${restore.quarantinedTo}; ${from}${back}`;
}

interface ValidatedAddOptions {
  title?: string;
  url?: string;
  source?: string;
  published?: string;
  tags: string[];
  author?: string;
  fileName?: string;
}

/** Checks the user's metadata before anything is clipped or stored. */
function validateAddOptions(options: AddOptions): ValidatedAddOptions {
  const clean = (value: string | undefined) => {
    const trimmed = value?.replace(/\s+/gu, ' ').trim();
    return trimmed ? trimmed : undefined;
  };
  const url = clean(options.url);
  if (url !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      throw new CuttingsError('invalid-input', `add: ${JSON.stringify(url)} is not a web address (http or https)`);
    }
  }
  const published = clean(options.published);
  if (published !== undefined && !isCalendarDate(published)) {
    throw new CuttingsError('invalid-input', `add: published date ${JSON.stringify(published)} is not a date in the form YYYY-MM-DD`);
  }
  return {
    title: clean(options.title),
    url,
    source: clean(options.source),
    published,
    tags: (options.tags ?? []).map(normaliseTag),
    author: clean(options.author),
    fileName: clean(options.fileName),
  };
}

function isCalendarDate(value: string): boolean {
  if (!PUBLISHED_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}


function toSummary(record: ArticleRecord): ArticleSummary {
  // Notes and highlights are the article's (Library.get), not its summary's: lists stay small.
  const { provenance: _provenance, note: _note, highlights: _highlights, ...summary } = record;
  return { ...summary, tags: [...record.tags] };
}


async function ensureFolder(path: string): Promise<void> {
  await mkdir(path, { recursive: true });
  const info = await stat(path);
  if (!info.isDirectory()) throw new CuttingsError('library', `library: ${path} is a file, not a folder`);
}

/** Explains a file-system error in the library's words, naming what was being done. */
export function asLibraryError(error: unknown, doing: string): Error {
  if (error instanceof CuttingsError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOENT: 'a file or folder was removed while Cuttings was using it',
    ENOTDIR: 'a file stands where a folder should be',
  };
  const reason = (code && reasons[code]) ?? (error as Error).message;
  return new CuttingsError('library', `library: ${doing}: ${reason}`);
}


/** The clip inputs of a part's items that passed validation, in order. */
function clipInputsOf(part: ClippingBatch['parts'][number]): ClipInput[] {
  return part.flatMap(({ item, options }) => ('message' in options ? [] : [clipInput(item, options)]));
}

/** What the clipper takes of a batch item. */
function clipInput(item: BatchItem, options: ValidatedAddOptions): ClipInput {
  return { kind: item.kind, request: item.request, original: item.original, url: options.url ?? item.pageUrl, fileName: options.fileName ?? item.name };
}
