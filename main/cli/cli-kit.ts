/**
 * What every `cuttings` command shares: where it reads and writes (CliIo), bad usage
 * (UsageError, exit status 2), parsing its options with --library and --help, and the
 * library, open for the length of the command (withLibrary). cuttings.ts dispatches to the
 * commands in commands/, which import this and never cuttings.ts.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { Library } from '../core/library';
import { readLibraryFormat } from '../core/library/library-format';
import { resolveLibraryPath } from '../core/library/library-location';
import { FILE_PERMISSIONS_ONLY } from '../core/evidence/key-store';
import { LibraryLockedError } from '../core/storage/library-lock';

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stdin: AsyncIterable<Uint8Array | string> & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/**
 * Writes to standard output and, when the stream asks to wait (a pipe read slower than the
 * command writes), waits until it has drained: a long answer then never piles up in memory.
 */
export async function writeOut(io: CliIo, text: string): Promise<void> {
  const stdout = io.stdout as CliIo['stdout'] & { once?: (event: 'drain', listener: () => void) => unknown };
  if (stdout.write(text) === false && stdout.once) await new Promise<void>((resolve) => stdout.once!('drain', resolve));
}

/** Bad usage: unknown command or option, missing argument. Exit status 2. */
export class UsageError extends Error {}

/** A command; it may resolve to an exit status other than 0 (verify finding problems). */
export type Command = (args: string[], io: CliIo) => Promise<number | void>;

const libraryOption = { library: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments, with --library and --help added to its own options; a bad one is a UsageError. */
export function parse<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...libraryOption, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

// Relative to this module once built: esbuild bundles it into dist/main/cli/cuttings.js, but a
// module that the lazily loaded extract command also imported would go to dist/chunks/, where
// these paths miss the workers, so commands/extract.ts does not import this file.
/** The built search worker beside the built CLI; absent when the CLI runs from source (tests). */
const SEARCH_WORKER = fileURLToPath(new URL('../core/search-worker.js', import.meta.url));
const CLIP_WORKER = fileURLToPath(new URL('../core/clip-worker.js', import.meta.url));
const EXPORT_WORKER = fileURLToPath(new URL('../core/export-worker.js', import.meta.url));

/**
 * How a command opens the library: for writing, read-only (it works while the app has the
 * library open), or `if-free`: for writing when no other process holds it, else read-only
 * with a notice (an export, which the custody log records when it can).
 */
export type LibraryAccess = 'write' | 'read' | 'if-free';

/**
 * Opens the library (`path`, else as resolveLibraryPath finds it), prints its notices, runs
 * `work` and closes it. `readOnly` takes no write lock, so reading works while the app runs,
 * and finds a library that does not exist yet empty.
 * The signing key is the one in `$CUTTINGS_KEYS` or the platform's config folder.
 */
export async function withLibrary(path: string | undefined, io: CliIo, readOnly: boolean | LibraryAccess, work: (library: Library) => Promise<void>) {
  // The workers exist once built (`npm run build`); run from source, the CLI works in one thread.
  const searchWorker = existsSync(SEARCH_WORKER) ? SEARCH_WORKER : undefined;
  const clipWorker = existsSync(CLIP_WORKER) ? CLIP_WORKER : undefined;
  const exportWorker = existsSync(EXPORT_WORKER) ? EXPORT_WORKER : undefined;
  // A command that only reads finds a library not created yet empty (one line says so), as a
  // first `cuttings list` on a fresh install should.
  const access: LibraryAccess = readOnly === true ? 'read' : readOnly === false ? 'write' : readOnly;
  const folder = resolveLibraryPath(path, io.env);
  const keys = io.env.CUTTINGS_KEYS ? { folder: io.env.CUTTINGS_KEYS, protector: FILE_PERMISSIONS_ONLY } : undefined;
  const open = (asReader: boolean) => Library.open(folder, { readOnly: asReader, emptyIfMissing: asReader, searchWorker, clipWorker, exportWorker, evidence: { keys } });
  let library: Library;
  if (access === 'if-free' && (await readLibraryFormat(folder).catch(() => null)) !== null) {
    try {
      library = await open(false);
    } catch (error) {
      if (!(error instanceof LibraryLockedError)) throw error;
      io.stderr.write(`cuttings: the library is open in another process (${error.pid}); reading it without writing, so the custody log will not record this\n`);
      library = await open(true);
    }
  } else library = await open(access !== 'write');
  for (const notice of library.notices) io.stderr.write(`cuttings: ${notice}\n`);
  try {
    await work(library);
  } finally {
    await library.close();
  }
}
