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
import type { ArticleRecord } from '../storage/article-record';
import type { ColourChanges, TagColours } from './tag-colours';
import { articles, dedupeTags, PartialWriteError, sameTags, writeInBatches, type ProgressCallback, type TagStore, type WrittenChange } from './tag-store';
import { isTagUnder } from '../../../common/tags';
import { inUseSpelling, renamedTag, tagLevels } from './tag-tree';

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
    const retag = (tags: readonly string[]) => dedupeTags(tags.map((tag) => (isTagUnder(tag, fromKey) ? nameOf(tag) : tag)));
    const toChange = await this.toChange(fromKey, retag);
    if (toChange === null) throw notCarried(from);
    if (toChange.length === 0) throw new CuttingsError('invalid-input', `tags: “${shownFrom}” is already called that`);
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
    const oldSpellings = caseOnly ? [...names.keys()] : [];
    const count = await this.write(toChange, retag, { doing, colours: colourChanges, spellings: oldSpellings }, onProgress);
    if (caseOnly) for (const spelling of names.values()) this.store.respell(spelling);
    const verb = merging ? `Merged “${shownFrom}” into “${shownTo}”` : `Renamed “${shownFrom}” to “${shownTo}”`;
    return this.summary(`${verb} on ${articles(count)}`, count);
  }

  /** Removes the tag and every tag under it from every article. */
  async remove(rawTag: string, onProgress?: ProgressCallback): Promise<TagChangeSummary> {
    const tag = normaliseTag(rawTag);
    const key = tagKey(tag);
    const shown = this.store.spellingOf(tag) ?? tag;
    const branch = new Set<string>();
    const retag = (tags: readonly string[]) =>
      tags.filter((own) => {
        if (!isTagUnder(own, key)) return true;
        branch.add(tagKey(own));
        return false;
      });
    const toChange = await this.toChange(key, retag);
    if (toChange === null) throw notCarried(tag);
    const colourChanges: ColourChanges = {};
    for (const [colouredKey] of this.colours.entries()) if (isTagUnder(colouredKey, key)) colourChanges[colouredKey] = null;
    const count = await this.write(toChange, retag, { doing: `deleting “${shown}”`, colours: colourChanges, spellings: [] }, onProgress);
    const below = branch.size - (branch.has(key) ? 1 : 0);
    const under = below > 0 ? ` (and the ${below === 1 ? 'tag' : `${below} tags`} under it)` : '';
    return this.summary(`Deleted “${shown}”${under} from ${articles(count)}`, count);
  }

  /** Undoes the latest change; null when there is none to undo. */
  async undo(onProgress?: ProgressCallback): Promise<TagChangeSummary | null> {
    const entry = this.undoStack.pop();
    if (!entry) return null;
    // Undoing a change of case: the tag is spelled as before everywhere, on articles tagged since too.
    const spellings = new Map(entry.spellings.map((tag) => [tagKey(tag), tag]));
    const respelled = (tags: readonly string[]) => (spellings.size === 0 ? [...tags] : tags.map((tag) => spellings.get(tagKey(tag)) ?? tag));
    const retag = (tags: readonly string[], record: ArticleRecord) => {
      const before = entry.before.get(record.id);
      return respelled(before === undefined ? tags : reverseTags(tags, before, entry.after.get(record.id)!));
    };
    const ids = (await this.store.records())
      .filter((record) => (entry.before.has(record.id) || spellings.size > 0) && !sameTags(retag(record.tags, record), record.tags))
      .map((record) => record.id);
    let count: number;
    try {
      count = (await writeInBatches(this.store, ids, retag, onProgress)).length;
      await this.colours.change(entry.colours);
    } catch (error) {
      // Nothing is lost by trying again: undoing what is already undone changes nothing.
      this.undoStack.push(entry);
      throw error instanceof PartialWriteError ? error.failure : error;
    }
    for (const spelling of entry.spellings) this.store.respell(spelling);
    return this.summary(`Undid ${entry.doing} (${articles(count)})`, count);
  }

  /**
   * The ids of the articles carrying a tag under `key` whose tags `retag` changes; null when
   * no article carries such a tag.
   */
  private async toChange(key: string, retag: (tags: readonly string[]) => string[]): Promise<string[] | null> {
    let carried = false;
    const ids: string[] = [];
    for (const record of await this.store.records()) {
      if (!record.tags.some((tag) => isTagUnder(tag, key))) continue;
      carried = true;
      if (!sameTags(retag(record.tags), record.tags)) ids.push(record.id);
    }
    return carried ? ids : null;
  }

  /**
   * Retags the articles in batches, then changes the colours, and remembers how to undo
   * both. A failure halfway leaves undoable what was written. Resolves to how many changed.
   */
  private async write(
    ids: string[],
    retag: (tags: readonly string[]) => string[],
    what: Pick<UndoEntry, 'doing' | 'colours' | 'spellings'>,
    onProgress?: ProgressCallback,
  ): Promise<number> {
    const remember = (written: readonly WrittenChange[], colours: ColourChanges) =>
      this.push({
        ...what,
        colours,
        before: new Map(written.map(({ before }) => [before.id, [...before.tags]])),
        after: new Map(written.map(({ after }) => [after.id, after.tags])),
      });
    let written: WrittenChange[];
    try {
      written = await writeInBatches(this.store, ids, retag, onProgress);
    } catch (error) {
      if (!(error instanceof PartialWriteError)) throw error;
      if (error.written.length > 0) remember(error.written, {});
      throw error.failure;
    }
    try {
      remember(written, await this.colours.change(what.colours));
    } catch (error) {
      remember(written, {});
      throw error;
    }
    return written.length;
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
