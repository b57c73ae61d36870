/**
 * Which shard of the catalog holds an article (library format 4): each shard file
 * `catalog/<start>.json` holds the ids from its start (a ULID) up to the next shard's start,
 * the first shard everything below the second's. The list of starts is the files' names, so
 * nothing else has to agree with them; a binary search in it finds an id's shard.
 *
 * ULIDs sort by the time they were made, so new articles all go to the newest range and an
 * import adds to one shard rather than rewriting every shard (format 3 spread ids over 1,024
 * shards by their random last characters: each import batch rewrote all of them, and a tag
 * edit rewrote a shard that grew with the library — 77 KB at 100,000 articles, 310 KB at
 * 400,000). A shard that passes SHARD_BOUND articles is split, so what an edit rewrites
 * stays bounded whatever the library's size.
 */

/**
 * The most articles a shard holds before it is split. A catalog record is about 800 bytes
 * (measured: 77 KB for the 98 records of a shard at 100,000 articles), so a tag edit
 * rewrites at most 128 × 0.8 ≈ 102 KB whatever the library's size (format 3: 77 KB at
 * 100,000, 310 KB at 400,000), which fsyncs within a few milliseconds. Fewer articles a
 * shard would mean more files to read at open, and each file costs there besides its bytes:
 * reading the catalog of 100,000 took 1.98 s of CPU in 1,563 files of 64 against 1.67 s in
 * format 3's 1,024 (catalog alone, loaded machine), and open at 100,000 has a 1 s target.
 * 128 gives about 780 files at 100,000 and 7,800 at a million.
 */
export const SHARD_BOUND = 128;

/** The start of the first shard: the lowest ULID. The first shard also holds any id below it. */
export const FIRST_SHARD = '0'.repeat(26);

const SHARD_NAME = /^[0-9A-Z]{26}$/u;

/** True when a file name is a catalog shard (`<26-character start>.json`). */
export function isShardFile(name: string): boolean {
  return name.length === 31 && name.endsWith('.json') && SHARD_NAME.test(name.slice(0, 26));
}

/** The sorted starts of the catalog's shards. */
export class ShardRanges {
  private readonly starts: string[];

  constructor(starts: Iterable<string> = []) {
    this.starts = [...new Set(starts)].sort();
    for (const start of this.starts) {
      if (!SHARD_NAME.test(start)) throw new Error(`catalog: ${JSON.stringify(start)} cannot start a shard`);
    }
  }

  /** How many shards there are. */
  get size(): number {
    return this.starts.length;
  }

  /** Every start, lowest first. */
  list(): readonly string[] {
    return this.starts;
  }

  /** The shard holding an id: the last start at or below it (the first shard for ids below every start); FIRST_SHARD while there is none. */
  shardOf(id: string): string {
    const starts = this.starts;
    if (starts.length === 0) return FIRST_SHARD;
    let low = 0;
    let high = starts.length - 1;
    // The last index whose start is <= id; 0 when every start is above it.
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= id) low = middle;
      else high = middle - 1;
    }
    return starts[low]!;
  }

  /** The start of the shard after this one, or null for the newest. */
  endOf(start: string): string | null {
    const index = this.indexOf(start);
    return this.starts[index + 1] ?? null;
  }

  /** Adds the start of a new shard. */
  add(start: string): void {
    if (!SHARD_NAME.test(start)) throw new Error(`catalog: ${JSON.stringify(start)} cannot start a shard`);
    const index = this.starts.findIndex((other) => other >= start);
    if (index < 0) this.starts.push(start);
    else if (this.starts[index] !== start) this.starts.splice(index, 0, start);
  }

  private indexOf(start: string): number {
    // A binary search: the starts are sorted, and opening 1,000,000 articles asks for each of ~8,000.
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.starts[middle]! < start) low = middle + 1;
      else high = middle;
    }
    if (this.starts[low] !== start) throw new Error(`catalog: no shard starts at ${JSON.stringify(start)}`);
    return low;
  }
}

/**
 * Where a shard of more than SHARD_BOUND articles is cut: the starts of the pieces after its
 * first (which keeps the shard's name), from its ids sorted. An older range is halved at its
 * median, and each half again until none is past the bound. The newest range is cut
 * SHARD_BOUND ids at a time from its lowest, the rest staying newest: new ids only ever
 * arrive at its top, so a half left there would stay half full for good (and a million
 * articles would take twice the files).
 */
export function splitPoints(sortedIds: readonly string[], newest: boolean): string[] {
  if (sortedIds.length <= SHARD_BOUND) return [];
  if (newest) {
    const points: string[] = [];
    for (let i = SHARD_BOUND; i < sortedIds.length; i += SHARD_BOUND) points.push(sortedIds[i]!);
    return points;
  }
  const middle = sortedIds.length >> 1;
  return [...splitPoints(sortedIds.slice(0, middle), false), sortedIds[middle]!, ...splitPoints(sortedIds.slice(middle), false)];
}
