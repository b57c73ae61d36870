/**
 * A Cuttings library: a folder on disk that holds clipped articles, their tags and a search
 * index. This is the domain's front door; the app (through main/ipc), the CLI and the test
 * harness all work through it.
 *
 * Library is a façade: each method hands its call to the part that does the work, so that
 * this file reads as the list of what a library offers.
 *   open-library.ts     opening (lock, format, migrations, repair of damaged shards) and closing
 *   library-context.ts  what the parts share: folder, catalog, search index, writable check, commit
 *   read-model.ts       info, list, get, versions
 *   add-pipeline.ts     adding one article (add-options.ts checks its metadata, prepare-article.ts
 *                       builds its record); add-batch.ts adds many with one durable flush
 *   edit-details.ts     changing an article's title, date, author or source after capture
 *   search/library-search.ts   searches; search/saved-searches.ts   saved searches
 *   notes/annotations.ts       notes, highlights, suggested tags
 *   organise/library-organiser.ts   tags, colours, renames with undo, rules, timeline
 *   evidence/library-evidence.ts    signing keys, the custody log, timestamps
 * The layout on disk is described in open-library.ts.
 */
import type { AddHtmlRequest, AddOutcome, AddTextRequest, DuplicateMatch, LibraryInfo, SavedSearch, ScanView, SearchRequest, SearchSort } from '../../../common/api';
import type { AddHighlightRequest, RemoveHighlightRequest, TagSuggestion, UpdateHighlightRequest } from '../../../common/api';
import type { BulkTagRequest, BulkTagSummary, RulesRunSummary, TagChangeSummary, TagRule, Timeline, TimelineRequest } from '../../../common/api';
import type { EvidenceStatus } from '../../../common/api';
import type { Article, ArticleSummary, Highlight, SearchResults, TagCount } from '../../../common/article';
import type { ArticleDetails } from '../../../common/article-details';
import type { DrainResult } from '../evidence/timestamp-queue';
import type { BatchItem, CaptureMethod } from '../capture/batch-item';
import { Annotations } from '../notes/annotations';
import { LibraryOrganiser } from '../organise/library-organiser';
import type { ProgressCallback } from '../organise/tag-store';
import { LibrarySearch, type PagedResults } from '../search/library-search';
import type { SavedSearches } from '../search/saved-searches';
import type { ArticleRecord } from '../storage/article-record';
import { AddBatch } from './add-batch';
import { AddPipeline } from './add-pipeline';
import { deleteArticle } from './delete-article';
import { DetailsEditor } from './edit-details';
import type { ArticleReader, ArticleWriter, BatchResult, ClippingBatch, DuplicatePolicy, RestoreItem } from './article-access';
import type { LibraryContext } from './library-context';
import { closeLibrary, openLibrary, type OpenedLibrary, type OpenOptions } from './open-library';
import { articleVersions, languageCounts, libraryInfo, listArticles, readArticle } from './read-model';
import { scanOriginals, type ScanOriginalFile } from './scan-originals';
import { correctScanText, scanView } from './scan-versions';
import type { StoredScan } from '../storage/scan-capture';
import type { ScanRecogniser } from '../ocr/scan-recogniser';

export type { ArticleRecord } from '../storage/article-record';
export type { BatchItem, CaptureMethod } from '../capture/batch-item';
export type { ArticleReader, ArticleWriter, BatchResult, ClippingBatch, DuplicatePolicy, RestoreItem } from './article-access';
export type { OpenOptions } from './open-library';

/** An open library. Get one with `Library.open(path)`; close it when done. */
export class Library implements ArticleReader, ArticleWriter {
  /** Absolute path of the library folder. */
  readonly path: string;
  readonly readOnly: boolean;
  /** The built export worker, when the library was opened with one (OpenOptions.exportWorker). */
  readonly exportWorker?: string;
  /** What opening the library did that the user should be told (repairs, upgrades). */
  readonly notices: readonly string[];
  private readonly context: LibraryContext;
  private readonly saved: SavedSearches;
  private readonly adding: AddPipeline;
  private readonly batches: AddBatch;
  private readonly searching: LibrarySearch;
  private readonly annotations: Annotations;
  private readonly organiser: LibraryOrganiser;
  private readonly details: DetailsEditor;

  private constructor(private readonly opened: OpenedLibrary) {
    const { context } = opened;
    this.path = context.root;
    this.readOnly = context.readOnly;
    if (opened.exportWorker) this.exportWorker = opened.exportWorker;
    this.notices = opened.notices;
    this.context = context;
    this.saved = opened.saved;
    this.adding = new AddPipeline(context, opened.rules);
    this.batches = new AddBatch(context, opened.rules, opened.clipWorker);
    this.searching = new LibrarySearch(context, opened.titlesWhileLoading);
    this.annotations = new Annotations(context, (id) => this.get(id));
    this.organiser = new LibraryOrganiser(context, this.searching, opened.colours, opened.rules);
    this.details = new DetailsEditor(context);
  }

  /**
   * Opens the library at `path`, creating it if the folder is empty or missing (unless
   * read-only), upgrading an older format and repairing damaged catalog shards from the
   * backups. Throws a CuttingsError naming the path when it cannot.
   */
  static async open(path: string, options: OpenOptions = {}): Promise<Library> {
    return new Library(await openLibrary(path, options));
  }

  /** Saves the search index if it changed, and releases the write lock. */
  close(): Promise<void> {
    return closeLibrary(this.opened);
  }

  /**
   * Loads the search index (from its snapshot, caught up with the catalog) so that the
   * first search answers at once; the app calls it after opening.
   */
  prepareSearch(onProgress?: (done: number, total: number) => void): Promise<void> {
    return this.context.search.ensureReady(onProgress);
  }

  /**
   * Reads every catalog shard the catalog's summary stood for at open (what the option
   * `readCatalogInBackground` starts), a few at a time; resolves once all are read.
   */
  readCatalog(): Promise<void> {
    return this.context.catalog.loadAll();
  }

  // ---- reading (read-model.ts) ----

  /** Where the library is and how many articles it holds. */
  info(): LibraryInfo {
    return libraryInfo(this.context);
  }

  /** Every article's summary, newest clipped first. */
  list(): ArticleSummary[] {
    return listArticles(this.context);
  }

  /** One article's catalog record (metadata and provenance, no body). */
  record(id: string): ArticleRecord {
    return this.context.record(id);
  }

  /** One whole article. Throws `library: no article with id …` for an unknown id. */
  get(id: string): Promise<Article> {
    return readArticle(this.context, id);
  }

  /** Every capture of an article, first first: the article it is a version of and all its versions. */
  versions(id: string): Promise<ArticleRecord[]> {
    return articleVersions(this.context, id);
  }

  /** How many articles are in each language: what OCR's default languages follow (ocr-languages.ts). */
  languageCounts(): Promise<Map<string, number>> {
    return languageCounts(this.context);
  }

  /** Where this library's scans are recognised (the OCR worker in the app); `scans.cancel()` stops the one under way. */
  get scans(): ScanRecogniser {
    return this.opened.scans;
  }

  /** A scanned article's pages (images and words) for the reader (scan-versions.ts). */
  scanView(id: string): Promise<ScanView> {
    return scanView(this.context, id);
  }

  /**
   * Stores the user's correction of a scan's text as a new version of its first capture
   * (scan-versions.ts). Details the user edited or confirmed on the version corrected are the
   * new version's too (edit-details.ts), so its guesses are not "to be checked" again.
   */
  async correctScanText(id: string, text: string): Promise<AddOutcome> {
    const root = (await this.versions(id))[0]!.id;
    return this.details.carryOver(id, await correctScanText(this.context, id, text, (item, onDuplicate) => this.addChecked(item, onDuplicate), root));
  }

  /** A scanned article's scan (pages, words, originals) and its files as received (scan-originals.ts). */
  scanOriginals(id: string): Promise<{ scan: StoredScan; files: ScanOriginalFile[] }> {
    return scanOriginals(this.context, id);
  }

  // ---- adding (add-pipeline.ts, add-batch.ts) ----

  /** Clips plain text (pasted, from a .txt/.md file or stdin) and stores it. */
  addText(request: AddTextRequest, method: CaptureMethod = 'paste'): Promise<ArticleSummary> {
    return this.adding.add({ kind: 'text', request, method });
  }

  /** Clips an HTML document (a saved page, a file, stdin) and stores it. */
  addHtml(request: AddHtmlRequest, method: CaptureMethod = 'file'): Promise<ArticleSummary> {
    return this.adding.add({ kind: 'html', request, method });
  }

  /**
   * Clips and stores one article unless it is already in the library (same address, same or
   * nearly the same text): `ask` and `skip` then store nothing, `keep` stores it apart,
   * `version` as a later version of the first capture. See AddPipeline.addChecked.
   */
  addChecked(item: BatchItem, onDuplicate: DuplicatePolicy): Promise<AddOutcome> {
    return this.adding.addChecked(item, onDuplicate);
  }

  /** The title addChecked would store for an item and the article it would duplicate, storing nothing (AddPipeline.preview). */
  previewChecked(item: BatchItem): Promise<{ title: string; duplicate: DuplicateMatch | null }> {
    return this.adding.preview(item);
  }

  /**
   * Adds many articles with one durable flush: each capture is written, the file system is
   * synced once, then the catalog shards are written. Items that cannot be clipped are
   * reported by index and do not stop the rest.
   */
  addBatch(items: BatchItem[] | ClippingBatch): Promise<BatchResult> {
    return this.batches.addBatch(items);
  }

  /**
   * Starts clipping a batch in the clip worker (when there is one and the batch is large)
   * and returns it for addBatch, so that the worker clips while this thread writes.
   */
  clipAhead(items: BatchItem[]): ClippingBatch {
    return this.batches.clipAhead(items);
  }

  /** Puts back articles exactly as another library stored them (same id, record, capture and original), for the archive import. */
  restoreBatch(items: RestoreItem[]): Promise<ArticleSummary[]> {
    return this.batches.restoreBatch(items);
  }

  /**
   * Deletes a cutting (this capture; its other versions stay). The custody log records the
   * deletion with the hashes it had, and `reason`, before anything is removed.
   */
  deleteArticle(id: string, reason = ''): Promise<void> {
    return deleteArticle(this.context, id, reason);
  }

  /**
   * Changes an article's title, publication date, author or source (a field left out is kept,
   * '' clears all but the title) and returns the article after. The custody log records the
   * change first; a bad value is refused in one line and nothing is written (edit-details.ts).
   */
  async editDetails(id: string, details: ArticleDetails): Promise<Article> {
    await this.details.edit(id, details);
    return this.get(id);
  }

  // ---- searching (search/library-search.ts, search/saved-searches.ts) ----

  /**
   * Searches with the query language of common/query.ts (words, "phrases", OR, NOT, word*,
   * word~, field filters, dates); the last word also matches as a prefix unless the query
   * ends in a space. A query that does not parse is an `invalid-input` error.
   */
  search(query: string, options: Omit<SearchRequest, 'query'> = {}): Promise<SearchResults> {
    return this.searching.search(query, options);
  }

  /** A search of any size, its hits built a page at a time as they are read (the CLI's `--all`). */
  searchInPages(query: string, options: { limit: number; sort?: SearchSort }): Promise<PagedResults> {
    return this.searching.searchInPages(query, options);
  }

  /** Every article a query matches, newest clipped first, without snippets (what an export of the current query takes). */
  matchingRecords(query: string): Promise<ArticleRecord[]> {
    return this.searching.matchingRecords(query);
  }

  /** Throws away the search index and builds it again from every capture, then saves it. */
  reindex(onProgress?: (done: number, total: number) => void): Promise<number> {
    return this.searching.reindex(onProgress);
  }

  /** The saved searches, in name order. */
  savedSearches(): SavedSearch[] {
    return this.saved.list();
  }

  /** Saves a query under a name; the query must parse. */
  saveSearch(name: string, query: string): Promise<SavedSearch[]> {
    return this.context.writing('could not save the search', () => this.saved.save(name, query));
  }

  /** Deletes a saved search. */
  deleteSavedSearch(name: string): Promise<SavedSearch[]> {
    return this.context.writing('could not delete the search', () => this.saved.delete(name));
  }

  /** The query saved under a name; `saved searches: there is no …` if none. */
  savedQuery(name: string): string {
    return this.saved.get(name).query;
  }

  // ---- notes, highlights, suggested tags (notes/annotations.ts) ----

  /** Sets an article's Markdown note ('' or only white space deletes it) and returns the article. */
  setNote(id: string, note: string): Promise<Article> {
    return this.annotations.setNote(id, note);
  }

  /** Adds a highlight over a passage of the article's text and returns the article's highlights. */
  addHighlight(request: AddHighlightRequest): Promise<Highlight[]> {
    return this.annotations.addHighlight(request);
  }

  /** Changes a highlight's comment ('' clears it) and returns the article's highlights. */
  updateHighlight(request: UpdateHighlightRequest): Promise<Highlight[]> {
    return this.annotations.updateHighlight(request);
  }

  /** Deletes a highlight and returns the article's highlights. */
  removeHighlight(request: RemoveHighlightRequest): Promise<Highlight[]> {
    return this.annotations.removeHighlight(request);
  }

  /** People, places and organisations the article names, as tags it does not have yet. */
  suggestTags(id: string): Promise<TagSuggestion[]> {
    return this.annotations.suggestTags(id);
  }

  // ---- organising (organise/library-organiser.ts) ----

  /** Adds and removes tags on one article and returns its tags after the change. */
  updateTags(id: string, add: string[], remove: string[]): Promise<string[]> {
    return this.organiser.updateTags(id, add, remove);
  }

  /** Every tag with the number of articles that carry it (and its colour, if it has one), most used first. */
  listTags(): TagCount[] {
    return this.organiser.listTags();
  }

  /** Renames a tag and every tag under it on every article; onto an existing tag it merges them. Undoable. */
  renameTag(from: string, to: string, onProgress?: ProgressCallback): Promise<TagChangeSummary> {
    return this.organiser.renameTag(from, to, onProgress);
  }

  /** Moves a tag (and the tags under it) under `parent`, or to the top level for null. Undoable. */
  moveTag(tag: string, parent: string | null, onProgress?: ProgressCallback): Promise<TagChangeSummary> {
    return this.organiser.moveTag(tag, parent, onProgress);
  }

  /** Removes a tag and every tag under it from every article. Undoable. */
  deleteTag(tag: string, onProgress?: ProgressCallback): Promise<TagChangeSummary> {
    return this.organiser.deleteTag(tag, onProgress);
  }

  /** Undoes the latest rename, merge, move or delete of this session; null when there is none. */
  undoTagChange(onProgress?: ProgressCallback): Promise<TagChangeSummary | null> {
    return this.organiser.undoTagChange(onProgress);
  }

  /** Whether a tag change can be undone now. */
  canUndoTagChange(): boolean {
    return this.organiser.canUndoTagChange();
  }

  /** Sets (`#rrggbb`) or clears (null) a tag's colour; returns every tag with its count and colour. */
  setTagColour(tag: string, colour: string | null): Promise<TagCount[]> {
    return this.organiser.setTagColour(tag, colour);
  }

  /** Adds and removes tags on many articles: the ids given, or every article a query matches. */
  bulkTag(target: BulkTagRequest, onProgress?: ProgressCallback): Promise<BulkTagSummary> {
    return this.organiser.bulkTag(target, onProgress);
  }

  /** The tag rules, in the order they were added. */
  tagRules(): TagRule[] {
    return this.organiser.tagRules();
  }

  /** Adds a rule: new cuttings that match `query` get `tags`. The query must parse. Returns every rule. */
  addTagRule(query: string, tags: string[]): Promise<TagRule[]> {
    return this.organiser.addTagRule(query, tags);
  }

  /** Removes a rule by id; returns the rules left. */
  removeTagRule(id: number): Promise<TagRule[]> {
    return this.organiser.removeTagRule(id);
  }

  /** Runs every rule (or one) over the whole archive, or with `dryRun` only says what that would change. */
  applyTagRules(options: { dryRun: boolean; ruleId?: number }, onProgress?: ProgressCallback): Promise<RulesRunSummary> {
    return this.organiser.applyTagRules(options, onProgress);
  }

  /** Counts the articles a query matches (as search() finds them) by day, ISO week or month. */
  timeline(request: TimelineRequest): Promise<Timeline> {
    return this.organiser.timeline(request);
  }

  // ---- evidence (evidence/library-evidence.ts) ----

  /** The user's signing key, the library's keys, its TSA and how many captures wait for a timestamp. */
  evidenceStatus(): Promise<EvidenceStatus> {
    return this.context.evidence.status();
  }

  /** Chooses the library's timestamping authority (an http or https address), or none (null). */
  chooseTsa(url: string | null): Promise<string | null> {
    return this.context.evidence.chooseTsa(url);
  }

  /** Trusts the TSA root certificates in `pem` (read from `source`) for this library's timestamps; returns their subjects. */
  trustTsaRoots(pem: string, source: string): Promise<string[]> {
    return this.context.evidence.trustTsaRoots(pem, source);
  }

  /** Sends every capture waiting for a timestamp to the TSA (the library's, or `options.tsa`), one by one, until done or the first failure. */
  timestampWaiting(options: { tsa?: string; signal?: AbortSignal } = {}): Promise<DrainResult> {
    return this.context.evidence.timestampNow(options);
  }

  /** Records the public keys another library knew (an archive imported) among this one's. */
  learnKeys(keys: readonly { algorithm: 'ed25519' | 'ecdsa-p384'; publicKey: string; label: string }[]): Promise<void> {
    return this.context.evidence.learnKeys(keys);
  }

  /** Signs a WACZ's datapackage digest with the user's WACZ key (evidence/wacz-signature.ts). */
  signWacz(digest: { hash: string }, created: Date): Promise<Record<string, unknown>> {
    return this.context.evidence.signWacz(digest, created);
  }

  /** Records in the custody log that articles were exported (a no-op when the library is read-only). */
  recordExport(format: string, ids: readonly string[], file: string): Promise<void> {
    return this.context.evidence.recordExport(format, ids, file);
  }

  /**
   * Writes a cutting's evidence report as a PDF at `pdf` and, with `bundle`, the files a third
   * party checks it with (and the commands) into that new or empty folder. Resolves to the
   * report's verdict: `verified`, `signed` (intact, but its time not proven), or `failed`.
   */
  writeEvidenceReport(id: string, output: { pdf: string; bundle?: string }): Promise<{ level: 'verified' | 'signed' | 'failed'; reasons: string[] }> {
    return this.context.evidence.writeReport(this.context.record(id), output);
  }
}
