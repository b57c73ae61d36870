/**
 * A compact multimap from 32-bit hashes to ordinals (small integers that name an entry): the
 * store of the duplicate index (duplicate-index.ts). At 1,000,000 articles it holds some 14
 * million pairs. As a Map of arrays that is over a gigabyte of heap; as two typed arrays
 * sorted by hash it is 8 bytes a pair (about 110 MB), and a lookup is a binary search.
 *
 * The sorted part is made once, from every pair at hand (a radix sort: two passes of 16 bits,
 * linear, where Array.prototype.sort with a comparator over 14 million pairs takes seconds).
 * Pairs added later go to a small Map beside it; the owner rebuilds the whole when that grows.
 */
import { yieldToOthers } from '../yield-to-others';

/** Pairs gathered for {@link HashPostings.sorted}, in typed arrays that grow by doubling. */
export class PairBuffer {
  hashes = new Uint32Array(1024);
  ordinals = new Uint32Array(1024);
  length = 0;

  push(hash: number, ordinal: number): void {
    if (this.length === this.hashes.length) {
      const hashes = new Uint32Array(this.length * 2);
      const ordinals = new Uint32Array(this.length * 2);
      hashes.set(this.hashes);
      ordinals.set(this.ordinals);
      this.hashes = hashes;
      this.ordinals = ordinals;
    }
    this.hashes[this.length] = hash;
    this.ordinals[this.length++] = ordinal;
  }
}

/** Pairs counted or moved between two turns of the event loop while sorting (a few ms of work). */
const SORT_SLICE = 1 << 16;

/** Runs `work` over 0..n in slices of SORT_SLICE, letting the event loop in between. */
async function inSlices(n: number, work: (start: number, end: number) => void): Promise<void> {
  for (let start = 0; start < n; start += SORT_SLICE) {
    work(start, Math.min(n, start + SORT_SLICE));
    await yieldToOthers();
  }
}

/** Pairs in two arrays of the same length, sorted by hash. */
export interface SortedPairs {
  readonly hashes: Uint32Array;
  readonly ordinals: Uint32Array;
}

/**
 * Two runs of pairs sorted by hash, merged into one, a slice at a time: at 1,000,000 articles
 * a saved index (duplicate-snapshot.ts) holds some 14 million pairs.
 */
export async function mergeSorted(a: SortedPairs, b: SortedPairs): Promise<SortedPairs> {
  if (b.hashes.length === 0) return a;
  if (a.hashes.length === 0) return b;
  const n = a.hashes.length + b.hashes.length;
  const hashes = new Uint32Array(n);
  const ordinals = new Uint32Array(n);
  let i = 0;
  let j = 0;
  await inSlices(n, (start, end) => {
    for (let at = start; at < end; at++) {
      if (j >= b.hashes.length || (i < a.hashes.length && a.hashes[i]! <= b.hashes[j]!)) {
        hashes[at] = a.hashes[i]!;
        ordinals[at] = a.ordinals[i++]!;
      } else {
        hashes[at] = b.hashes[j]!;
        ordinals[at] = b.ordinals[j++]!;
      }
    }
  });
  return { hashes, ordinals };
}

/**
 * Sorts pairs by hash with two stable counting passes over 16 bits each, letting the event
 * loop in every SORT_SLICE pairs: 14 million pairs take about a second, far too long to hold
 * the main thread.
 */
export async function sortPairs(input: PairBuffer): Promise<SortedPairs> {
  const n = input.length;
  let hashes = input.hashes.subarray(0, n);
  let ordinals = input.ordinals.subarray(0, n);
  let spareHashes = new Uint32Array(n);
  let spareOrdinals = new Uint32Array(n);
  const counts = new Uint32Array(65536);
  for (const shift of [0, 16]) {
    counts.fill(0);
    await inSlices(n, (start, end) => {
      for (let i = start; i < end; i++) counts[(hashes[i]! >>> shift) & 0xffff]!++;
    });
    let total = 0;
    for (let bucket = 0; bucket < 65536; bucket++) {
      const count = counts[bucket]!;
      counts[bucket] = total;
      total += count;
    }
    await inSlices(n, (start, end) => {
      for (let i = start; i < end; i++) {
        const at = counts[(hashes[i]! >>> shift) & 0xffff]!++;
        spareHashes[at] = hashes[i]!;
        spareOrdinals[at] = ordinals[i]!;
      }
    });
    // The first pass's input is the buffer's own arrays, which the second pass then writes into.
    [hashes, spareHashes] = [spareHashes, hashes];
    [ordinals, spareOrdinals] = [spareOrdinals, ordinals];
  }
  return { hashes, ordinals };
}

/** Hashes → ordinals: a sorted part and the pairs added since. */
export class HashPostings {
  /** Pairs added after the sorted part was made. */
  private readonly added = new Map<number, number[]>();
  private addedPairs = 0;

  /** The sorted part. */
  private constructor(
    readonly hashes: Uint32Array,
    readonly ordinals: Uint32Array,
  ) {}

  /** Postings of the pairs gathered in `pairs` (whose arrays it reuses). */
  static async sorted(pairs: PairBuffer): Promise<HashPostings> {
    const { hashes, ordinals } = await sortPairs(pairs);
    // The sorted arrays may be views of the buffer's, which grew by doubling: up to twice the pairs.
    const oversized = hashes.buffer.byteLength > hashes.byteLength * 1.25;
    return oversized ? new HashPostings(hashes.slice(), ordinals.slice()) : new HashPostings(hashes, ordinals);
  }

  /** Postings of pairs already sorted by hash (a saved index, duplicate-snapshot.ts). */
  static of(hashes: Uint32Array, ordinals: Uint32Array): HashPostings {
    return new HashPostings(hashes, ordinals);
  }

  /** Every pair sorted by hash, those added since merged into the sorted part (to be saved). */
  async merged(): Promise<SortedPairs> {
    if (this.addedPairs === 0) return { hashes: this.hashes, ordinals: this.ordinals };
    const extra = new PairBuffer();
    for (const [hash, ordinals] of this.added) for (const ordinal of ordinals) extra.push(hash, ordinal);
    return mergeSorted(this, await sortPairs(extra));
  }

  /** How many pairs were added after the sorted part was made. */
  get addedSince(): number {
    return this.addedPairs;
  }

  /** Files `ordinal` under `hash`. */
  add(hash: number, ordinal: number): void {
    const list = this.added.get(hash);
    if (list) list.push(ordinal);
    else this.added.set(hash, [ordinal]);
    this.addedPairs++;
  }

  /** Calls `found` with every ordinal filed under `hash` (more than once if it was filed more than once). */
  forEach(hash: number, found: (ordinal: number) => void): void {
    // The first pair with this hash, by binary search.
    let low = 0;
    let high = this.hashes.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.hashes[middle]! < hash) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < this.hashes.length && this.hashes[i] === hash; i++) found(this.ordinals[i]!);
    for (const ordinal of this.added.get(hash) ?? []) found(ordinal);
  }
}
