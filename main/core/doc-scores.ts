/**
 * A set of document numbers with a score each: what the query evaluator builds for every
 * part of a query. It has the part of Map's interface the evaluator uses, but keeps members
 * and scores in arrays as long as the library has documents, so that a word found in 30,000
 * of 100,000 articles costs array writes rather than 30,000 hash-table insertions.
 */
export class DocScores implements Iterable<[number, number]> {
  /** Members in the order added (a removed one stays here, unmarked in `member`). */
  private readonly order: number[] = [];
  private readonly member: Uint8Array;
  private readonly scores: Float64Array;
  private count = 0;

  /** An empty set for documents numbered below `capacity`. */
  constructor(capacity: number) {
    this.member = new Uint8Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  has(doc: number): boolean {
    return this.member[doc] === 1;
  }

  get(doc: number): number | undefined {
    return this.member[doc] === 1 ? this.scores[doc] : undefined;
  }

  set(doc: number, score: number): this {
    if (this.member[doc] !== 1) {
      this.member[doc] = 1;
      this.order.push(doc);
      this.count++;
    }
    this.scores[doc] = score;
    return this;
  }

  delete(doc: number): boolean {
    if (this.member[doc] !== 1) return false;
    this.member[doc] = 0;
    this.count--;
    return true;
  }

  /** The members, in the order added, as an array (cheaper to walk than the iterators). */
  docs(): number[] {
    return this.count === this.order.length ? this.order.slice() : this.order.filter((doc) => this.member[doc] === 1);
  }

  /** A member's score (0 for a document that is not one). */
  score(doc: number): number {
    return this.scores[doc]!;
  }

  *keys(): IterableIterator<number> {
    for (const doc of this.order) if (this.member[doc] === 1) yield doc;
  }

  *[Symbol.iterator](): IterableIterator<[number, number]> {
    for (const doc of this.order) if (this.member[doc] === 1) yield [doc, this.scores[doc]!];
  }

  /** Calls `visit` with each member and its score, without the iterator's allocations. */
  forEach(visit: (score: number, doc: number) => void): void {
    for (const doc of this.order) if (this.member[doc] === 1) visit(this.scores[doc]!, doc);
  }
}
