/**
 * A small JSON file of the library's own (`<library>/<name>.json`), such as the tag colours
 * or the tag rules, kept the way search/saved-searches.ts keeps its file: written durably through
 * lowdb; a damaged file never keeps the library from opening (a writer moves it to
 * quarantine/ and starts afresh, a reader starts empty), and `notice` says so.
 */
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile } from '../storage/json-file-adapter';

/** One library-level JSON file, its content in memory and changed only once on disk. */
export class LibraryJsonFile<T extends object> {
  private constructor(
    private readonly db: Low<T>,
    private readonly readOnly: boolean,
    /** What the file is called in messages ("tag rules"). */
    private readonly what: string,
  ) {}

  /**
   * Reads `<root>/<fileName>`, or starts from `empty()` when there is none. `isValid` checks
   * the shape of what was read: content of the wrong shape counts as damaged.
   */
  static async open<T extends object>(
    root: string,
    fileName: string,
    what: string,
    readOnly: boolean,
    empty: () => T,
    isValid: (data: unknown) => data is T,
  ): Promise<{ file: LibraryJsonFile<T>; notice?: string }> {
    const path = join(root, fileName);
    const db = new Low<T>(new DurableJsonFile(path), empty());
    let notice: string | undefined;
    let reason: string | null = null;
    try {
      await db.read();
      if (!isValid(db.data)) reason = 'it does not hold what it should';
    } catch (error) {
      reason = (error as Error).message;
    }
    if (reason !== null) {
      db.data = empty();
      if (readOnly) {
        notice = `${what}: ${path} is damaged; none are used`;
      } else {
        const quarantine = join(root, 'quarantine', new Date().toISOString().replace(/[:.]/gu, '-'));
        await mkdir(quarantine, { recursive: true });
        await rename(path, join(quarantine, fileName));
        notice = `${what}: ${path} was damaged and moved to ${quarantine} (${reason})`;
      }
    }
    return { file: new LibraryJsonFile(db, readOnly, what), notice };
  }

  /** The content as it is on disk. Never change it in place: write() a new one. */
  get data(): Readonly<T> {
    return this.db.data;
  }

  /** Replaces the content; resolves once it is on disk, and leaves it as it was if it cannot be written. */
  async write(data: T): Promise<void> {
    if (this.readOnly) throw new Error(`${this.what}: the library is open read-only`);
    const before = this.db.data;
    this.db.data = data;
    try {
      await this.db.write();
    } catch (error) {
      this.db.data = before;
      throw error;
    }
  }
}
