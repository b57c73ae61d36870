/**
 * A catalog shard's text for a bulk change (an import adds articles to every shard, batch
 * after batch): the shard file as it is on disk with the new articles spliced in before its
 * closing braces, rather than the whole shard serialised again. The text is exactly what
 * JSON.stringify of the shard's next content gives — `{"changeNumber":N,"journal":S,
 * "articles":{…}}`, new keys last — so the two ways of writing a shard never differ.
 *
 * It replaces a cache of every shard's JSON kept in the heap between batches, which grew with
 * the library (about 1.25 KB an article: 25 MB of the main thread's heap at 20,000 articles,
 * measured with --expose-gc after an import) and helped run an import of 890,000 out of heap.
 */
import type { ArticleRecord } from './article-record';

/** The beginning of a shard's text, up to its first article. */
const HEAD = /^\{"changeNumber":(\d+),(?:"journal":\d+,)?"articles":\{/u;
/** How much of a file's beginning is enough to hold its head. */
const HEAD_BYTES = 64;

/** The text of a shard's head for its next content. */
function headOf(next: { changeNumber: number; journal?: number }): string {
  const journal = next.journal !== undefined ? `"journal":${next.journal},` : '';
  return `{"changeNumber":${next.changeNumber},${journal}"articles":{`;
}

/**
 * The next text of a shard that only gains articles, from its text on disk: null when that
 * text is not the shard as `currentChangeNumber` left it (another change number, or not a
 * shard as the catalog writes them), and the caller serialises the shard afresh.
 */
export function appendedShardText(
  onDisk: Buffer,
  currentChangeNumber: number,
  next: { changeNumber: number; journal?: number },
  added: readonly (readonly [string, ArticleRecord])[],
): Buffer | null {
  const head = HEAD.exec(onDisk.toString('utf8', 0, Math.min(HEAD_BYTES, onDisk.length)));
  if (!head || Number(head[1]) !== currentChangeNumber) return null;
  if (onDisk.length < head[0].length + 2 || onDisk[onDisk.length - 2] !== 0x7d || onDisk[onDisk.length - 1] !== 0x7d) return null;
  // The head is ASCII, so its length in characters is its length in bytes.
  const body = onDisk.subarray(head[0].length, onDisk.length - 2);
  const appended = added.map(([id, record]) => `${JSON.stringify(id)}:${JSON.stringify(record)}`).join(',');
  const separator = body.length > 0 && appended.length > 0 ? ',' : '';
  return Buffer.concat([Buffer.from(headOf(next)), body, Buffer.from(`${separator}${appended}}}`)]);
}
