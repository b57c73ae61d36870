/**
 * Reads a WARC (`.warc`, or `.warc.gz` of any number of gzip members) record by record as a
 * stream: each record's fields, and its block when the caller wants it — one block in memory
 * at a time. Written on Node's zlib rather than warcio (which the tests use to read what
 * Cuttings writes): warcio reads the truncated end of a .warc.gz by waiting for bytes that
 * never come, and an import must instead say, in one line, what is wrong with the file:
 *
 *   warc: crawl.warc.gz is truncated: record 12 (response https://…) has 310 of its 5120 bytes
 *   warc: crawl.warc.gz: record 3 claims 10 GB (Content-Length 10737418240), more than the 256 MB Cuttings reads in one record
 *   warc: crawl.warc.gz: record 1 does not start with a WARC version line ("<!doctype html>")
 *
 * Every such fault is found while reading, before anything is imported (import/web-archive.ts
 * reads the whole archive first).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { CuttingsError } from '../../../common/errors';

/** The largest record read (its Content-Length): an article page, a PDF or an image is far smaller. */
export const MAX_RECORD_BYTES = 256 * 1024 ** 2;
/** The longest a record's fields may be together. */
const MAX_HEAD_BYTES = 64 * 1024;

/** A record's named fields and where it is in the file. */
export interface WarcHead {
  /** 1 for the first record of the file. */
  number: number;
  /** `WARC/1.1`. */
  version: string;
  /** Every field by its lower-case name (the first, where a name repeats; see `all`). */
  fields: ReadonlyMap<string, string>;
  /** Every field in order, as written. */
  all: [string, string][];
  type: string;
  /** WARC-Record-ID, `<urn:uuid:…>`. */
  id: string;
  date: string;
  /** WARC-Target-URI, without the angle brackets some tools put round it; null when absent. */
  url: string | null;
  contentType: string;
  contentLength: number;
}

/** Options for reading. */
export interface WarcReadOptions {
  /** A record larger than this is refused (tests lower it). */
  maxRecordBytes?: number;
}

/** An error in a WARC, naming the file and the record. */
function fault(what: string, message: string): CuttingsError {
  return new CuttingsError('bad-content', `warc: ${what}${message}`);
}

/** How a size reads to a person: `10 GB`, `310 KB`. */
function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${Math.round(bytes / 1024 ** 3)} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Whether the file starts as gzip does. */
async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const start = Buffer.alloc(2);
    await handle.read(start, 0, 2, 0);
    return start[0] === 0x1f && start[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** Bytes from a stream, read as lines and counted blocks. */
class ByteReader {
  private buffer: Buffer = Buffer.alloc(0);
  private done = false;

  constructor(private readonly chunks: AsyncIterator<Buffer>) {}

  /** Up to `limit` bytes ending in a line feed (without it); null at the end; the rest when no line feed comes. */
  async line(limit: number): Promise<Buffer | null> {
    for (;;) {
      const end = this.buffer.indexOf(0x0a);
      if (end >= 0) {
        const line = this.buffer.subarray(0, end);
        this.buffer = this.buffer.subarray(end + 1);
        return line[line.length - 1] === 0x0d ? line.subarray(0, -1) : line;
      }
      if (this.buffer.length > limit || !(await this.more())) {
        if (this.buffer.length === 0) return null;
        const rest = this.buffer;
        this.buffer = Buffer.alloc(0) as Buffer;
        return rest;
      }
    }
  }

  /** Exactly `count` bytes, or fewer at the end of the stream; `keep` false drops them as they come. */
  async take(count: number, keep: boolean): Promise<{ bytes: Buffer | null; got: number }> {
    const parts: Buffer[] = [];
    let got = 0;
    while (got < count) {
      if (this.buffer.length === 0 && !(await this.more())) break;
      const part = this.buffer.subarray(0, count - got);
      this.buffer = this.buffer.subarray(part.length);
      got += part.length;
      if (keep) parts.push(part);
    }
    return { bytes: keep ? Buffer.concat(parts) : null, got };
  }

  private async more(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.chunks.next();
    if (next.done) {
      this.done = true;
      return false;
    }
    this.buffer = this.buffer.length === 0 ? next.value : Buffer.concat([this.buffer, next.value]);
    return true;
  }
}

/**
 * Every record of the WARC at `path`, in order, with its block when `wants(head)` says so
 * (null otherwise; the bytes are skipped). `name` is how messages call the file. Throws a
 * `warc:` CuttingsError for a truncated, damaged or oversized record.
 */
export async function* readWarc(
  path: string,
  name: string,
  wants: (head: WarcHead) => boolean,
  options: WarcReadOptions = {},
): AsyncGenerator<{ head: WarcHead; block: Buffer | null }> {
  const maxRecordBytes = options.maxRecordBytes ?? MAX_RECORD_BYTES;
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  const gzip = await isGzip(path);
  const stream = gzip ? file.pipe(createGunzip()) : file;
  if (gzip) file.on('error', (error) => stream.destroy(error));
  const reader = new ByteReader(stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>);
  let number = 0;
  let current = 'the start of the file';
  try {
    for (;;) {
      let first = await reader.line(MAX_HEAD_BYTES);
      // Records are separated by two line breaks; tolerate more (and a trailing few at the end).
      while (first !== null && first.length === 0) first = await reader.line(MAX_HEAD_BYTES);
      if (first === null) return;
      number++;
      const version = first.toString('latin1').trim();
      if (!/^WARC\/\d+\.\d+$/u.test(version)) {
        const shown = version.length > 40 ? `${version.slice(0, 40)}…` : version;
        throw fault(name, number === 1 ? ` is not a WARC file: it does not start with a WARC version line (${JSON.stringify(shown)})` : `: record ${number} does not start with a WARC version line (${JSON.stringify(shown)}); the record before it is longer than its Content-Length says`);
      }
      const all: [string, string][] = [];
      let headBytes = 0;
      for (;;) {
        const line = await reader.line(MAX_HEAD_BYTES);
        if (line === null) throw fault(name, ` is truncated: record ${number} ends in its fields`);
        if (line.length === 0) break;
        headBytes += line.length;
        if (headBytes > MAX_HEAD_BYTES) throw fault(name, `: record ${number}'s fields run over ${MAX_HEAD_BYTES / 1024} KB`);
        const text = line.toString('utf8');
        if (/^[ \t]/u.test(text) && all.length > 0) {
          all[all.length - 1]![1] += ` ${text.trim()}`;
          continue;
        }
        const colon = text.indexOf(':');
        if (colon <= 0) throw fault(name, `: record ${number} has a field line without a name (${JSON.stringify(text.slice(0, 40))})`);
        all.push([text.slice(0, colon).trim(), text.slice(colon + 1).trim()]);
      }
      const fields = new Map<string, string>();
      for (const [key, value] of all) if (!fields.has(key.toLowerCase())) fields.set(key.toLowerCase(), value);
      const lengthField = fields.get('content-length');
      const contentLength = Number(lengthField);
      if (lengthField === undefined || !/^\d+$/u.test(lengthField.trim()) || !Number.isSafeInteger(contentLength)) {
        throw fault(name, `: record ${number} has no valid Content-Length (${JSON.stringify(lengthField ?? 'none')})`);
      }
      const type = fields.get('warc-type') ?? '';
      const rawUrl = fields.get('warc-target-uri');
      const url = rawUrl === undefined ? null : rawUrl.replace(/^<(.*)>$/u, '$1');
      current = `record ${number} (${type || 'untyped'}${url ? ` ${url}` : ''})`;
      if (contentLength > maxRecordBytes) {
        throw fault(name, `: ${current} claims ${formatSize(contentLength)} (Content-Length ${contentLength}), more than the ${formatSize(maxRecordBytes)} Cuttings reads in one record`);
      }
      const head: WarcHead = {
        number,
        version,
        fields,
        all,
        type,
        id: fields.get('warc-record-id') ?? '',
        date: fields.get('warc-date') ?? '',
        url,
        contentType: fields.get('content-type') ?? '',
        contentLength,
      };
      const keep = wants(head);
      const { bytes, got } = await reader.take(contentLength, keep);
      if (got < contentLength) throw fault(name, ` is truncated: ${current} has ${got} of its ${contentLength} bytes`);
      yield { head, block: bytes };
    }
  } catch (error) {
    if (error instanceof CuttingsError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_BUF_ERROR' || /unexpected end of file/iu.test((error as Error).message)) {
      throw fault(name, ` is truncated: its gzip data ends ${number === 0 ? 'before the first record' : `in or after ${current}`}`);
    }
    if (code === 'Z_DATA_ERROR') throw fault(name, `: its gzip data is damaged ${number === 0 ? 'at the start' : `after ${current}`} (${(error as Error).message})`);
    if (code === 'ENOENT') throw new CuttingsError('invalid-input', `warc: cannot read ${name}: no such file`);
    throw fault(name, `: cannot be read (${(error as Error).message})`);
  } finally {
    stream.destroy();
    file.destroy();
  }
}
