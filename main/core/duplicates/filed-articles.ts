/**
 * What the duplicate index (duplicate-index.ts) knows of each ordinal: the id of the article
 * filed under it and the sketch it was filed with. Those made or loaded together are kept
 * compact — the ids as bytes when loaded from the snapshot, the sketches in a SketchColumn —
 * and those filed since in plain arrays beside them.
 */
import { SavedIds } from './saved-ids';
import { SketchColumn } from './sketch-column';

const NO_SKETCH: readonly number[] = [];

export class FiledArticles {
  private readonly laterIds: string[] = [];
  private readonly laterSketches: (readonly number[])[] = [];

  constructor(
    private readonly ids: SavedIds | readonly string[],
    private readonly sketches: SketchColumn,
  ) {
    if (ids.length !== sketches.length) throw new Error(`filed articles: ${ids.length} ids for ${sketches.length} sketches`);
  }

  get length(): number {
    return this.ids.length + this.laterIds.length;
  }

  /** How many were filed after those made or loaded together. */
  get filedSince(): number {
    return this.laterIds.length;
  }

  id(ordinal: number): string | undefined {
    return ordinal < this.ids.length ? this.ids.at(ordinal) : this.laterIds[ordinal - this.ids.length];
  }

  /** The sketch `ordinal` was filed with (empty when none). */
  sketch(ordinal: number): ArrayLike<number> {
    return (ordinal < this.ids.length ? this.sketches.at(ordinal) : this.laterSketches[ordinal - this.ids.length]) ?? NO_SKETCH;
  }

  /** Files an article; its ordinal. */
  push(id: string, sketch: readonly number[]): number {
    this.laterIds.push(id);
    this.laterSketches.push(sketch);
    return this.length - 1;
  }

  /** Every id in ordinal order, as the snapshot keeps them. */
  savedIds(): Promise<SavedIds> {
    return this.ids instanceof SavedIds ? SavedIds.of(this.laterIds, this.ids) : SavedIds.of([...this.ids, ...this.laterIds]);
  }

  /** Every ordinal's sketch in one column, as the snapshot keeps them. */
  sketchColumn(): Promise<SketchColumn> {
    if (this.laterIds.length === 0) return Promise.resolve(this.sketches);
    return SketchColumn.of(this.length, (ordinal) => this.sketch(ordinal));
  }
}
