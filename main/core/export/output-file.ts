/**
 * Where exports are written: under a temporary name beside the target, fsynced, and renamed
 * into place only when complete, so that a cancelled or failed export never leaves a
 * half-written file under the name the user asked for (storage/durable-file.ts does the
 * same for the library's own files; its syncFolder is reused here).
 */
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CuttingsError } from '../../../common/errors';
import { syncFolder } from '../storage/durable-file';
import type { ExportOptions } from './export-options';

/** Something text and bytes are written to, honouring back-pressure. */
export interface OutputSink {
  write(chunk: string | Uint8Array): Promise<void>;
}

let counter = 0;

/** The temporary name beside `path` that it is written under. */
export function temporaryNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${counter++}.partial`);
}

/** An export stopped by its caller (the dialog's Cancel); nothing was left at the target. */
export class ExportCancelledError extends CuttingsError {
  constructor() {
    super('invalid-input', 'export: cancelled; nothing was written');
    this.name = 'ExportCancelledError';
  }
}

/** Throws ExportCancelledError if the signal fired. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportCancelledError();
}

/** Turns a write stream into a sink that waits for 'drain' when the stream's buffer is full. */
export function sinkOf(stream: NodeJS.WritableStream): OutputSink {
  return {
    write(chunk) {
      if (stream.write(chunk)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        stream.once('error', onError);
        stream.once('drain', () => {
          stream.off('error', onError);
          resolve();
        });
      });
    },
  };
}

/** How much text an entry-per-record export gathers before writing it out. */
const CHUNK_CHARS = 65_536;

/**
 * Writes a text export of one entry per record atomically (writeFileAtomically): `head`, each
 * record's entry, `tail`. Entries are gathered into chunks of about 64 KB; between chunks the
 * export can be cancelled and reports its progress.
 */
export async function writeEntriesAtomically<T>(
  path: string,
  records: readonly T[],
  entry: (record: T, index: number) => string,
  options: ExportOptions,
  frame: { head?: string; tail?: string } = {},
): Promise<void> {
  await writeFileAtomically(path, async (sink) => {
    let chunk = frame.head ?? '';
    for (const [i, record] of records.entries()) {
      chunk += entry(record, i);
      if (chunk.length > CHUNK_CHARS) {
        throwIfCancelled(options.signal);
        await sink.write(chunk);
        chunk = '';
        options.onProgress?.(i + 1, records.length);
      }
    }
    await sink.write(chunk + (frame.tail ?? ''));
    options.onProgress?.(records.length, records.length);
  });
}

/**
 * Writes one file at `path` through `produce`, atomically: nothing is at `path` until the
 * whole file is written and synced. On any failure (or cancellation) the temporary file goes.
 */
export async function writeFileAtomically(path: string, produce: (sink: OutputSink) => Promise<void>): Promise<void> {
  const target = resolve(path);
  await ensureParent(target);
  const temp = temporaryNameFor(target);
  // A large buffer: with the default 16 KB, the writer would wait for the disk after nearly every article.
  const stream = createWriteStream(temp, { highWaterMark: 1024 * 1024 });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  try {
    await Promise.race([produce(sinkOf(stream)), failed]);
    await Promise.race([new Promise<void>((done) => stream.end(done)), failed]);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    await syncFolder(dirname(target));
  } catch (error) {
    stream.destroy();
    await rm(temp, { force: true }).catch(() => undefined);
    throw asExportError(error, target);
  }
}

/**
 * Writes a folder at `path` (an HTML site, a data package) through `produce`, which fills
 * the temporary folder it is given; the folder is renamed into place when complete. An
 * existing file or non-empty folder at `path` is refused rather than overwritten.
 */
export async function writeFolderAtomically(path: string, produce: (folder: string) => Promise<void>): Promise<void> {
  const target = resolve(path);
  const existing = await stat(target).catch(() => null);
  if (existing) {
    const { readdir } = await import('node:fs/promises');
    if (!existing.isDirectory() || (await readdir(target)).length > 0) {
      throw new CuttingsError('invalid-input', `export: ${target} already exists; give a new folder name or remove it first`);
    }
    await rm(target, { recursive: true });
  }
  await ensureParent(target);
  const temp = temporaryNameFor(target);
  try {
    await mkdir(temp);
    await produce(temp);
    await rename(temp, target);
    await syncFolder(dirname(target));
  } catch (error) {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    throw asExportError(error, target);
  }
}

async function ensureParent(target: string): Promise<void> {
  const parent = dirname(target);
  const info = await stat(parent).catch(() => null);
  if (!info) throw new CuttingsError('invalid-input', `export: cannot write ${target}: the folder ${parent} does not exist`);
  if (!info.isDirectory()) throw new CuttingsError('invalid-input', `export: cannot write ${target}: ${parent} is not a folder`);
}

function asExportError(error: unknown, target: string): Error {
  if (error instanceof CuttingsError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = { ENOSPC: 'the disk is full', EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'the disk is read-only', EISDIR: 'it is a folder' };
  return new CuttingsError('library', `export: cannot write ${target}: ${(code && reasons[code]) ?? (error as Error).message}`);
}
