/**
 * Takes the candidates a format reader yields and adds them to the library in batches
 * (Library.addBatch: each article's capture is written and synced before the catalog names
 * it, so an item is in whole or not at all), skipping those the library already holds —
 * same id, same web address (tracking parameters and fragments aside) or same text — and
 * collecting each failure with its reason.
 */
import type { ArticleReader, ArticleStore } from '../library/article-access';
import { fetchForClipping, type ClipUrlOptions } from '../fetch/clip-url';
import type { ImportCandidate, ImportReport } from './import-candidate';
import { yieldToOthers } from '../yield-to-others';

/** How runImport reports progress, and whether it fetches the pages of URL-only records. */
export interface RunImportOptions {
  onProgress?: (done: number, total: number) => void;
  /** How many items there are, when known, for the progress. */
  total?: number;
  /** Fetch and clip the page of each URL-only record (a bookmark, a Pocket item) with these options. */
  fetch?: ClipUrlOptions;
  /** Items clipped and stored together (default 1,000; fewer for items that carry their images). */
  batchSize?: number;
}

/**
 * A URL-only record with its page fetched and clipped, keeping its title and tags; if the page
 * cannot be had, the record stays URL-only and the report says why.
 */
async function fetched(candidate: ImportCandidate, options: ClipUrlOptions, report: ImportReport): Promise<ImportCandidate> {
  const request = candidate.item!.request;
  try {
    const item = await fetchForClipping({ url: candidate.url!, ...(request.title ? { title: request.title } : {}), tags: request.tags ?? [] }, options);
    return { ...candidate, item: { ...item, method: 'import' }, urlOnly: false };
  } catch (error) {
    report.unfetched.push({ item: candidate.label, message: (error as Error).message });
    return candidate;
  }
}

/** How many items are clipped and stored together. */
const BATCH_SIZE = 1000;

/** Query parameters that only track where a click came from: not part of an article's address. */
const TRACKING_PARAMETER = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|igshid|ref_src|cmpid)$/iu;

/** A web address reduced to what identifies the page, for noticing duplicates. */
export function urlKey(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw.trim();
  }
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) if (TRACKING_PARAMETER.test(name)) url.searchParams.delete(name);
  url.searchParams.sort();
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/u, '') : '';
  return `${url.protocol}//${url.host.toLowerCase()}${path}${url.search}`;
}

/** How many articles KnownArticles.of takes in between turns of the event loop (each address is parsed). */
const KNOWN_SLICE = 5_000;

/** What the library already holds, to tell duplicates by. */
export class KnownArticles {
  private readonly ids = new Set<string>();
  private readonly urls = new Set<string>();
  private readonly texts = new Set<string>();
  private readonly originals = new Set<string>();

  private constructor() {}

  /**
   * What the library holds now, gathered without holding the thread: at 1,000,000 articles
   * the list of summaries this began with held it 3–4.7 s, before any key was made.
   */
  static async of(library: ArticleReader): Promise<KnownArticles> {
    const known = new KnownArticles();
    const records = await library.matchingRecords('');
    for (let at = 0; at < records.length; at++) {
      const record = records[at]!;
      known.remember({ id: record.id, url: record.url, textSha256: record.provenance.textSha256, originalSha256: record.provenance.originalSha256 });
      if (at % KNOWN_SLICE === KNOWN_SLICE - 1) await yieldToOthers();
    }
    return known;
  }

  /** Why the candidate is a duplicate, or null when it is new. */
  duplicateReason(candidate: Pick<ImportCandidate, 'id' | 'url' | 'textSha256' | 'originalSha256'>): string | null {
    if (candidate.id && this.ids.has(candidate.id)) return `an article with id ${candidate.id} is already in the library`;
    if (candidate.url && this.urls.has(urlKey(candidate.url))) return `an article from ${candidate.url} is already in the library`;
    if (candidate.textSha256 && this.texts.has(candidate.textSha256)) return 'an article with the same text is already in the library';
    if (candidate.originalSha256 && this.originals.has(candidate.originalSha256)) return 'the same page was already clipped into the library';
    return null;
  }

  remember(article: { id?: string; url?: string | null; textSha256?: string; originalSha256?: string }): void {
    if (article.id) this.ids.add(article.id);
    if (article.url) this.urls.add(urlKey(article.url));
    if (article.textSha256) this.texts.add(article.textSha256);
    if (article.originalSha256) this.originals.add(article.originalSha256);
  }
}

/** Imports the candidates; `onProgress` hears how many items were handled so far. */
export async function runImport(
  library: ArticleStore,
  format: string,
  candidates: AsyncIterable<ImportCandidate> | Iterable<ImportCandidate>,
  { onProgress, total = 0, fetch, batchSize = BATCH_SIZE }: RunImportOptions = {},
): Promise<ImportReport> {
  // With the index loaded, each batch is indexed as it is stored, as in import-jsonl.ts.
  await library.prepareSearch();
  const report: ImportReport = { format, imported: 0, urlOnly: 0, duplicates: [], failed: [], unfetched: [] };
  const known = await KnownArticles.of(library);
  let batch: ImportCandidate[] = [];
  let handled = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const result = await library.addBatch(batch.map((candidate) => candidate.item!));
    const failedAt = new Set(result.failed.map((failure) => failure.index));
    for (const failure of result.failed) report.failed.push({ item: batch[failure.index]!.label, message: failure.message });
    batch.forEach((candidate, i) => {
      if (!failedAt.has(i) && candidate.urlOnly) report.urlOnly++;
    });
    report.imported += result.added.length;
    for (const added of result.added) known.remember({ id: added.id, url: added.url });
    batch = [];
    onProgress?.(handled, Math.max(total, handled));
  };
  for await (let candidate of candidates) {
    handled++;
    if (!candidate.item) {
      report.failed.push({ item: candidate.label, message: candidate.error ?? 'nothing to import' });
      continue;
    }
    if (candidate.urlOnly && fetch) candidate = await fetched(candidate, fetch, report);
    const duplicate = known.duplicateReason(candidate);
    if (duplicate) {
      report.duplicates.push({ item: candidate.label, reason: duplicate });
      continue;
    }
    // Remembered now, so that the same item twice in one file goes in once.
    known.remember(candidate);
    batch.push(candidate);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return report;
}
