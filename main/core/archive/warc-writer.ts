/**
 * Writes a `.warc.gz` record by record to a byte sink, each record its own gzip member (as
 * WARC's Annex D asks, so that a reader given an offset can start there), and tells where
 * each record begins and how many compressed bytes it takes: what a CDXJ index points at.
 * One record is in memory at a time. Compression is zlib at level 1: the payloads are mostly
 * HTML, which level 1 takes to about a quarter of its size at several times level 6's speed
 * (a page's images are already compressed, and gain nothing either way).
 */
import { gzipSync } from 'node:zlib';
import { encodeRecord, type EncodedRecord, type WarcRecordSpec } from './warc-record';

/** Where a record's bytes are put: a file, or an entry of a WACZ being written. */
export interface ByteSink {
  write(chunk: Uint8Array): Promise<void>;
}

/** A record as written: its id, digests and place in the file. */
export interface WrittenRecord extends Omit<EncodedRecord, 'bytes'> {
  /** Byte offset of its gzip member in the file. */
  offset: number;
  /** The member's length in bytes. */
  length: number;
}

/** A `.warc.gz` being written. */
export class WarcWriter {
  private written = 0;

  constructor(private readonly sink: ByteSink) {}

  /** How many bytes the file has so far. */
  get size(): number {
    return this.written;
  }

  /** Writes one record; resolves to where it went. */
  async write(spec: WarcRecordSpec): Promise<WrittenRecord> {
    const { bytes, ...encoded } = encodeRecord(spec);
    const member = gzipSync(bytes, { level: 1 });
    const offset = this.written;
    this.written += member.length;
    await this.sink.write(member);
    return { ...encoded, offset, length: member.length };
  }
}
