/**
 * The library the app has open, and switching to another (Settings ▸ Library): open an
 * existing library or create one in a new or empty folder. The new library is opened before
 * the old one is closed, so a folder that cannot be opened leaves the app as it was.
 * Free of electron: the app and the test harness both use it.
 */
import { readdir } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { CuttingsError } from '../../../common/errors';
import type { Library } from '../library';
import { readLibraryFormat } from '../library/library-format';

/** Opens a library folder (Library.open with the app's options). */
export type LibraryOpener = (path: string) => Promise<Library>;

/** The open library, switchable. */
export class LibrarySession {
  constructor(
    private library: Library,
    private readonly openLibrary: LibraryOpener,
  ) {}

  /** The library in use. */
  get current(): Library {
    return this.library;
  }

  /**
   * Switches to the library at `path`: `open` wants a Cuttings library there, `create` a
   * missing or empty folder. Throws a CuttingsError naming the folder when it will not do.
   */
  async switchTo(path: string, mode: 'open' | 'create'): Promise<Library> {
    if (!isAbsolute(path)) throw new CuttingsError('invalid-input', `library: the folder must be a full path, not ${JSON.stringify(path)}`);
    const folder = resolve(path);
    if (folder === this.library.path) {
      if (mode === 'create') throw new CuttingsError('library', `library: ${folder} is the library in use already`);
      return this.library;
    }
    if (mode === 'open') {
      if ((await readLibraryFormat(folder)) === null) {
        throw new CuttingsError('library', `library: there is no Cuttings library at ${folder} (choose “Create” to make one there)`);
      }
    } else {
      const entries = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw new CuttingsError('library', `library: cannot use ${folder}: ${error.message}`);
      });
      if (entries.length > 0) throw new CuttingsError('library', `library: ${folder} is not empty; choose an empty folder or a new one`);
    }
    const next = await this.openLibrary(folder);
    const previous = this.library;
    this.library = next;
    await previous.close().catch((error: unknown) => console.error(`cuttings: closing ${previous.path}: ${(error as Error).message}`));
    return next;
  }
}
