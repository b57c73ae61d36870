/**
 * One catalog shard as a file (catalog/<first id>.json, a lowdb file written durably): what it
 * holds, how it is read, written and cut in pieces. The catalog (catalog.ts) decides which
 * shards a change touches and keeps memory in step; this module only knows one shard's file.
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { ArticleRecord } from './article-record';
import { writeFilesDurably } from './durable-file';
import { DurableJsonFile } from './json-file-adapter';
import { appendedShardText } from './shard-json';
import { isShardFile } from './shard-ranges';

/** How many shard files are read at once while loading. */
const LOAD_CONCURRENCY = 8;

/** The content of one shard file. */
export interface ShardData {
  /** Goes up by one with every write of this shard; derived data records what it covers. */
  changeNumber: number;
  /**
   * The journal entry (its sequence number) of the write that made this content; absent for
   * shards written without a journal. A shard whose number is past the journal's last entry
   * was written but never journaled (a crash in between): it is journaled whole at the next
   * open.
   */
  journal?: number;
  articles: Record<string, ArticleRecord>;
}

/** A shard with no articles, never written. */
export function emptyShard(): ShardData {
  return { changeNumber: 0, articles: {} };
}

/** The lowdb file of a shard, holding `data` in memory (nothing is read or written yet). */
export function shardFile(folder: string, shard: string, data: ShardData = emptyShard()): Low<ShardData> {
  const low = new Low<ShardData>(new DurableJsonFile(join(folder, `${shard}.json`)), emptyShard());
  low.data = data;
  return low;
}

/** Reads one shard from disk. Throws if it does not parse or does not hold a shard. */
export async function readShard(folder: string, shard: string): Promise<Low<ShardData>> {
  const low = shardFile(folder, shard);
  await low.read();
  return checkedShard(low, shard);
}

/**
 * readShard without waiting, for a lookup that cannot (one article asked for, its shard not
 * read yet): the shard, or the error that stopped it.
 */
export function readShardNow(folder: string, shard: string): Low<ShardData> | Error {
  try {
    return checkedShard(shardFile(folder, shard, JSON.parse(readFileSync(join(folder, `${shard}.json`), 'utf8')) as ShardData), shard);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function checkedShard(low: Low<ShardData>, shard: string): Low<ShardData> {
  const data = low.data;
  if (!data || typeof data !== 'object' || typeof data.articles !== 'object' || data.articles === null) {
    throw new Error(`catalog: ${shard}.json does not hold a catalog shard`);
  }
  return low;
}

/** The shards in a catalog folder (their first ids), in name order; none when it does not exist. */
export async function shardsIn(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter(isShardFile).sort().map((name) => name.slice(0, -'.json'.length));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return [];
  }
}

/**
 * Reads the shards in the order given, yielding each (or the error that stopped it), a few
 * read at a time and the thread let go between them: with every shard read at once, their
 * parsing would run back to back and hold the thread up for the whole catalog.
 */
export async function* readShardsInOrder(folder: string, shards: readonly string[]): AsyncGenerator<[string, Low<ShardData> | Error]> {
  const reads: Promise<Low<ShardData> | Error>[] = [];
  const startRead = (i: number) => {
    if (i < shards.length) reads[i] = readShard(folder, shards[i]!).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  };
  for (let i = 0; i < LOAD_CONCURRENCY; i++) startRead(i);
  for (let i = 0; i < shards.length; i++) {
    const read = await reads[i]!;
    startRead(i + LOAD_CONCURRENCY);
    yield [shards[i]!, read];
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Writes new shards (a split's pieces) durably, all of them or, when one fails, none: those written are removed again and the failure thrown. */
export async function writeAllOrNone(folder: string, shards: readonly string[], contents: readonly ShardData[]): Promise<void> {
  const paths = shards.map((shard) => join(folder, `${shard}.json`));
  const failed = await writeFilesDurably(paths.map((path, i) => [path, JSON.stringify(contents[i])]));
  if (failed.size > 0) {
    await Promise.all(paths.map((path) => rm(path, { force: true })));
    throw failed.values().next().value;
  }
}

/** Writes a shard's next content; if the write fails, memory keeps what the file still holds. */
export async function writeOrKeep(low: Low<ShardData>, next: ShardData): Promise<void> {
  const before = low.data;
  low.data = next;
  try {
    await low.write();
  } catch (error) {
    low.data = before;
    throw error;
  }
}

/**
 * A shard's next text for a bulk change: its file on disk with the new articles appended when
 * the change only adds articles (shard-json.ts), a fraction of the cost of serialising it
 * again; else the next content serialised afresh.
 */
export async function bulkShardText(folder: string, shard: string, current: ShardData, next: ShardData, entries: readonly [string, ArticleRecord | null][]): Promise<string | Buffer> {
  const added = entries.filter((entry): entry is [string, ArticleRecord] => entry[1] !== null && !Object.hasOwn(current.articles, entry[0]));
  if (current.changeNumber > 0 && added.length === entries.length) {
    const onDisk = await readFile(join(folder, `${shard}.json`)).catch(() => null);
    const text = onDisk && appendedShardText(onDisk, current.changeNumber, next, added);
    if (text) return text;
  }
  return JSON.stringify(next);
}

/**
 * A shard's next content cut in pieces at `starts` (the shard's own start first, then where
 * each new piece begins, ascending): the first piece keeps the shard's change number, the new
 * ones start at 1, all carry the change's journal entry.
 */
export function cutIntoPieces(next: ShardData, starts: readonly string[]): ShardData[] {
  const pieces = starts.map((_, i): ShardData => ({ changeNumber: i === 0 ? next.changeNumber : 1, ...(next.journal !== undefined ? { journal: next.journal } : {}), articles: {} }));
  let piece = 0;
  for (const id of Object.keys(next.articles).sort()) {
    while (piece + 1 < starts.length && id >= starts[piece + 1]!) piece++;
    pieces[piece]!.articles[id] = next.articles[id]!;
  }
  return pieces;
}
