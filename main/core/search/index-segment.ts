/**
 * The postings of the search index, in three forms. New articles go to a SegmentBuilder: per
 * field, a Map from each word to a growing list of (document number, count). When it holds
 * enough articles it is frozen into a Segment: per field, the words sorted, and every word's
 * document numbers and counts end to end in two typed arrays, about six bytes a posting.
 * Saving merges them all, a word at a time (mergedPostings), into the snapshot file, where
 * they stay as a DiskSegment (disk-segment.ts) read by offset as queries need them, so that
 * the postings of the articles saved cost no memory at all.
 */
import type { DiskSegment } from './disk-segment';
import type { StringList } from './joined-strings';

/** The fields the index keeps, in the order of their numbers. */
export const FIELDS = ['title', 'text', 'source', 'author'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;

/** A word's postings in one field of one segment: document numbers ascending, and their counts. */
export interface Postings {
  docs: Uint32Array | number[];
  /** For a builder's lists, docs and counts are interleaved in `docs`; see `stride`. */
  counts: Uint16Array | null;
  /** 1 for a frozen segment's arrays (docs[i], counts[i]); 2 for a builder's list ([doc, count, doc, count…]). */
  stride: 1 | 2;
  start: number;
  end: number;
}

/** The position of `term` in sorted `terms`, or the place it would go (binary search). */
export function lowerBound(terms: StringList, term: string): number {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (terms.at(middle)! < term) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The words of sorted `terms` that start with `prefix`, in order. */
export function wordsWithPrefix(terms: StringList, prefix: string): string[] {
  const found: string[] = [];
  for (let at = lowerBound(terms, prefix); at < terms.length; at++) {
    const term = terms.at(at)!;
    if (!term.startsWith(prefix)) break;
    found.push(term);
  }
  return found;
}

/** One field of a frozen segment. */
export interface FrozenField {
  /** Every word of the field, sorted. */
  terms: string[];
  /** Word → its place in `terms`. Built on first use. */
  lookup: Map<string, number> | null;
  /** Postings of terms[i] are docs[offsets[i]..offsets[i+1]). */
  offsets: Uint32Array;
  docs: Uint32Array;
  counts: Uint16Array;
}

/** Postings that no longer change, for a range of document numbers. */
export class Segment {
  constructor(readonly fields: FrozenField[]) {}

  postings(field: number, term: string): Postings | null {
    const frozen = this.fields[field]!;
    frozen.lookup ??= new Map(frozen.terms.map((word, at) => [word, at]));
    const at = frozen.lookup.get(term);
    if (at === undefined) return null;
    return { docs: frozen.docs, counts: frozen.counts, stride: 1, start: frozen.offsets[at]!, end: frozen.offsets[at + 1]! };
  }

  /** The words of a field that start with `prefix`, found by binary search. */
  termsWithPrefix(field: number, prefix: string): string[] {
    return wordsWithPrefix(this.fields[field]!.terms, prefix);
  }

  terms(field: number): readonly string[] {
    return this.fields[field]!.terms;
  }

  /** How many postings the segment holds. */
  get size(): number {
    return this.fields.reduce((sum, field) => sum + field.docs.length, 0);
  }
}

/** Postings still being added to, for the newest document numbers. */
export class SegmentBuilder {
  readonly fields: Map<string, number[]>[] = FIELDS.map(() => new Map());
  /** How many documents were added. */
  documents = 0;

  /** Adds one document's counted words of one field. Document numbers must only grow. */
  addField(field: number, doc: number, counts: Map<string, number>): void {
    const map = this.fields[field]!;
    for (const [term, count] of counts) {
      const list = map.get(term);
      if (list) list.push(doc, count);
      else map.set(term, [doc, count]);
    }
  }

  postings(field: number, term: string): Postings | null {
    const list = this.fields[field]!.get(term);
    return list ? { docs: list, counts: null, stride: 2, start: 0, end: list.length } : null;
  }

  termsWithPrefix(field: number, prefix: string): string[] {
    const found: string[] = [];
    for (const term of this.fields[field]!.keys()) if (term.startsWith(prefix)) found.push(term);
    return found;
  }

  terms(field: number): Iterable<string> {
    return this.fields[field]!.keys();
  }

  /** The same postings, frozen. */
  freeze(): Segment {
    return new Segment(
      this.fields.map((map) => {
        const terms = [...map.keys()].sort();
        const offsets = new Uint32Array(terms.length + 1);
        let total = 0;
        for (let i = 0; i < terms.length; i++) {
          offsets[i] = total;
          total += map.get(terms[i]!)!.length / 2;
        }
        offsets[terms.length] = total;
        const docs = new Uint32Array(total);
        const counts = new Uint16Array(total);
        let at = 0;
        for (const term of terms) {
          const list = map.get(term)!;
          for (let i = 0; i < list.length; i += 2) {
            docs[at] = list[i]!;
            counts[at++] = Math.min(list[i + 1]!, 0xffff);
          }
        }
        return { terms, lookup: null, offsets, docs, counts };
      }),
    );
  }
}

export type AnySegment = Segment | SegmentBuilder | DiskSegment;

/** One word's live postings in the new numbering, as mergedPostings yields them. */
export interface MergedPostings {
  term: string;
  docs: Uint32Array;
  counts: Uint16Array;
}

/**
 * The postings of one field of several segments merged word by word, in sorted word order,
 * keeping only the documents `keep` allows and numbering them anew with `renumber` (old
 * number → new). Segments must be in document-number order. Each word's arrays are views of
 * a buffer reused for the next word: use them before asking for the next. A word whose every
 * document is gone is left out. One word at a time, so that saving a million articles'
 * index never holds more than one word's postings besides what is already in memory.
 */
export function* mergedPostings(segments: AnySegment[], field: number, keep: (doc: number) => boolean, renumber: Int32Array): Generator<MergedPostings> {
  const all = new Set<string>();
  for (const segment of segments) for (const term of segment.terms(field)) all.add(term);
  const terms = [...all].sort();
  let docs = new Uint32Array(1024);
  let counts = new Uint16Array(1024);
  for (const term of terms) {
    let at = 0;
    for (const segment of segments) {
      const postings = segment.postings(field, term);
      if (!postings) continue;
      const { docs: source, counts: sourceCounts, stride, start, end } = postings;
      if (at + (end - start) / stride > docs.length) {
        const size = Math.max(docs.length * 2, at + (end - start) / stride);
        const grownDocs = new Uint32Array(size);
        grownDocs.set(docs.subarray(0, at));
        const grownCounts = new Uint16Array(size);
        grownCounts.set(counts.subarray(0, at));
        docs = grownDocs;
        counts = grownCounts;
      }
      for (let i = start; i < end; i += stride) {
        const doc = source[i]!;
        if (!keep(doc)) continue;
        docs[at] = renumber[doc]!;
        counts[at++] = Math.min(stride === 1 ? sourceCounts![i]! : source[i + 1]!, 0xffff);
      }
    }
    if (at > 0) yield { term, docs: docs.subarray(0, at), counts: counts.subarray(0, at) };
  }
}

/**
 * Merges segments into one in memory, keeping only the documents `keep` allows and numbering
 * them anew with `renumber` (old number → new). Segments must be in document-number order.
 */
export function mergeSegments(segments: AnySegment[], keep: (doc: number) => boolean, renumber: Int32Array): Segment {
  return new Segment(
    FIELDS.map((_, field) => {
      const terms: string[] = [];
      const starts: number[] = [];
      const docParts: Uint32Array[] = [];
      const countParts: Uint16Array[] = [];
      let total = 0;
      for (const { term, docs, counts } of mergedPostings(segments, field, keep, renumber)) {
        terms.push(term);
        starts.push(total);
        docParts.push(docs.slice());
        countParts.push(counts.slice());
        total += docs.length;
      }
      const offsets = new Uint32Array(terms.length + 1);
      offsets.set(starts);
      offsets[terms.length] = total;
      const docs = new Uint32Array(total);
      const counts = new Uint16Array(total);
      docParts.forEach((part, i) => docs.set(part, starts[i]!));
      countParts.forEach((part, i) => counts.set(part, starts[i]!));
      return { terms, lookup: null, offsets, docs, counts };
    }),
  );
}
