/**
 * `<library>/cuttings.json`: says that a folder is a Cuttings library and which version of
 * the on-disk format it uses. A library from a newer Cuttings is refused, untouched.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CuttingsError } from '../../../common/errors';
import { APP_VERSION } from '../storage/app-version';
import { writeFileDurably } from '../storage/durable-file';

/** The format this code reads and writes. */
export const LIBRARY_FORMAT_VERSION = 4;

/** The content of cuttings.json. */
export interface LibraryFormat {
  format: 'cuttings-library';
  version: number;
  created: string;
  createdBy: string;
}

/** Path of the format file inside a library folder. */
export function formatFilePath(libraryPath: string): string {
  return join(libraryPath, 'cuttings.json');
}

/** Reads cuttings.json; null when the folder has none yet (a new library). */
export async function readLibraryFormat(libraryPath: string): Promise<LibraryFormat | null> {
  const path = formatFilePath(libraryPath);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed: Partial<LibraryFormat>;
  try {
    parsed = JSON.parse(raw) as Partial<LibraryFormat>;
  } catch {
    throw new CuttingsError('library', `library: ${path} is not valid JSON; is ${libraryPath} a Cuttings library?`);
  }
  if (parsed.format !== 'cuttings-library' || typeof parsed.version !== 'number') {
    throw new CuttingsError('library', `library: ${path} does not describe a Cuttings library`);
  }
  if (parsed.version > LIBRARY_FORMAT_VERSION) {
    throw new CuttingsError(
      'library',
      `library: ${libraryPath} uses format version ${parsed.version}, newer than this Cuttings (${APP_VERSION}) understands (${LIBRARY_FORMAT_VERSION}); update Cuttings to open it`,
    );
  }
  return parsed as LibraryFormat;
}

/** Writes cuttings.json for a new library. */
export async function createLibraryFormat(libraryPath: string): Promise<LibraryFormat> {
  const format: LibraryFormat = {
    format: 'cuttings-library',
    version: LIBRARY_FORMAT_VERSION,
    created: new Date().toISOString(),
    createdBy: `Cuttings ${APP_VERSION}`,
  };
  await writeLibraryFormat(libraryPath, format);
  return format;
}

/** Replaces cuttings.json, durably; migrations use it to record each completed step. */
export async function writeLibraryFormat(libraryPath: string, format: LibraryFormat): Promise<void> {
  await writeFileDurably(formatFilePath(libraryPath), JSON.stringify(format, null, 2) + '\n');
}
