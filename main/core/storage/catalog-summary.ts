/**
 * The catalog's summary (index/catalog-summary.json): for each shard, what opening a library
 * needs of it without reading it — how many articles, their lowest and highest id, each tag's
 * count, its change and journal numbers — and the file's size, times and inode as they were
 * when it was summarised. Opening trusts a shard's entry only while the file's stat still says
 * exactly that; any other shard is read and parsed as before, so a shard written by a crash
 * after the summary, repaired from a backup, synced from another machine or damaged on disk
 * is read (and repaired) as it always was. The summary is derived data like the search
 * snapshot: missing, unreadable or of another format, it is ignored, and it is written again
 * when the library is closed.
 *
 * Why: at 1,000,000 articles the catalog is 7,800 shard files and about 900 MB of JSON, and
 * reading and parsing all of them was nearly all of an open of 8–11.5 s (issue #22); the
 * summary of the same library is 2.7 MB, and opening by it takes 0.2–0.3 s.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ArticleRecord } from './article-record';
import { writeFileDurably } from './durable-file';

/** The summary's format; a file of another is ignored. */
const SUMMARY_FORMAT = 1;

/** Where a library keeps its catalog's summary: beside the search snapshot, with the derived data. */
export function catalogSummaryPath(root: string): string {
  return join(root, 'index', 'catalog-summary.json');
}

/** The file a summary entry vouches for, as its stat showed it. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** What the summary keeps of one shard. */
export interface ShardSummary {
  file: FileStamp;
  changeNumber: number;
  /** The journal entry of the shard's last write, when it was journaled. */
  journal?: number;
  /** How many articles the shard holds. */
  count: number;
  /** Its lowest and highest id ('' when it holds none). */
  first: string;
  last: string;
  /** Each tag as spelled in the shard, with how many of its articles carry it, in the order first met. */
  tags: [string, number][];
}

/** The stamp of a file's stat. */
export function stampOf(stats: Stats): FileStamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
}

/** True when two stamps are of the same file, unchanged. */
export function sameFile(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/** A shard's summary, from its articles as they are in memory and on disk (`file`). */
export function summariseShard(file: FileStamp, data: { changeNumber: number; journal?: number; articles: Record<string, ArticleRecord> }): ShardSummary {
  let first = '';
  let last = '';
  let count = 0;
  const tags = new Map<string, number>();
  for (const id in data.articles) {
    count++;
    if (first === '' || id < first) first = id;
    if (id > last) last = id;
    for (const tag of data.articles[id]!.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
  }
  return { file, changeNumber: data.changeNumber, ...(data.journal !== undefined ? { journal: data.journal } : {}), count, first, last, tags: [...tags] };
}

/** How many shard files are stat'ed at once, the thread let go between. */
const STAT_SLICE = 256;

/**
 * The summaries that can stand for their shards at open: the file's stat is the one recorded,
 * and the ids lie in the shard's range (a split a crash cut short leaves articles outside it,
 * which only reading the shard settles). A few hundred stats at a time: the 7,800 of a million
 * articles answered at once held the thread 85 ms with their callbacks.
 */
export async function trustedSummaries(
  folder: string,
  shards: readonly string[],
  summaries: ReadonlyMap<string, ShardSummary>,
  rangeOf: (shard: string) => { start: string; end: string | null },
): Promise<Map<string, ShardSummary>> {
  const trusted = new Map<string, ShardSummary>();
  const stamps = await stampShards(folder, shards.filter((shard) => summaries.has(shard)));
  for (const [shard, stamp] of stamps) {
    const summary = summaries.get(shard)!;
    if (!sameFile(summary.file, stamp)) continue;
    const { start, end } = rangeOf(shard);
    if (summary.count > 0 && (summary.first < start || (end !== null && summary.last >= end))) continue;
    trusted.set(shard, summary);
  }
  return trusted;
}

/** The stamp of each shard's file now, a few hundred stats at a time; a shard that cannot be stat'ed is left out. */
export async function stampShards(folder: string, shards: readonly string[]): Promise<Map<string, FileStamp>> {
  const stamps = new Map<string, FileStamp>();
  for (let from = 0; from < shards.length; from += STAT_SLICE) {
    const slice = shards.slice(from, from + STAT_SLICE);
    const read = await Promise.all(slice.map((shard) => stampShard(folder, shard)));
    slice.forEach((shard, i) => {
      const stamp = read[i];
      if (stamp) stamps.set(shard, stamp);
    });
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return stamps;
}

/** The stamp of a shard file now, or null when it cannot be read. */
export async function stampShard(folder: string, shard: string): Promise<FileStamp | null> {
  return stat(join(folder, `${shard}.json`)).then(stampOf, () => null);
}

/** How many entries are parsed between two turns of the event loop. */
const PARSE_SLICE = 500;

/**
 * Reads the summary; an empty map when there is none or it cannot be used. An entry that is
 * not well formed is left out (its shard is then read), never trusted. The file is a line of
 * its format, then a line `[shard, entry]` for each shard: parsed a few hundred lines at a
 * time, the 2.7 MB of a million articles' summary never holds the thread (one JSON.parse of it
 * did, 35 ms, on the two-core machine).
 */
export async function readCatalogSummary(path: string): Promise<Map<string, ShardSummary>> {
  const entries = new Map<string, ShardSummary>();
  let lines: string[];
  try {
    lines = (await readFile(path, 'utf8')).split('\n');
  } catch {
    return entries;
  }
  if (lines[0] !== JSON.stringify({ format: SUMMARY_FORMAT })) return entries;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    try {
      const [shard, entry] = JSON.parse(lines[i]!) as [unknown, unknown];
      if (typeof shard === 'string' && isShardSummary(entry)) entries.set(shard, entry);
    } catch {
      // A line cut short or garbled stands for nothing: its shard is read.
    }
    if (i % PARSE_SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return entries;
}

/** Writes the summary durably (a crash leaves the old one or the new one, never half). */
export async function writeCatalogSummary(path: string, shards: Iterable<[string, ShardSummary]>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const lines = [JSON.stringify({ format: SUMMARY_FORMAT })];
  for (const entry of shards) lines.push(JSON.stringify(entry));
  await writeFileDurably(path, `${lines.join('\n')}\n`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isShardSummary(value: unknown): value is ShardSummary {
  if (!isObject(value) || !isObject(value.file)) return false;
  const { file } = value;
  const numbers = [file.size, file.mtimeMs, file.ctimeMs, file.ino, value.changeNumber, value.count];
  if (!numbers.every((number) => typeof number === 'number' && Number.isFinite(number))) return false;
  if (value.journal !== undefined && typeof value.journal !== 'number') return false;
  if (typeof value.first !== 'string' || typeof value.last !== 'string' || !Array.isArray(value.tags)) return false;
  return value.tags.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'number' && pair[1] > 0);
}
