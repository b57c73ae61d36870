/**
 * Writes a zip file entry by entry with fflate's Zip, passing each chunk on to a sink before
 * the next entry is taken: memory holds one entry at a time, however large the export.
 * (fflate rather than yazl because its synchronous callbacks make that back-pressure plain;
 * imports read zips with yauzl, which reads the central directory first: see
 * import/zip-reader.ts.) Entries are deflated by Node's own zlib and handed to fflate
 * already compressed: fflate's JavaScript deflater sets up its tables for every entry,
 * which for thousands of small files cost several times the compressing itself.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { strToU8, Zip, type ZipInputFile } from 'fflate';
import type { OutputSink } from './output-file';

/** A zip being written to a sink. Call add() for each entry, then end(). */
export class ZipWriter {
  private readonly zip: Zip;
  private chunks: Uint8Array[] = [];
  private failure: Error | null = null;

  /** `mtime` is stamped on every entry (zip times run from 1980 to 2099). */
  constructor(
    private readonly sink: OutputSink,
    private readonly mtime: Date,
    /** Deflate level: 6 by default; the archive uses 1, which is faster and nearly as small on text. */
    private readonly level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6,
  ) {
    this.zip = new Zip((error, data) => {
      if (error) this.failure ??= error;
      else this.chunks.push(data);
    });
  }

  /** Adds one file (a `/` separated path inside the zip) and writes what it produced. */
  async add(path: string, data: string | Uint8Array): Promise<void> {
    const bytes = typeof data === 'string' ? strToU8(data) : data;
    const file: ZipInputFile = {
      filename: path,
      size: bytes.byteLength,
      crc: crc32(bytes),
      // 8 is deflate; 0 would store the bytes as they are.
      compression: this.level === 0 ? 0 : 8,
      mtime: this.mtime,
      ondata: null as unknown as ZipInputFile['ondata'],
    };
    this.zip.add(file);
    // add() has put its own ondata in place: hand it the whole entry at once.
    const compressed = this.level === 0 ? bytes : deflateRawSync(bytes, { level: this.level });
    file.ondata!(null, compressed as Uint8Array<ArrayBuffer>, true);
    await this.drain();
  }

  /** Writes the central directory; the zip is complete once this resolves. */
  async end(): Promise<void> {
    this.zip.end();
    await this.drain();
  }

  private async drain(): Promise<void> {
    if (this.failure) throw this.failure;
    const chunks = this.chunks;
    this.chunks = [];
    for (const chunk of chunks) await this.sink.write(chunk);
  }
}
