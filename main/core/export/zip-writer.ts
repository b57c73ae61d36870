/**
 * Writes a zip file entry by entry with fflate, passing each compressed chunk on to a sink
 * before the next entry is taken: memory holds one entry at a time, however large the export.
 * (fflate rather than yazl because its synchronous callbacks make that back-pressure plain;
 * imports read zips with yauzl, which reads the central directory first: see import/zip-reader.ts.)
 */
import { strToU8, Zip, ZipDeflate } from 'fflate';
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
    const file = new ZipDeflate(path, { level: this.level });
    file.mtime = this.mtime;
    this.zip.add(file);
    file.push(typeof data === 'string' ? strToU8(data) : data, true);
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
