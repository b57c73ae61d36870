/**
 * A zip written as a stream of stored (uncompressed) entries, as a WACZ must be: its WARCs
 * are read by byte range from inside the zip (WACZ 1.1.1, "Zip Compression"), so nothing in
 * it is compressed a second time. Entries are streamed in without knowing their size first:
 * each is followed by a data descriptor with its CRC-32 and size, so memory holds a chunk at
 * a time however large the WACZ. Each entry is kept under 4 GiB (the WACZ writer starts a new
 * WARC long before), and the central directory moves to ZIP64 when the zip itself grows past
 * 4 GiB, which WACZ allows. Also hashes each entry with SHA-256 on the way through, for the
 * WACZ's datapackage.json. (fflate, which writes the Cuttings archive, has no ZIP64.)
 */
import { createHash, type Hash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { ByteSink } from './warc-writer';

/** What an entry came to once written. */
export interface ZipEntryResult {
  name: string;
  bytes: number;
  sha256: string;
}

/** An entry being written: write its bytes, then end it. */
export interface ZipEntrySink extends ByteSink {
  /** Bytes written to the entry so far. */
  readonly size: number;
  end(): Promise<ZipEntryResult>;
}

interface CentralEntry {
  name: Buffer;
  crc: number;
  size: number;
  offset: number;
}

const MAX_32 = 0xffffffff;
/** General purpose flags: 3, sizes and CRC in a data descriptor after the data; 11, the name is UTF-8. */
const FLAGS = 0x0008 | 0x0800;
/** Made by UNIX (3) with ZIP 4.5, which knows ZIP64. */
const MADE_BY = (3 << 8) | 45;

/** A zip of stored entries, written in order; one entry is open at a time. */
export class StoredZipWriter {
  private offset = 0;
  private readonly entries: CentralEntry[] = [];
  private open = false;
  private readonly time: number;
  private readonly date: number;

  /**
   * `modified` is stamped on every entry (zip times run from 1980 to 2107). `zip64From` is the
   * offset from which ZIP64 records are written: 4 GiB, as the format needs; tests lower it to
   * check that readers follow them without writing 4 GiB.
   */
  constructor(
    private readonly sink: ByteSink,
    modified: Date,
    private readonly zip64From = MAX_32,
  ) {
    const when = modified.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : modified;
    this.time = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | Math.floor(when.getUTCSeconds() / 2);
    this.date = ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  }

  /** Starts an entry (a `/` separated path); write to it and end it before the next. */
  async entry(path: string): Promise<ZipEntrySink> {
    if (this.open) throw new Error(`zip: ${path} started while another entry is open`);
    this.open = true;
    const name = Buffer.from(path, 'utf8');
    const start = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(0, 8);
    header.writeUInt16LE(this.time, 10);
    header.writeUInt16LE(this.date, 12);
    // CRC-32 and both sizes are 0 here: the data descriptor carries them.
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28);
    await this.put(Buffer.concat([header, name]));
    let crc = 0;
    let size = 0;
    const hash: Hash = createHash('sha256');
    const put = (bytes: Uint8Array) => this.put(bytes);
    const finish = (entry: CentralEntry) => {
      this.entries.push(entry);
      this.open = false;
    };
    return {
      get size() {
        return size;
      },
      async write(chunk: Uint8Array) {
        crc = crc32(chunk, crc);
        size += chunk.byteLength;
        if (size > MAX_32) throw new Error(`zip: ${path} is larger than 4 GiB, more than one stored entry may be`);
        hash.update(chunk);
        await put(chunk);
      },
      async end() {
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(0x08074b50, 0);
        descriptor.writeUInt32LE(crc >>> 0, 4);
        descriptor.writeUInt32LE(size, 8);
        descriptor.writeUInt32LE(size, 12);
        await put(descriptor);
        finish({ name, crc: crc >>> 0, size, offset: start });
        return { name: path, bytes: size, sha256: hash.digest('hex') };
      },
    };
  }

  /** Writes a whole entry at once. */
  async add(path: string, data: Uint8Array): Promise<ZipEntryResult> {
    const entry = await this.entry(path);
    await entry.write(data);
    return entry.end();
  }

  /** Writes the central directory (ZIP64 where offsets need it); the zip is complete once this resolves. */
  async end(): Promise<void> {
    if (this.open) throw new Error('zip: ended while an entry is open');
    const start = this.offset;
    for (const entry of this.entries) {
      const zip64 = entry.offset >= this.zip64From;
      const extra = zip64 ? Buffer.alloc(12) : Buffer.alloc(0);
      if (zip64) {
        extra.writeUInt16LE(0x0001, 0);
        extra.writeUInt16LE(8, 2);
        extra.writeBigUInt64LE(BigInt(entry.offset), 4);
      }
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(MADE_BY, 4);
      header.writeUInt16LE(zip64 ? 45 : 20, 6);
      header.writeUInt16LE(FLAGS, 8);
      header.writeUInt16LE(0, 10);
      header.writeUInt16LE(this.time, 12);
      header.writeUInt16LE(this.date, 14);
      header.writeUInt32LE(entry.crc, 16);
      header.writeUInt32LE(entry.size, 20);
      header.writeUInt32LE(entry.size, 24);
      header.writeUInt16LE(entry.name.length, 28);
      header.writeUInt16LE(extra.length, 30);
      // Comment length, disk number, internal attributes: 0. External: a regular file, rw-r--r--.
      header.writeUInt32LE((0o100644 << 16) >>> 0, 38);
      header.writeUInt32LE(zip64 ? MAX_32 : entry.offset, 42);
      await this.put(Buffer.concat([header, entry.name, extra]));
    }
    const size = this.offset - start;
    const count = this.entries.length;
    const zip64 = start >= this.zip64From || size >= this.zip64From || count >= 0xffff;
    if (zip64) {
      const record = Buffer.alloc(56);
      const at = this.offset;
      record.writeUInt32LE(0x06064b50, 0);
      record.writeBigUInt64LE(44n, 4);
      record.writeUInt16LE(MADE_BY, 12);
      record.writeUInt16LE(45, 14);
      record.writeBigUInt64LE(BigInt(count), 24);
      record.writeBigUInt64LE(BigInt(count), 32);
      record.writeBigUInt64LE(BigInt(size), 40);
      record.writeBigUInt64LE(BigInt(start), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(at), 8);
      locator.writeUInt32LE(1, 16);
      await this.put(Buffer.concat([record, locator]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    // With ZIP64, the classic record's fields say "look in the ZIP64 record".
    end.writeUInt16LE(zip64 ? 0xffff : count, 8);
    end.writeUInt16LE(zip64 ? 0xffff : count, 10);
    end.writeUInt32LE(zip64 ? MAX_32 : size, 12);
    end.writeUInt32LE(zip64 ? MAX_32 : start, 16);
    await this.put(end);
  }

  private async put(bytes: Uint8Array): Promise<void> {
    this.offset += bytes.byteLength;
    await this.sink.write(bytes);
  }
}
