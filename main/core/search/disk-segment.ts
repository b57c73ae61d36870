/**
 * A segment whose postings stay in the snapshot file and are read by offset when a query
 * needs them, as Lucene reads its segments: only the sorted words and, for each, where its
 * postings begin are in memory. This is what keeps the index's heap and its time to load
 * from growing with the library's postings (about six bytes each, 30 million at 100,000
 * articles): loading reads the words and offsets, never the postings.
 *
 * A word's postings in one field are one run of bytes: its document numbers (u32, ascending)
 * and then their counts (u16), six bytes a posting, so that one read fetches both.
 */
import { closeSync, readSync } from 'node:fs';
import { FIELD_COUNT, lowerBound, wordsWithPrefix, type Postings } from './index-segment';
import type { StringList } from './joined-strings';

/** Bytes a posting takes on disk: a u32 document number and a u16 count. */
export const POSTING_BYTES = 6;

/** One field of a segment on disk. */
export interface DiskField {
  /** Every word of the field, sorted (as Array.prototype.sort orders strings). */
  terms: StringList;
  /** Postings of terms[i] are postings offsets[i]..offsets[i+1] of the field's run. */
  offsets: Uint32Array;
  /** Where the field's postings begin in the file, in bytes. */
  base: number;
}

/** An open file descriptor is closed when the segment reading it is collected, if close() was never called. */
const closeWhenCollected = new FinalizationRegistry<{ fd: number; closed: boolean }>((handle) => {
  if (!handle.closed) closeSync(handle.fd);
});

/** Postings that no longer change, read from an open snapshot file on demand. */
export class DiskSegment {
  private readonly handle: { fd: number; closed: boolean };

  /** `fd` is the snapshot file, opened for reading; the segment owns it from now on. */
  constructor(
    fd: number,
    readonly fields: DiskField[],
  ) {
    if (fields.length !== FIELD_COUNT) throw new Error(`disk segment: ${fields.length} fields, not ${FIELD_COUNT}`);
    this.handle = { fd, closed: false };
    closeWhenCollected.register(this, this.handle, this);
  }

  postings(field: number, term: string): Postings | null {
    const { terms, offsets, base } = this.fields[field]!;
    const at = lowerBound(terms, term);
    if (at === terms.length || terms.at(at) !== term) return null;
    const start = offsets[at]!;
    const count = offsets[at + 1]! - start;
    // A buffer of its own, so that both views are aligned: documents at 0, counts at 4 × count.
    const bytes = new Uint8Array(count * POSTING_BYTES);
    const read = readSync(this.handle.fd, bytes, 0, bytes.byteLength, base + start * POSTING_BYTES);
    if (read !== bytes.byteLength) throw new Error(`disk segment: the postings of '${term}' are cut short (${read} of ${bytes.byteLength} bytes)`);
    return { docs: new Uint32Array(bytes.buffer, 0, count), counts: new Uint16Array(bytes.buffer, count * 4, count), stride: 1, start: 0, end: count };
  }

  /** The words of a field that start with `prefix`, found by binary search. */
  termsWithPrefix(field: number, prefix: string): string[] {
    return wordsWithPrefix(this.fields[field]!.terms, prefix);
  }

  terms(field: number): StringList {
    return this.fields[field]!.terms;
  }

  /** Lets the file go; the segment cannot be read after. */
  close(): void {
    if (this.handle.closed) return;
    this.handle.closed = true;
    closeWhenCollected.unregister(this);
    closeSync(this.handle.fd);
  }
}
