/**
 * The narrow ways into a library that export/, import/ and fetch/ take instead of the whole
 * Library: reading articles, and writing them. Library implements both; a part that needs
 * only to read cannot write, and none of them depends on how the library is put together.
 */
import type { AddHtmlRequest, AddOutcome, AddTextRequest, DuplicateAction, DuplicateMatch } from '../../../common/api';
import type { Article, ArticleSummary } from '../../../common/article';
import type { BatchItem, CaptureMethod } from '../capture/batch-item';
import type { ClipAnswer } from '../clip/clip-item';
import type { ArticleRecord } from '../storage/article-record';
import type { CapturedContent, OriginalKind } from '../storage/captures';
import type { ValidatedAddOptions } from './add-options';

/** Reading a library's articles. */
export interface ArticleReader {
  /** Absolute path of the library folder, where the captures are read from. */
  readonly path: string;
  /** The built export worker (dist/main/core/export-worker.js): a long JSON Lines export shares its work with it; absent, it runs in this thread. */
  readonly exportWorker?: string;
  /** One article's catalog record; throws `library: no article with id …` for an unknown id. */
  record(id: string): ArticleRecord;
  /** One whole article, text and HTML included. */
  get(id: string): Promise<Article>;
  /** Every capture of an article, first first. */
  versions(id: string): Promise<ArticleRecord[]>;
  /** Every article a query matches, newest clipped first (as search() counts them). */
  matchingRecords(query: string): Promise<ArticleRecord[]>;
  /** Records in the custody log that articles were exported (a no-op when read-only); absent where there is no log. */
  recordExport?(format: string, ids: readonly string[], file: string): Promise<void>;
  /** Signs a WACZ's datapackage digest with the user's key (evidence/wacz-signature.ts): what datapackage-digest.json adds; absent where nothing signs. */
  signWacz?(digest: { hash: string }, created: Date): Promise<Record<string, unknown>>;
}

/** Adding articles to a library. */
export interface ArticleWriter {
  /** Clips plain text and stores it. */
  addText(request: AddTextRequest, method?: CaptureMethod): Promise<ArticleSummary>;
  /** Clips an HTML document and stores it. */
  addHtml(request: AddHtmlRequest, method?: CaptureMethod): Promise<ArticleSummary>;
  /** Clips and stores one article unless it duplicates one in the library (see Library.addChecked). */
  addChecked(item: BatchItem, onDuplicate: DuplicatePolicy): Promise<AddOutcome>;
  /** What addChecked would store (the title) and the article it would duplicate, storing nothing. */
  previewChecked(item: BatchItem): Promise<{ title: string; duplicate: DuplicateMatch | null }>;
  /** Adds many articles with one durable flush; items that fail are reported by index. */
  addBatch(items: BatchItem[] | ClippingBatch): Promise<BatchResult>;
  /** Starts clipping a batch ahead of its addBatch (in the clip worker, when there is one). */
  clipAhead(items: BatchItem[]): ClippingBatch;
  /** Puts back articles exactly as another library stored them. */
  restoreBatch(items: RestoreItem[]): Promise<ArticleSummary[]>;
  /** Loads the search index first, so that an import's batches are indexed as they are stored. */
  prepareSearch(onProgress?: (done: number, total: number) => void): Promise<void>;
  /** Records the public keys another library knew (an archive's), so that the captures they signed verify here. */
  learnKeys(keys: readonly { algorithm: 'ed25519' | 'ecdsa-p384'; publicKey: string; label: string }[]): Promise<void>;
}

/** Reading and adding, as an import and a re-capture need both (to know what is there already). */
export type ArticleStore = ArticleReader & ArticleWriter;

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
  /** Its manifest's RFC 3161 timestamp reply, as the other library kept it. */
  timestamp?: Uint8Array;
}
