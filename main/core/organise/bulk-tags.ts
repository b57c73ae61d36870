/**
 * Adding and removing tags on many articles at once: the ones the user selected, or every
 * article a query matches. Written in batches of whole catalog shards with progress
 * (tag-store.ts writeInBatches), so that 10,000 articles cost one write of each shard
 * touched rather than one write per article.
 */
import type { BulkTagSummary } from '../../../common/api';
import { CuttingsError } from '../../../common/errors';
import { normaliseTag, tagKey } from '../../../common/tags';
import type { ArticleRecord } from '../storage/article-record';
import { articles, dedupeTags, PartialWriteError, sameTags, writeInBatches, type ProgressCallback, type TagStore } from './tag-store';

/** The tags to add and remove, checked and in the spelling they will be stored in. */
export interface TagEdit {
  add: string[];
  /** Keys of the tags to remove. */
  remove: Set<string>;
  /** The tags to remove as they are shown, for messages. */
  removeShown: string[];
}

/**
 * Checks the tags of an edit: each must be a tag (common/tags.ts normaliseTag), there must
 * be at least one, and none may be both added and removed. Tags to add take the spelling
 * already in use.
 */
export function checkTagEdit(store: TagStore, add: readonly string[], remove: readonly string[]): TagEdit {
  if (add.length === 0 && remove.length === 0) throw new CuttingsError('invalid-input', 'tags: say which tags to add or remove');
  const toAdd = dedupeTags(add.map((tag) => normaliseTag(tag)).map((tag) => store.spellingOf(tag) ?? tag));
  const removeShown = dedupeTags(remove.map((tag) => normaliseTag(tag)).map((tag) => store.spellingOf(tag) ?? tag));
  const toRemove = new Set(removeShown.map(tagKey));
  const both = toAdd.find((tag) => toRemove.has(tagKey(tag)));
  if (both !== undefined) throw new CuttingsError('invalid-input', `tags: “${both}” is both added and removed`);
  return { add: toAdd, remove: toRemove, removeShown };
}

/** An article's tags after an edit: the removed go (exactly those, not the tags under them), the added come last. */
export function editedTags(tags: readonly string[], edit: TagEdit): string[] {
  const kept = tags.filter((tag) => !edit.remove.has(tagKey(tag)));
  return dedupeTags([...kept, ...edit.add]);
}

/** The records of `ids`, in order; throws naming the first id that is not in the library, before anything changes. */
export function recordsOfIds(store: TagStore, ids: readonly string[]): ArticleRecord[] {
  const seen = new Set<string>();
  const records: ArticleRecord[] = [];
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const record = store.get(id);
    if (!record) throw new CuttingsError('not-found', `library: no article with id ${id}; no tags were changed`);
    records.push(record);
  }
  return records;
}

/** Applies an edit to the given records, in batches with progress, and says what it did. */
export async function bulkEditTags(store: TagStore, records: readonly ArticleRecord[], edit: TagEdit, onProgress?: ProgressCallback): Promise<BulkTagSummary> {
  const toChange = records.filter((record) => !sameTags(editedTags(record.tags, edit), record.tags)).map((record) => record.id);
  let changed: number;
  try {
    changed = (await writeInBatches(store, toChange, (tags) => editedTags(tags, edit), onProgress)).length;
  } catch (error) {
    if (!(error instanceof PartialWriteError)) throw error;
    const message = (error.failure as Error).message ?? String(error.failure);
    throw new CuttingsError('library', `${message} (${articles(error.written.length)} of ${toChange.length.toLocaleString('en')} had been changed)`);
  }
  const what = [
    edit.add.length > 0 ? `added ${edit.add.map((tag) => `“${tag}”`).join(', ')}` : '',
    edit.removeShown.length > 0 ? `removed ${edit.removeShown.map((tag) => `“${tag}”`).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const message =
    changed === 0
      ? `Nothing to change on the ${articles(records.length)}`
      : `${what[0]!.toUpperCase()}${what.slice(1)} on ${articles(changed)} of ${records.length.toLocaleString('en')}`;
  return { matched: records.length, changed, message };
}
