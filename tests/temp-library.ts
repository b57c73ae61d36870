/** A fresh library for every test of a file, the set-up most library tests share. */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { Library, type OpenOptions } from '../main/core/library';
import { makeTempFolder } from './paths';

/** The library of the test running now, and the temporary folder that holds it. */
export interface TempLibrary {
  readonly library: Library;
  /** The temporary folder; the library is its `library` subfolder. */
  readonly folder: string;
  /** The library's folder (`<folder>/library`). */
  readonly path: string;
  /**
   * Closes the library and opens its folder again, as a restart of the app would: with
   * `options`, or else those it was first opened with. The new one is closed after the test.
   */
  reopen(options?: OpenOptions): Promise<Library>;
}

/** How long one temporary library lives: a test (the default), or every test of the file. */
export type TempLibraryLifetime = 'each' | 'file';

/**
 * Opens a library in a new temporary folder before each test of the calling file (or once
 * before them all, for `'file'`), and closes and removes it after.
 */
export function useTempLibrary(options: OpenOptions = {}, lifetime: TempLibraryLifetime = 'each'): TempLibrary {
  let folder: { path: string; remove: () => Promise<void> } | null = null;
  let library: Library | null = null;
  const [before, after] = lifetime === 'each' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    folder = await makeTempFolder();
    library = await Library.open(join(folder.path, 'library'), options);
  });
  after(async () => {
    await library?.close();
    await folder?.remove();
    library = null;
    folder = null;
  });
  const temp: TempLibrary = {
    get library() {
      if (!library) throw new Error('useTempLibrary: the library is open only while a test runs');
      return library;
    },
    get folder() {
      if (!folder) throw new Error('useTempLibrary: the folder exists only while a test runs');
      return folder.path;
    },
    get path() {
      return join(temp.folder, 'library');
    },
    async reopen(again = options) {
      await library?.close();
      library = null;
      library = await Library.open(temp.path, again);
      return library;
    },
  };
  return temp;
}
