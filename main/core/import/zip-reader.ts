/**
 * Opens a zip for import and refuses one that could harm the machine before a byte of it is
 * unpacked: entry names that climb out (`..`), absolute paths (`/etc`, `C:\`, `\\server`),
 * backslashes, NUL bytes, symbolic links, encrypted entries, and zip bombs — too many entries,
 * too many bytes in all, one entry too large, or one that inflates too far (the ratio of its
 * size to its compressed size). yauzl reads the central directory first, so every check runs
 * over the whole zip up front, and it checks while inflating that no entry grows beyond the
 * size it declared (validateEntrySizes), so a lying header is caught too.
 */
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import yauzl from 'yauzl';
import { CuttingsError } from '../../../common/errors';

/** The limits a zip must keep to; the defaults suit an archive of some 100,000 articles. */
export interface ZipLimits {
  maxEntries: number;
  /** All entries together, uncompressed. */
  maxTotalBytes: number;
  /** One entry, uncompressed. */
  maxEntryBytes: number;
  /** Uncompressed ÷ compressed, for entries of more than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

/** The default limits. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 500_000,
  maxTotalBytes: 8 * 1024 ** 3,
  maxEntryBytes: 256 * 1024 ** 2,
  maxRatio: 200,
  ratioFloorBytes: 1024 ** 2,
};

/** An entry that passed the checks. */
export interface SafeEntry {
  name: string;
  bytes: number;
  entry: yauzl.Entry;
}

/** A zip whose every entry passed the checks; read entries by name, then close it. */
export class SafeZip {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    /** Files by name (folders left out). */
    readonly entries: ReadonlyMap<string, SafeEntry>,
    private readonly what: string,
  ) {}

  /**
   * Opens and checks the zip at `path`; throws `archive: refused …` naming the fault (`wacz:
   * refused …` with `module` 'wacz', and so on).
   */
  static async open(path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS, module = 'archive'): Promise<SafeZip> {
    const what = `${module}: refused ${path}`;
    let zip: yauzl.ZipFile;
    try {
      // Names are decoded and checked here rather than by yauzl, so the message can say which.
      zip = await promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open)(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new CuttingsError('invalid-input', `${module}: cannot read ${path}: no such file`);
      throw new CuttingsError('bad-content', `${module}: ${path} is not a readable zip file (${(error as Error).message})`);
    }
    try {
      if (zip.entryCount > limits.maxEntries) throw new CuttingsError('bad-content', `${what}: it has ${zip.entryCount} entries, more than the ${limits.maxEntries} allowed`);
      const entries = new Map<string, SafeEntry>();
      let total = 0;
      for (const entry of await readAllEntries(zip)) {
        const name = new TextDecoder('utf-8').decode(entry.fileName as unknown as Uint8Array);
        const fault = unsafeName(name);
        if (fault) throw new CuttingsError('bad-content', `${what}: entry ${JSON.stringify(name)} ${fault}`);
        const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
        if (mode === 0o120000) throw new CuttingsError('bad-content', `${what}: entry ${JSON.stringify(name)} is a symbolic link`);
        if (entry.isEncrypted()) throw new CuttingsError('bad-content', `${what}: entry ${JSON.stringify(name)} is encrypted`);
        if (name.endsWith('/')) continue;
        if (entry.uncompressedSize > limits.maxEntryBytes) {
          throw new CuttingsError('bad-content', `${what}: entry ${JSON.stringify(name)} would unpack to ${entry.uncompressedSize} bytes, more than the ${limits.maxEntryBytes} allowed for one file`);
        }
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
          throw new CuttingsError('bad-content', `${what}: entry ${JSON.stringify(name)} inflates ${Math.round(ratio)} times (${entry.compressedSize} → ${entry.uncompressedSize} bytes), more than the ${limits.maxRatio} allowed: a zip bomb`);
        }
        total += entry.uncompressedSize;
        if (total > limits.maxTotalBytes) throw new CuttingsError('bad-content', `${what}: it would unpack to more than the ${limits.maxTotalBytes} bytes allowed`);
        if (entries.has(name)) throw new CuttingsError('bad-content', `${what}: entry ${JSON.stringify(name)} appears twice`);
        entries.set(name, { name, bytes: entry.uncompressedSize, entry });
      }
      return new SafeZip(zip, entries, path);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  /** The whole content of one entry; throws naming the entry if it cannot be inflated. */
  async read(name: string): Promise<Buffer> {
    const safe = this.entries.get(name);
    if (!safe) throw new CuttingsError('bad-content', `archive: ${this.what} has no ${name}`);
    try {
      const stream = await this.zip.openReadStreamPromise(safe.entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    } catch (error) {
      throw new CuttingsError('bad-content', `archive: cannot unpack ${name} from ${this.what}: ${(error as Error).message}`);
    }
  }

  /** One entry's content as a stream, for entries too large to hold (a WACZ's WARCs). */
  async stream(name: string): Promise<Readable> {
    const safe = this.entries.get(name);
    if (!safe) throw new CuttingsError('bad-content', `archive: ${this.what} has no ${name}`);
    return this.zip.openReadStreamPromise(safe.entry);
  }

  /** Closes the file. */
  close(): void {
    this.zip.close();
  }
}

/** Why an entry name is unsafe to unpack, or null when it is safe. */
export function unsafeName(name: string): string | null {
  if (name === '') return 'has an empty name';
  if (name.includes('\0')) return 'has a NUL byte in its name';
  if (name.includes('\\')) return 'has a backslash in its name';
  if (name.startsWith('/')) return 'is an absolute path';
  if (/^[a-z]:/iu.test(name)) return 'starts with a drive letter';
  if (name.split('/').some((part) => part === '..')) return 'climbs out of the archive with ".."';
  return null;
}

function readAllEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (error: Error) => reject(new CuttingsError('bad-content', `archive: the zip's directory is damaged (${error.message})`)));
    zip.readEntry();
  });
}
