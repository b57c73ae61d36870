/**
 * What each import format reader produces: one candidate per item found in the file, either
 * an article to clip or the reason it cannot be one. run-import.ts takes it from there.
 */
import type { BatchItem } from '../capture/batch-item';

/** One item read from an import file. */
export interface ImportCandidate {
  /** Where it is in the input, for the summary: `line 3`, `row 5`, `bookmark 2`, `file a.html`. */
  label: string;
  /** The article to add, or absent when `error` says why there is none. */
  item?: BatchItem;
  error?: string;
  /** Ways to know it is already in the library (or earlier in the same import). */
  id?: string;
  url?: string | null;
  textSha256?: string;
  /** SHA-256 of the bytes as read (a saved page): the same page saved twice is one article. */
  originalSha256?: string;
  /** A record with a web address and no text (a bookmark, a Pocket item): kept as such. */
  urlOnly?: boolean;
}

/** What an import did, for the summary at the end. */
export interface ImportReport {
  /** The format read (`pocket-csv`, `archive`, …). */
  format: string;
  imported: number;
  /** How many of the imported were URL-only records (title and address, no text). */
  urlOnly: number;
  /** Items not imported because the library (or the same file) already has them. */
  duplicates: { item: string; reason: string }[];
  /** Items that could not be imported, with why. */
  failed: { item: string; message: string }[];
  /** URL-only records whose page could not be fetched (with --fetch): kept URL-only, with why. */
  unfetched: { item: string; message: string }[];
  /** Things about the file worth knowing that are not failures (a web archive's checks). */
  notes?: string[];
}

/** Metadata common to the readers, turned into a batch item: text when there is some, else URL-only. */
export interface ForeignArticle {
  label: string;
  title?: string | null;
  url?: string | null;
  text?: string | null;
  html?: string | null;
  source?: string | null;
  author?: string | null;
  /** Any date form; only a calendar date (YYYY-MM-DD…) is kept. */
  published?: string | null;
  tags?: readonly string[];
  fileName?: string;
  /** The bytes of the item as read, kept as the capture's original. */
  original: Uint8Array;
}

/** The YYYY-MM-DD of a date or time string, or undefined when it holds no whole date. */
export function calendarDate(value: string | null | undefined): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/u.exec(value?.trim() ?? '');
  return match ? match[1] : undefined;
}

/** Builds the candidate for an article read from a foreign format. */
export function foreignCandidate(article: ForeignArticle): ImportCandidate {
  const title = article.title?.replace(/\s+/gu, ' ').trim() || undefined;
  const url = article.url?.trim() || undefined;
  const options = {
    title,
    url,
    source: article.source?.trim() || undefined,
    author: article.author?.trim() || undefined,
    published: calendarDate(article.published),
    tags: [...(article.tags ?? [])].map((tag) => tag.trim()).filter((tag) => tag !== ''),
    fileName: article.fileName,
  };
  const base = { label: article.label, url: url ?? null };
  if (article.html && article.html.trim() !== '') {
    return { ...base, item: { kind: 'html', request: { html: article.html, ...options }, original: article.original, method: 'import' } };
  }
  if (article.text && article.text.trim() !== '') {
    if (!title) return { ...base, error: 'it has text but no title' };
    return { ...base, item: { kind: 'text', request: { text: `${title}\n\n${article.text}`, ...options }, original: article.original, method: 'import' } };
  }
  if (!url) return { ...base, error: 'it has neither text nor a web address' };
  // URL-only: the title (or the address) as the title, the address as the body, so that
  // the record is kept, found by search and can be fetched later.
  return {
    ...base,
    urlOnly: true,
    item: { kind: 'text', request: { text: `${title ?? url}\n\n${url}`, ...options, title: title ?? url }, original: article.original, method: 'import' },
  };
}
