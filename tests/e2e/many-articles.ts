/**
 * Libraries of many articles for the end-to-end tests, put in the way the lossless archive
 * import puts them (Library.restoreBatch): real captures and catalog records on disk, without
 * clipping each one, so that a test can start with thousands. Each article has a title, a
 * short text, a source, a publication date spread over the months of 2021–2022 and the tags asked for.
 */
import { createHash } from 'node:crypto';
import type { ArticleRecord } from '../../main/core/storage/article-record';
import type { Library, RestoreItem } from '../../main/core/library';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** A ULID-shaped id whose order follows `n` (the later, the newer). */
function idFor(n: number, salt: number): string {
  let digits = '';
  let value = n;
  for (let place = 0; place < 10; place++) {
    digits = CROCKFORD[value % 32]! + digits;
    value = Math.floor(value / 32);
  }
  let tail = '';
  let random = salt * 7919 + n * 104_729;
  for (let place = 0; place < 16; place++) {
    tail += CROCKFORD[random % 32]!;
    random = Math.floor(random / 32) + place * 31;
  }
  return `01${digits.slice(2)}${tail}`.slice(0, 26);
}

/** What each generated article is like. */
export interface ManyOptions {
  /** Tags of the nth article (from 0). */
  tags?: (n: number) => string[];
  /** Publication date of the nth article, `YYYY-MM-DD`. */
  published?: (n: number) => string | null;
  /** Title of the nth article. */
  title?: (n: number) => string;
  /** Keeps ids apart between calls in one library. */
  salt?: number;
  /** The n of the first article (0 unless a library is made in several calls). */
  from?: number;
}

/** The nth article (from 0) as a library stores it. */
export function manyArticle(n: number, options: ManyOptions = {}): RestoreItem {
  const title = options.title?.(n) ?? `Harbour report ${String(n + 1).padStart(6, '0')}`;
  const text = `${title}. The harbour authority published its figures for berth ${n % 97} on the quay today.`;
  const month = n % 24;
  const published = options.published ? options.published(n) : `${2021 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
  const clipped = new Date(Date.UTC(2023, 0, 1) + n * 60_000).toISOString();
  const original = Buffer.from(`${title}\n\n${text}`, 'utf8');
  const record: ArticleRecord = {
    id: idFor(n, options.salt ?? 0),
    title,
    url: null,
    source: 'Harbour Gazette',
    author: null,
    published,
    clipped,
    tags: options.tags?.(n) ?? [],
    excerpt: text.slice(0, 120),
    words: text.split(' ').length,
    lang: 'en',
    provenance: { method: 'paste', captured: clipped, originalSha256: sha256(original), textSha256: sha256(text), appVersion: '0.1.0' },
  };
  const extracted = { title, url: null, source: null, author: null, published: null, lang: null, excerpt: '' };
  return { record, content: { id: record.id, text, html: `<p>${text}</p>`, extracted, record }, original, kind: 'txt' };
}

/** Puts `count` generated articles in the library, in batches of 5,000. */
export async function addManyArticles(library: Library, count: number, options: ManyOptions = {}): Promise<void> {
  const BATCH = 5_000;
  const from = options.from ?? 0;
  for (let start = from; start < from + count; start += BATCH) {
    const items: RestoreItem[] = [];
    for (let n = start; n < Math.min(from + count, start + BATCH); n++) items.push(manyArticle(n, options));
    await library.restoreBatch(items);
  }
}
