/**
 * A list of strings kept as the snapshot holds them: one text with a separator between them,
 * and where each begins. A string is cut out of the text when it is asked for.
 *
 * Why not split the text: splitting makes every string at load, and they all live as long as
 * the index. At 1,000,000 articles the search worker's load split about five million of them
 * (ids, titles, clipping times, two fields' words). Each survived two collections on its way to
 * the old generation: the collector took 1.1 s of a 3.1 s load (CPU profile of the worker,
 * 2 × EPYC). Here a list is one string and a Uint32Array, and a string cut out for a query or a
 * page of results dies young, which costs the collector next to nothing.
 */

/** A read-only list of strings, as an array gives it: what the search code needs of a list of words or values. */
export interface StringList {
  readonly length: number;
  at(index: number): string | undefined;
  [Symbol.iterator](): Iterator<string>;
}

export class JoinedStrings implements StringList {
  /** Where string i begins in the text; starts[length] is one past the text's end. */
  private readonly starts: Uint32Array;
  /** Every string at once, made the first time something goes through them all (a fuzzy query's words). */
  private whole: string[] | null = null;

  private constructor(
    private readonly text: string,
    starts: Uint32Array,
  ) {
    this.starts = starts;
  }

  /** The strings of `text` between `separator`s, as `text.split(separator)` gives them (the empty text is one empty string). */
  static split(text: string, separator: string): JoinedStrings {
    if (separator.length !== 1) throw new Error(`joined strings: the separator must be one character, not ${JSON.stringify(separator)}`);
    // Where each string begins, in an array grown by doubling, so that the text is gone through once.
    let starts = new Uint32Array(1024);
    let count = 1;
    for (let at = text.indexOf(separator); at !== -1; at = text.indexOf(separator, at + 1)) {
      if (count === starts.length - 1) {
        const grown = new Uint32Array(starts.length * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[count++] = at + 1;
    }
    starts[count] = text.length + 1;
    return new JoinedStrings(text, starts.slice(0, count + 1));
  }

  /** No strings at all. */
  static empty(): JoinedStrings {
    return new JoinedStrings('', new Uint32Array(1));
  }

  get length(): number {
    return this.starts.length - 1;
  }

  at(index: number): string | undefined {
    if (index < 0) index += this.length;
    if (index < 0 || index >= this.length) return undefined;
    if (this.whole) return this.whole[index];
    return this.text.slice(this.starts[index]!, this.starts[index + 1]! - 1);
  }

  /** Every string, in order (made once and kept: whatever goes through them all will again). */
  all(): readonly string[] {
    if (!this.whole) {
      const whole = new Array<string>(this.length);
      for (let index = 0; index < whole.length; index++) whole[index] = this.text.slice(this.starts[index]!, this.starts[index + 1]! - 1);
      this.whole = whole;
    }
    return this.whole;
  }

  [Symbol.iterator](): Iterator<string> {
    return this.all()[Symbol.iterator]();
  }
}
