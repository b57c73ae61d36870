/**
 * Renaming, merging, moving and deleting tags across the whole library, each undoable.
 *
 * - Rename takes the branch with it: `ukraine` → `europe/ukraine` also turns
 *   `ukraine/diplomacy` into `europe/ukraine/diplomacy`.
 * - Renaming onto a tag that exists (whatever its case) merges the two, and the existing
 *   spelling wins; a rename that changes only the case changes how the tag is shown.
 * - Moving a tag under another is renaming its branch (tag-tree.ts movedTagName).
 * - Deleting removes the tag and the tags under it.
 *
 * Each change remembers, for every article it touched, its tags before and after, and the
 * colours it moved, on an undo stack kept for the session (in memory: undo is for "oops,
 * not that", and a stack that outlived the session could undo over changes made since by
 * other means). Undo puts back what the change altered and leaves alone what was changed
 * on those articles since.
 */
import type { TagChangeSummary } from '../../../common/api';
import { CuttingsError } from '../../../common/errors';
import { normaliseTag, tagKey } from '../../../common/tags';
import type { ArticleRecord } from '../article-record';
import type { ColourChanges, TagColours } from './tag-colours';
import { articles, dedupeTags, PartialWriteError, sameTags, writeInBatches, type ProgressCallback, type TagStore } from './tag-store';
import { inUseSpelling, isTagUnder, renamedTag, tagLevels } from './tag-tree';

/** How many changes can be undone, latest first. */
const UNDO_DEPTH = 20;

/** What one change did, to undo it. */
interface UndoEntry {
  /** What was done, for the undo's message: `renaming “a” to “b”`. */
  doing: string;
  /** Article id → its tags before and after the change. */
  before: Map<string, string[]>;
  after: Map<string, string[]>;
  /** The colours the change altered, as they were before it (by tag key). */
  colours: ColourChanges;
  /** Spellings to show again after undoing a change of case. */
  spellings: string[];
}

/** Renames, merges, moves and deletes tags, and undoes them. */
export class TagChanges {
  private readonly undoStack: UndoEntry[] = [];

  constructor(
    private readonly store: TagStore,
    private readonly colours: TagColours,
  ) {}

  /** Whether a change can be undone now. */
  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  /**
   * Renames the tag `from` and every tag under it to `to` on every article; merges when
   * `to` exists. Throws `invalid-input` for a tag that is not one, `not-found` when no
   * article carries `from`; nothing is changed then.
   */
  async rename(rawFrom: string, rawTo: string, onProgress?: ProgressCallback): Promise<TagChangeSummary> {
    const from = normaliseTag(rawFrom);
    const to = normaliseTag(rawTo);
    const fromKey = tagKey(from);
    const toKey = tagKey(to);
    const shownFrom = this.store.spellingOf(from) ?? from;
    const caseOnly = fromKey === toKey;
    const merging = !caseOnly && this.store.spellingOf(to) !== undefined && !isTagUnder(to, fromKey);
    const fromLevels = tagLevels(from);
    // Each old tag's new name, worked out (and checked) once for the whole library.
    const names = new Map<string, string>();
    const nameOf = (tag: string): string => {
      let name = names.get(tag);
      if (name === undefined) {
        const wanted = renamedTag(tag, fromLevels, to);
        try {
          name = normaliseTag(wanted);
        } catch {
          throw new CuttingsError('invalid-input', `tags: renaming “${from}” to “${to}” would make “${tag}” longer than a tag may be (${wanted.length} characters)`);
        }
        // A case change shows the new spelling; otherwise the tags in use keep theirs.
        if (!caseOnly) name = inUseSpelling(name, (tag) => this.store.spellingOf(tag));
        names.set(tag, name);
      }
      return name;
    };
    const changed = this.changedRecords(fromKey, (tags) => dedupeTags(tags.map((tag) => (isTagUnder(tag, fromKey) ? nameOf(tag) : tag))));
    if (changed === null) throw notCarried(from);
    if (changed.length === 0) throw new CuttingsError('invalid-input', `tags: “${shownFrom}” is already called that`);
    const colourChanges: ColourChanges = {};
    if (!caseOnly) {
      // The branch's colours move with it; when merging, a tag merged into keeps its own.
      const moving = this.colours.entries().filter(([key]) => isTagUnder(key, fromKey));
      for (const [key] of moving) colourChanges[key] = null;
      for (const [key, colour] of moving) {
        const target = tagKey(renamedTag(key, fromLevels, to));
        if (this.colours.colourOfKey(target) === undefined || isTagUnder(target, fromKey)) colourChanges[target] = colour;
      }
    }
    const shownTo = caseOnly ? to : (this.store.spellingOf(to) ?? to);
    const doing = merging ? `merging “${shownFrom}” into “${shownTo}”` : `renaming “${shownFrom}” to “${shownTo}”`;
    await this.write(changed, doing, colourChanges, caseOnly ? [...names.values()] : [], caseOnly ? [...names.keys()] : [], onProgress);
    const verb = merging ? `Merged “${shownFrom}” into “${shownTo}”` : `Renamed “${shownFrom}” to “${shownTo}”`;
    return this.summary(`${verb} on ${articles(changed.length)}`, changed.length);
  }

  /** Removes the tag and every tag under it from every article. */
  async remove(rawTag: string, onProgress?: ProgressCallback): Promise<TagChangeSummary> {
    const tag = normaliseTag(rawTag);
    const key = tagKey(tag);
    const shown = this.store.spellingOf(tag) ?? tag;
    const branch = new Set<string>();
    const changed = this.changedRecords(key, (tags) =>
      tags.filter((own) => {
        if (!isTagUnder(own, key)) return true;
        branch.add(tagKey(own));
        return false;
      }),
    );
    if (changed === null) throw notCarried(tag);
    const colourChanges: ColourChanges = {};
    for (const [colouredKey] of this.colours.entries()) if (isTagUnder(colouredKey, key)) colourChanges[colouredKey] = null;
    await this.write(changed, `deleting “${shown}”`, colourChanges, [], [], onProgress);
    const below = branch.size - (branch.has(key) ? 1 : 0);
    const under = below > 0 ? ` (and the ${below === 1 ? 'tag' : `${below} tags`} under it)` : '';
    return this.summary(`Deleted “${shown}”${under} from ${articles(changed.length)}`, changed.length);
  }

  /** Undoes the latest change; null when there is none to undo. */
  async undo(onProgress?: ProgressCallback): Promise<TagChangeSummary | null> {
    const entry = this.undoStack.pop();
    if (!entry) return null;
    const records: ArticleRecord[] = [];
    // Undoing a change of case: the tag is spelled as before everywhere, on articles tagged since too.
    const spellings = new Map(entry.spellings.map((tag) => [tagKey(tag), tag]));
    const respelled = (tags: string[]) => (spellings.size === 0 ? tags : tags.map((tag) => spellings.get(tagKey(tag)) ?? tag));
    for (const record of this.store.records()) {
      const before = entry.before.get(record.id);
      if (before === undefined && spellings.size === 0) continue;
      const tags = respelled(before === undefined ? record.tags : reverseTags(record.tags, before, entry.after.get(record.id)!));
      if (!sameTags(tags, record.tags)) records.push({ ...record, tags });
    }
    try {
      await writeInBatches(this.store, records, onProgress);
      await this.colours.change(entry.colours);
    } catch (error) {
      // Nothing is lost by trying again: undoing what is already undone changes nothing.
      this.undoStack.push(entry);
      throw error instanceof PartialWriteError ? error.failure : error;
    }
    for (const spelling of entry.spellings) this.store.respell(spelling);
    return this.summary(`Undid ${entry.doing} (${articles(records.length)})`, records.length);
  }

  /**
   * The records carrying a tag under `key`, with their tags as `change` makes them (those it
   * leaves as they are left out); null when no article carries such a tag.
   */
  private changedRecords(key: string, change: (tags: string[]) => string[]): ArticleRecord[] | null {
    let carried = false;
    const changed: ArticleRecord[] = [];
    for (const record of this.store.records()) {
      if (!record.tags.some((tag) => isTagUnder(tag, key))) continue;
      carried = true;
      const tags = change(record.tags);
      if (!sameTags(tags, record.tags)) changed.push({ ...record, tags });
    }
    return carried ? changed : null;
  }

  /**
   * Writes the changed records in batches, then the colours, and remembers how to undo it.
   * A failure halfway leaves undoable what was written.
   */
  private async write(changed: ArticleRecord[], doing: string, colourChanges: ColourChanges, respell: string[], oldSpellings: string[], onProgress?: ProgressCallback): Promise<void> {
    const entryFor = (written: readonly ArticleRecord[], colours: ColourChanges): UndoEntry => {
      const before = new Map<string, string[]>();
      const after = new Map<string, string[]>();
      for (const record of written) {
        before.set(record.id, [...this.store.get(record.id)!.tags]);
        after.set(record.id, record.tags);
      }
      return { doing, before, after, colours, spellings: oldSpellings };
    };
    // Taken before writing: once written, the store holds the new tags.
    const full = entryFor(changed, {});
    try {
      await writeInBatches(this.store, changed, onProgress);
    } catch (error) {
      if (error instanceof PartialWriteError && error.written.length > 0) {
        const ids = new Set(error.written.map((record) => record.id));
        this.push({ ...full, before: filterMap(full.before, ids), after: filterMap(full.after, ids) });
        throw error.failure;
      }
      throw error instanceof PartialWriteError ? error.failure : error;
    }
    for (const spelling of respell) this.store.respell(spelling);
    const previousColours = await this.colours.change(colourChanges).catch((error: unknown) => {
      this.push(full);
      throw error;
    });
    this.push({ ...full, colours: previousColours });
  }

  private push(entry: UndoEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > UNDO_DEPTH) this.undoStack.shift();
  }

  private summary(message: string, count: number): TagChangeSummary {
    return { message, articles: count, canUndo: this.canUndo };
  }
}

function notCarried(tag: string): CuttingsError {
  return new CuttingsError('not-found', `tags: no article has the tag “${tag}”`);
}

function filterMap<V>(map: Map<string, V>, keep: Set<string>): Map<string, V> {
  return new Map([...map].filter(([id]) => keep.has(id)));
}

/**
 * An article's tags with one change undone. If they are as the change left them, they go
 * back as they were; if they were edited since, only what the change did is reversed: the
 * tags it added go, the tags it removed come back, a spelling it changed changes back.
 */
export function reverseTags(current: readonly string[], before: readonly string[], after: readonly string[]): string[] {
  if (sameTags(current, after)) return [...before];
  const beforeByKey = new Map(before.map((tag) => [tagKey(tag), tag]));
  const afterByKey = new Map(after.map((tag) => [tagKey(tag), tag]));
  const result: string[] = [];
  for (const tag of current) {
    const key = tagKey(tag);
    const was = beforeByKey.get(key);
    if (afterByKey.has(key) && was === undefined) continue;
    result.push(was !== undefined && afterByKey.get(key) === tag ? was : tag);
  }
  for (const tag of before) if (!afterByKey.has(tagKey(tag))) result.push(tag);
  return dedupeTags(result);
}
