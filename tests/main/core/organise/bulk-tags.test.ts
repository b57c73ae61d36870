// Bulk tagging: by ids or by query, adding and removing on many articles at once, written in
// batches (tag-store.test.ts) with progress, and refusing bad input before anything changes.
import { describe, expect, it } from 'vitest';
import { checkTagEdit, editedTags } from '../../../../main/core/organise/bulk-tags';
import type { TagStore } from '../../../../main/core/organise/tag-store';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary();

async function addMany(count: number, tags: (i: number) => string[] = () => []): Promise<string[]> {
  const items = Array.from({ length: count }, (_, i) => ({
    kind: 'text' as const,
    request: { text: `Story ${i}\n\n${i % 2 === 0 ? 'Ceasefire talks' : 'Harvest festival'} in town number ${i}.`, tags: tags(i) },
    method: 'paste' as const,
  }));
  const { added, failed } = await temp.library.addBatch(items);
  expect(failed).toEqual([]);
  return added.map((article) => article.id);
}

describe('bulk tagging', () => {
  it('adds and removes tags on every article a query matches, with progress, and search sees it', async () => {
    await addMany(40, (i) => (i % 4 === 0 ? ['draft'] : []));
    const progress: [number, number][] = [];
    const summary = await temp.library.bulkTag({ query: 'ceasefire', add: ['Diplomacy', 'talks'], remove: ['DRAFT'] }, (done, total) => progress.push([done, total]));
    expect(summary).toEqual({ matched: 20, changed: 20, message: 'Added “Diplomacy”, “talks” and removed “draft” on 20 articles of 20' });
    expect(progress[0]).toEqual([0, 20]);
    expect(progress.at(-1)).toEqual([20, 20]);
    expect((await temp.library.search('tag:diplomacy')).total).toBe(20);
    expect((await temp.library.search('tag:draft')).total).toBe(0);
    // Again: nothing left to change.
    expect(await temp.library.bulkTag({ query: 'ceasefire', add: ['diplomacy'] })).toEqual({ matched: 20, changed: 0, message: 'Nothing to change on the 20 articles' });
  });

  it('tags the chosen ids in the spelling already in use, leaving the others alone', async () => {
    const ids = await addMany(6, (i) => (i === 5 ? ['Ukraine'] : []));
    const summary = await temp.library.bulkTag({ ids: [ids[0]!, ids[2]!, ids[0]!], add: ['ukraine'] });
    expect(summary.changed).toBe(2);
    expect(temp.library.record(ids[0]!).tags).toEqual(['Ukraine']);
    expect(temp.library.record(ids[1]!).tags).toEqual([]);
    expect(temp.library.listTags()).toEqual([{ tag: 'Ukraine', count: 3 }]);
  });

  it('refuses an unknown id, bad tags, no tags, and a tag both added and removed, changing nothing', async () => {
    const ids = await addMany(3);
    await expect(temp.library.bulkTag({ ids: [ids[0]!, 'NOPE'], add: ['x'] })).rejects.toThrow('library: no article with id NOPE; no tags were changed');
    await expect(temp.library.bulkTag({ ids, add: ['  '] })).rejects.toThrow('tags: "  " is not a tag: it has no letters or digits');
    await expect(temp.library.bulkTag({ ids, add: ['a'.repeat(500)] })).rejects.toThrow('tags: a tag may have at most 100 characters');
    await expect(temp.library.bulkTag({ ids })).rejects.toThrow('tags: say which tags to add or remove');
    await expect(temp.library.bulkTag({ ids, add: ['x'], remove: ['X'] })).rejects.toThrow('tags: “x” is both added and removed');
    await expect(temp.library.bulkTag({ query: '(broken', add: ['x'] })).rejects.toThrow('query: unclosed parenthesis at 1: (broken');
    expect(temp.library.listTags()).toEqual([]);
  });

  it('edits tags by key: removing one takes it whatever its case, not the tags under it', () => {
    const store = { spellingOf: () => undefined } as unknown as TagStore;
    const edit = checkTagEdit(store, ['b', 'B'], ['UKRAINE']);
    expect(editedTags(['ukraine', 'ukraine/war', 'b'], edit)).toEqual(['ukraine/war', 'b']);
  });
});
