/**
 * A set of document numbers with a score each: what the query evaluator builds for every
 * part of a query. It has the part of Map's interface the evaluator needs, but keeps members
 * and scores in arrays as long as the library has documents, so that a word found in 30,000
 * of 100,000 articles costs array writes rather than 30,000 hash-table insertions.
 */
export class DocScores {
  /** Members in the order first added (a deleted one stays here; `member` says it is gone). */
  private readonly order: number[] = [];
  /** By document: 0 never a member, 1 a member, 2 deleted. */
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
    const state = this.member[doc];
    if (state !== 1) {
      // 0: never a member; 2: deleted, but still in `order`, where it takes its old place again.
      if (state === 0) this.order.push(doc);
      this.member[doc] = 1;
      this.count++;
    }
    this.scores[doc] = score;
    return this;
  }

  delete(doc: number): boolean {
    if (this.member[doc] !== 1) return false;
    this.member[doc] = 2;
    this.count--;
    return true;
  }

  /** The members, in the order added, as an array (cheaper to walk than the iterators). */
  docs(): number[] {
    return this.count === this.order.length ? this.order.slice() : this.order.filter((doc) => this.member[doc] === 1);
  }

  /**
   * Each document's score by number, for reading many members' scores in a loop without a
   * call each (a document that is not a member reads 0 or an old score: check has() first,
   * or take members from docs()).
   */
  get scoreArray(): Float64Array {
    return this.scores;
  }

  /** A member's score (0 for a document that is not one). */
  score(doc: number): number {
    return this.scores[doc]!;
  }

  /** Calls `visit` with each member and its score, in the order added. */
  forEach(visit: (score: number, doc: number) => void): void {
    for (const doc of this.order) if (this.member[doc] === 1) visit(this.scores[doc]!, doc);
  }
}
