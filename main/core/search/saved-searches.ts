/**
 * Saved searches: named queries kept in the library (`<library>/saved-searches.json`, a
 * lowdb file written durably), so that they travel with it and show in every window.
 */
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { SavedSearch } from '../../../common/api';
import { CuttingsError } from '../../../common/errors';
import { parseSearchQuery, describeQueryError } from '../../../common/query';
import { DurableJsonFile } from '../storage/json-file-adapter';

/** The longest name a saved search may have. */
const MAX_NAME = 100;

/** The saved searches of one library. */
export class SavedSearches {
  private constructor(private readonly db: Low<{ searches: SavedSearch[] }>) {}

  /**
   * Reads the file, or starts empty if there is none. A damaged file does not keep the
   * library from opening: a writer moves it to quarantine/ and starts afresh, a reader just
   * starts empty; either way `notice` says so.
   */
  static async open(root: string, readOnly: boolean): Promise<{ saved: SavedSearches; notice?: string }> {
    const path = join(root, 'saved-searches.json');
    const db = new Low<{ searches: SavedSearch[] }>(new DurableJsonFile(path), { searches: [] });
    let notice: string | undefined;
    try {
      await db.read();
    } catch (error) {
      db.data = { searches: [] };
      if (readOnly) {
        notice = `saved searches: ${path} is damaged; none are shown`;
      } else {
        const quarantine = join(root, 'quarantine', new Date().toISOString().replace(/[:.]/gu, '-'));
        await mkdir(quarantine, { recursive: true });
        await rename(path, join(quarantine, 'saved-searches.json'));
        notice = `saved searches: ${path} was damaged and moved to ${quarantine} (${(error as Error).message})`;
      }
    }
    if (!Array.isArray(db.data?.searches)) db.data = { searches: [] };
    return { saved: new SavedSearches(db), notice };
  }

  /** Every saved search, in name order. */
  list(): SavedSearch[] {
    return [...this.db.data.searches].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The query saved under a name (names compare without regard to case). */
  get(name: string): SavedSearch {
    const found = this.db.data.searches.find((search) => search.name.toLowerCase() === name.trim().toLowerCase());
    if (!found) throw new CuttingsError('not-found', `saved searches: there is no saved search named ${JSON.stringify(name)}`);
    return found;
  }

  /** Saves a query under a name, replacing one of the same name. The query must parse. */
  async save(name: string, query: string): Promise<SavedSearch[]> {
    const clean = name.replace(/\s+/gu, ' ').trim();
    if (!clean) throw new CuttingsError('invalid-input', 'saved searches: a saved search needs a name');
    if (clean.length > MAX_NAME) throw new CuttingsError('invalid-input', `saved searches: a name may have at most ${MAX_NAME} characters`);
    const parsed = parseSearchQuery(query);
    if (!parsed.ok) throw new CuttingsError('invalid-input', describeQueryError(query, parsed.error));
    if (parsed.query === null) throw new CuttingsError('invalid-input', 'saved searches: the query is empty');
    const others = this.db.data.searches.filter((search) => search.name.toLowerCase() !== clean.toLowerCase());
    await this.write([...others, { name: clean, query: query.trim() }]);
    return this.list();
  }

  /** Deletes a saved search by name. */
  async delete(name: string): Promise<SavedSearch[]> {
    const target = this.get(name);
    await this.write(this.db.data.searches.filter((search) => search !== target));
    return this.list();
  }

  private async write(searches: SavedSearch[]): Promise<void> {
    const before = this.db.data;
    this.db.data = { searches };
    try {
      await this.db.write();
    } catch (error) {
      this.db.data = before;
      throw error;
    }
  }
}
