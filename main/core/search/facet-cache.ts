/**
 * Each document's facet numbers (search-results.ts works them out and counts them), kept by
 * whoever numbers the documents (the search index), which forgets a document's entry when its
 * record changes. Worked out once, they make counting a result of tens of thousands a matter
 * of reading one typed array in document order: up to four numbers a document sit inline
 * (a tag, its parent, a source and a year is the common case), more in a map beside. Kept
 * as an array of arrays instead, reading them was a fifth of a query's time at 100,000
 * (CPU profile of the bench's queries): a pointer to follow into scattered memory for each
 * match.
 */

/** Numbers a document can keep inline. */
const INLINE = 4;
/** Slots a document takes: how many numbers it has (or UNKNOWN, or OVERFLOW), then the numbers. */
const STRIDE = INLINE + 1;
const UNKNOWN = -1;
const OVERFLOW = -2;

export class FacetCache {
  private slots = new Int32Array(0).fill(UNKNOWN);
  private readonly overflow = new Map<number, readonly number[]>();

  /** Makes room for documents numbered below `count`, their numbers unknown. */
  ensure(count: number): void {
    if (count * STRIDE <= this.slots.length) return;
    const grown = new Int32Array(Math.max(count, 1024, (this.slots.length / STRIDE) * 2) * STRIDE).fill(UNKNOWN);
    grown.set(this.slots);
    this.slots = grown;
  }

  /** Forgets a document's numbers (its record changed, or it was removed). */
  forget(doc: number): void {
    if (doc * STRIDE >= this.slots.length) return;
    if (this.slots[doc * STRIDE] === OVERFLOW) this.overflow.delete(doc);
    this.slots[doc * STRIDE] = UNKNOWN;
  }

  /** Forgets every document's numbers. */
  clear(): void {
    this.slots.fill(UNKNOWN);
    this.overflow.clear();
  }

  /** Calls `visit` with each of a document's facet numbers, working them out with `keysOf` the first time. */
  visit(doc: number, keysOf: (doc: number) => readonly number[], visit: (key: number) => void): void {
    this.ensure(doc + 1);
    const base = doc * STRIDE;
    let count = this.slots[base]!;
    if (count === UNKNOWN) {
      const keys = keysOf(doc);
      if (keys.length > INLINE) {
        this.overflow.set(doc, keys);
        count = OVERFLOW;
      } else {
        for (let i = 0; i < keys.length; i++) this.slots[base + 1 + i] = keys[i]!;
        count = keys.length;
      }
      this.slots[base] = count;
    }
    if (count === OVERFLOW) {
      for (const key of this.overflow.get(doc)!) visit(key);
      return;
    }
    for (let i = 1; i <= count; i++) visit(this.slots[base + i]!);
  }
}
