/**
 * lowdb's two-method adapter (`read`, `write`) over one JSON file, written durably.
 * As in lowdb: a missing file means "new" (read returns null); every other error is
 * rethrown. A file that exists but does not parse is reported, never overwritten.
 */
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { CuttingsError } from '../../../common/errors';
import { writeFileDurably } from './durable-file';

/** A JSON file that lowdb reads and writes, with fsync on every write. */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(readonly path: string) {}

  /** Reads and parses the file; null when it does not exist. */
  async read(): Promise<T | null> {
    let raw: string;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return JSON.parse(raw) as T;
    } catch (error) {
      throw new CuttingsError(
        'library',
        `library: ${this.path} is damaged and was left untouched (${(error as Error).message})`,
      );
    }
  }

  /** Replaces the file with `data`; resolves once it is on disk. */
  async write(data: T): Promise<void> {
    await writeFileDurably(this.path, JSON.stringify(data));
  }
}
