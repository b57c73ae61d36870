/**
 * A Cuttings library: a folder on disk that holds clipped articles, their tags and a search
 * index. This is the domain's front door; the app (through main/ipc), the CLI and the test
 * harness all work through it.
 *
 * On disk (see DESIGN.md §3):
 *   cuttings.json                 format name and version
 *   catalog/catalog.json          lowdb: metadata, tags and provenance of every article
 *   articles/<id>/article.json    what was captured: reader HTML and text; never rewritten
 *   articles/<id>/original.*.gz   the bytes as received, gzipped; their SHA-256 is in the catalog
 *   lock                          held by the one process that writes
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { Low } from 'lowdb';
import { monotonicFactory } from 'ulid';
import type { AddHtmlRequest, AddOptions, AddTextRequest, LibraryInfo, SearchRequest } from '../../common/api';
import type { Article, ArticleSummary, Provenance, SearchHit, SearchResults, TagCount } from '../../common/article';
import { CuttingsError } from '../../common/errors';
import { parseQuery } from '../../common/query';
import { normaliseTag, tagKey } from '../../common/tags';
import { countWords } from '../../common/text';
import { APP_VERSION } from './app-version';
import { clipHtml, clipPlainText, type ClippedArticle } from './clip';
import { createLibraryFormat, readLibraryFormat } from './library-format';
import { SearchIndex } from './search-index';
import { makeSnippet } from './snippet';
import { writeFileDurably } from './storage/durable-file';
import { DurableJsonFile } from './storage/json-file-adapter';
import { acquireLibraryLock, type LibraryLock } from './storage/library-lock';

const gzipAsync = promisify(gzip);
const nextId = monotonicFactory();

/** What the catalog keeps of each article: everything but the captured content. */
export interface ArticleRecord extends ArticleSummary {
  provenance: Provenance;
}

/** The content of catalog/catalog.json. */
export interface CatalogData {
  /** Goes up by one with every change; lets derived data (the index) know what it covers. */
  changeNumber: number;
  articles: Record<string, ArticleRecord>;
}

/** The content of articles/<id>/article.json: the capture, kept as it was made. */
export interface CapturedContent {
  id: string;
  text: string;
  html: string;
  /** The metadata as the clipper extracted it, before the user's overrides. */
  extracted: Omit<ClippedArticle, 'text' | 'html'>;
}

/** Options for opening a library. */
export interface OpenOptions {
  /**
   * Open without taking the write lock, for commands that only read (search, show, list):
   * they work while another process writes. Writes are refused.
   */
  readOnly?: boolean;
}

/** How an article came in, for provenance. */
export type CaptureMethod = Provenance['method'];

const PUBLISHED_DATE = /^\d{4}-\d{2}-\d{2}$/u;

/** An open library. Get one with `Library.open(path)`; close it when done. */
export class Library {
  private index: SearchIndex | null = null;
  private indexing: Promise<SearchIndex> | null = null;

  private constructor(
    /** Absolute path of the library folder. */
    readonly path: string,
    readonly readOnly: boolean,
    private readonly catalog: Low<CatalogData>,
    private lock: LibraryLock | null,
  ) {}

  /**
   * Opens the library at `path`, creating it if the folder is empty or missing (unless
   * read-only). Throws a CuttingsError naming the path when it cannot.
   */
  static async open(path: string, options: OpenOptions = {}): Promise<Library> {
    const root = resolve(path);
    const readOnly = options.readOnly ?? false;
    let lock: LibraryLock | null = null;
    try {
      if (readOnly) {
        if ((await readLibraryFormat(root)) === null) {
          throw new CuttingsError('library', `library: there is no Cuttings library at ${root}`);
        }
      } else {
        await ensureFolder(root);
        lock = await acquireLibraryLock(root);
        if ((await readLibraryFormat(root)) === null) {
          await createLibraryFormat(root);
        }
        await ensureFolder(join(root, 'catalog'));
        await ensureFolder(join(root, 'articles'));
      }
      const catalog = new Low<CatalogData>(new DurableJsonFile(join(root, 'catalog', 'catalog.json')), {
        changeNumber: 0,
        articles: {},
      });
      await catalog.read();
      return new Library(root, readOnly, catalog, lock);
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  /** Releases the write lock. The object must not be used afterwards. */
  async close(): Promise<void> {
    await this.lock?.release();
    this.lock = null;
  }

  /** Where the library is and how many articles it holds. */
  info(): LibraryInfo {
    return { path: this.path, articles: this.records().length, readOnly: this.readOnly };
  }

  /** Every article's summary, newest clipped first. */
  list(): ArticleSummary[] {
    return this.records().map(toSummary);
  }

  /** One whole article. Throws `library: no article with id …` for an unknown id. */
  async get(id: string): Promise<Article> {
    const record = this.record(id);
    const content = await this.readContent(id);
    return { ...toSummary(record), text: content.text, html: content.html, provenance: record.provenance };
  }

  /** Clips plain text (pasted, from a .txt/.md file or stdin) and stores it. */
  async addText(request: AddTextRequest, method: CaptureMethod = 'paste'): Promise<ArticleSummary> {
    this.assertWritable();
    const options = validateAddOptions(request);
    const clipped = clipPlainText(request.text, { fileName: request.fileName });
    return this.store(clipped, request.text, 'txt', options, method);
  }

  /** Clips an HTML document (a saved page, a file, stdin) and stores it. */
  async addHtml(request: AddHtmlRequest, method: CaptureMethod = 'file'): Promise<ArticleSummary> {
    this.assertWritable();
    const options = validateAddOptions(request);
    const clipped = clipHtml(request.html, { url: options.url, fileName: request.fileName });
    return this.store(clipped, request.html, 'html', options, method);
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
    await this.commit((data) => {
      data.articles[id] = { ...record, tags };
    });
    return tags;
  }

  /** Every tag with the number of articles that carry it, most used first. */
  listTags(): TagCount[] {
    const counts = new Map<string, TagCount>();
    for (const record of this.records()) {
      for (const tag of record.tags) {
        const entry = counts.get(tagKey(tag));
        if (entry) entry.count++;
        else counts.set(tagKey(tag), { tag, count: 1 });
      }
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }

  /**
   * Searches titles and texts. Words are ANDed, the last matched as a prefix; `tag:NAME`
   * keeps articles with that tag or one below it. An empty query lists every article.
   */
  async search(query: string, paging: Omit<SearchRequest, 'query'> = {}): Promise<SearchResults> {
    const limit = paging.limit ?? 50;
    const offset = paging.offset ?? 0;
    const parsed = parseQuery(query);
    const tagKeys = parsed.tags.map((tag) => tagKey(normaliseTag(tag)));
    const hasTags = (record: ArticleRecord) =>
      tagKeys.every((wanted) => record.tags.some((tag) => isSameOrChild(tagKey(tag), wanted)));

    let matches: { record: ArticleRecord; score: number; terms: string[] }[];
    if (parsed.words.length === 0) {
      matches = this.records()
        .filter(hasTags)
        .map((record) => ({ record, score: 0, terms: [] }));
    } else {
      const index = await this.searchIndex();
      matches = [];
      for (const match of index.search(parsed.words)) {
        const record = this.catalog.data.articles[match.id];
        if (record && hasTags(record)) matches.push({ record, score: match.score, terms: match.terms });
      }
    }

    const page = matches.slice(offset, offset + limit);
    const hits: SearchHit[] = await Promise.all(
      page.map(async ({ record, score, terms }) => {
        const text = terms.length > 0 ? (await this.readContent(record.id)).text : record.excerpt;
        const snippet = terms.length > 0 ? makeSnippet(text, terms) : record.excerpt;
        return { ...toSummary(record), score, terms, snippet };
      }),
    );
    return { total: matches.length, hits };
  }

  // ---- storing ----

  private async store(
    clipped: ClippedArticle,
    original: string,
    extension: 'txt' | 'html',
    options: ValidatedAddOptions,
    method: CaptureMethod,
  ): Promise<ArticleSummary> {
    const id = nextId();
    const captured = new Date().toISOString();
    const originalBytes = Buffer.from(original, 'utf8');
    const record: ArticleRecord = {
      id,
      title: options.title ?? clipped.title,
      url: options.url ?? clipped.url,
      source: options.source ?? clipped.source,
      author: clipped.author,
      published: options.published ?? clipped.published,
      clipped: captured,
      tags: dedupeTags(options.tags.map((tag) => this.canonicalTag(tag))),
      excerpt: clipped.excerpt,
      words: countWords(clipped.text),
      lang: clipped.lang,
      provenance: {
        method,
        ...(options.fileName ? { fileName: options.fileName } : {}),
        captured,
        originalSha256: sha256(originalBytes),
        textSha256: sha256(Buffer.from(clipped.text, 'utf8')),
        appVersion: APP_VERSION,
      },
    };
    const { text, html, ...extracted } = clipped;
    const content: CapturedContent = { id, text, html, extracted };

    // The capture goes to disk first and the catalog last: until the catalog names the
    // article it does not exist, so a failure at any step leaves the library as it was.
    const folder = this.articleFolder(id);
    try {
      await mkdir(folder, { recursive: true });
      await writeFileDurably(join(folder, 'article.json'), JSON.stringify(content));
      await writeFileDurably(join(folder, `original.${extension}.gz`), await gzipAsync(originalBytes));
      await this.commit((data) => {
        data.articles[id] = record;
      });
    } catch (error) {
      await rm(folder, { recursive: true, force: true }).catch(() => undefined);
      throw asLibraryError(error, `could not save "${record.title}"`);
    }
    this.index?.add({ id, title: record.title, text, source: record.source, author: record.author });
    return toSummary(record);
  }

  /**
   * Applies a change to the catalog and writes it durably. If the write fails the change is
   * undone in memory too, so what the app shows never runs ahead of what is on disk.
   */
  private async commit(change: (data: CatalogData) => void): Promise<void> {
    const before = this.catalog.data;
    const next: CatalogData = { changeNumber: before.changeNumber + 1, articles: { ...before.articles } };
    change(next);
    this.catalog.data = next;
    try {
      await this.catalog.write();
    } catch (error) {
      this.catalog.data = before;
      throw asLibraryError(error, 'could not save the catalog');
    }
  }

  // ---- reading ----

  private records(): ArticleRecord[] {
    // ULIDs sort by creation time, so the newest clipped article has the greatest id.
    return Object.values(this.catalog.data.articles).sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  private record(id: string): ArticleRecord {
    const record = Object.hasOwn(this.catalog.data.articles, id) ? this.catalog.data.articles[id] : undefined;
    if (!record) throw new CuttingsError('not-found', `library: no article with id ${id}`);
    return record;
  }

  private articleFolder(id: string): string {
    return join(this.path, 'articles', id);
  }

  private async readContent(id: string): Promise<CapturedContent> {
    const path = join(this.articleFolder(id), 'article.json');
    try {
      return JSON.parse(await readFile(path, 'utf8')) as CapturedContent;
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it is missing' : (error as Error).message;
      throw new CuttingsError('library', `library: cannot read the content of article ${id} (${path}: ${reason})`);
    }
  }

  private async searchIndex(): Promise<SearchIndex> {
    if (this.index) return this.index;
    this.indexing ??= (async () => {
      const index = new SearchIndex();
      for (const record of this.records()) {
        const { text } = await this.readContent(record.id);
        index.add({ id: record.id, title: record.title, text, source: record.source, author: record.author });
      }
      this.index = index;
      return index;
    })();
    try {
      return await this.indexing;
    } finally {
      this.indexing = null;
    }
  }

  // ---- helpers ----

  private assertWritable(): void {
    if (this.readOnly) throw new CuttingsError('library', `library: ${this.path} is open read-only`);
  }

  /** Returns the spelling already in use for a tag, so that `Ukraine` and `ukraine` stay one. */
  private canonicalTag(tag: string): string {
    const key = tagKey(tag);
    for (const record of Object.values(this.catalog.data.articles)) {
      const existing = record.tags.find((candidate) => tagKey(candidate) === key);
      if (existing) return existing;
    }
    return tag;
  }
}

interface ValidatedAddOptions {
  title?: string;
  url?: string;
  source?: string;
  published?: string;
  tags: string[];
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
    fileName: clean(options.fileName),
  };
}

function isCalendarDate(value: string): boolean {
  if (!PUBLISHED_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function isSameOrChild(tag: string, wanted: string): boolean {
  return tag === wanted || tag.startsWith(`${wanted}/`);
}

function dedupeTags(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tagKey(tag);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toSummary(record: ArticleRecord): ArticleSummary {
  const { provenance: _provenance, ...summary } = record;
  return { ...summary, tags: [...record.tags] };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function ensureFolder(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (error) {
    throw asLibraryError(error, `cannot create the folder ${path}`);
  }
  const info = await stat(path);
  if (!info.isDirectory()) throw new CuttingsError('library', `library: ${path} is a file, not a folder`);
}

/** Explains a file-system error in the library's words, naming what was being done. */
function asLibraryError(error: unknown, doing: string): Error {
  if (error instanceof CuttingsError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOENT: 'a file or folder was removed while Cuttings was using it',
  };
  const reason = (code && reasons[code]) ?? (error as Error).message;
  return new CuttingsError('library', `library: ${doing}: ${reason}`);
}
