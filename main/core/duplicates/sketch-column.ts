/**
 * Each filed article's sketch by ordinal, in one typed array (SKETCH_SIZE hashes a slot, its
 * length beside), kept by the duplicate index and saved with it (duplicate-snapshot.ts), so
 * that the index turns away an article found by a shared sketch hash without reading its
 * record, let alone its shard.
 *
 * Why: an article that shares one of its smallest hashes with a new clip is a candidate, and
 * shared passages make many (wire copy, a quoted speech). The storage bench's 100,000 pasted
 * stories found some 2,000 candidates each in most of the 782 shards; read to compare their
 * sketches, the first clip after a restart took 2.2 s. Compared here first, only those close
 * enough to be findDuplicate's near matches are read. It costs 65 bytes an article (65 MB at
 * 1,000,000) in the file and in memory.
 */
import { yieldToOthers } from '../yield-to-others';
import { SKETCH_SIZE } from './text-fingerprint';

/** Sketches copied between two turns of the event loop while a column is made. */
const SLICE = 20_000;

export class SketchColumn {
  constructor(
    /** SKETCH_SIZE slots an ordinal, the sketch's hashes first. */
    readonly hashes: Uint32Array,
    /** How many of each ordinal's slots hold its sketch (0: none). */
    readonly lengths: Uint8Array,
  ) {
    if (hashes.length !== lengths.length * SKETCH_SIZE) throw new Error(`sketch column: ${hashes.length} hashes for ${lengths.length} sketches`);
  }

  /** How many ordinals it holds, from 0. */
  get length(): number {
    return this.lengths.length;
  }

  /** The sketch filed for `ordinal` (a view), or null when the column does not reach it. */
  at(ordinal: number): Uint32Array | null {
    if (ordinal >= this.lengths.length) return null;
    const start = ordinal * SKETCH_SIZE;
    return this.hashes.subarray(start, start + this.lengths[ordinal]!);
  }

  /** A column of `count` ordinals, none with a sketch yet (set fills them). */
  static sized(count: number): SketchColumn {
    return new SketchColumn(new Uint32Array(count * SKETCH_SIZE), new Uint8Array(count));
  }

  /** Puts `sketch` (its first SKETCH_SIZE hashes) as `ordinal`'s. */
  set(ordinal: number, sketch: ArrayLike<number>): void {
    const length = Math.min(SKETCH_SIZE, sketch.length);
    for (let i = 0; i < length; i++) this.hashes[ordinal * SKETCH_SIZE + i] = sketch[i]!;
    this.lengths[ordinal] = length;
  }

  /** A column of `count` sketches, `sketchOf` giving each, a slice at a time. */
  static async of(count: number, sketchOf: (ordinal: number) => ArrayLike<number>): Promise<SketchColumn> {
    const column = SketchColumn.sized(count);
    for (let ordinal = 0; ordinal < count; ordinal++) {
      column.set(ordinal, sketchOf(ordinal));
      if ((ordinal + 1) % SLICE === 0) await yieldToOthers();
    }
    return column;
  }
}
