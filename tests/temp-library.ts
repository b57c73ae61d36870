/** A fresh library for every test of a file, the set-up most library tests share. */
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { Library, type OpenOptions } from '../main/core/library';
import { makeTempFolder } from './paths';

/** The library of the test running now, and the temporary folder that holds it. */
export interface TempLibrary {
  readonly library: Library;
  /** The temporary folder; the library is its `library` subfolder. */
  readonly folder: string;
}

/**
 * Opens a library in a new temporary folder before each test of the calling file, and closes
 * and removes it after.
 */
export function useTempLibrary(options: OpenOptions = {}): TempLibrary {
  let folder: { path: string; remove: () => Promise<void> } | null = null;
  let library: Library | null = null;
  beforeEach(async () => {
    folder = await makeTempFolder();
    library = await Library.open(join(folder.path, 'library'), options);
  });
  afterEach(async () => {
    await library?.close();
    await folder?.remove();
  });
  return {
    get library() {
      if (!library) throw new Error('useTempLibrary: the library is open only while a test runs');
      return library;
    },
    get folder() {
      if (!folder) throw new Error('useTempLibrary: the folder exists only while a test runs');
      return folder.path;
    },
  };
}
