// A full disk during a tag change, a bulk change, a rule or a colour: a clear message, and
// nothing changed in memory or on disk (nothing left to undo). Errors are injected where the
// durable writer opens files, as in tests/main/core/library/library.failures.test.ts.
import * as fsPromises from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTempLibrary } from '../../../temp-library';

/** When set, every durable write (open for writing) fails with this error code. */
let failWritesWith: string | null = null;

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fsPromises>();
  const open: typeof actual.open = async (path, flags, mode) => {
    if (failWritesWith && (flags === 'w' || flags === 'wx')) {
      const error = new Error(`${failWritesWith}: injected, open '${String(path)}'`) as NodeJS.ErrnoException;
      error.code = failWritesWith;
      throw error;
    }
    return actual.open(path, flags, mode);
  };
  return { ...actual, open, default: { ...actual, open } };
});

// Hooks run in the order they are made and after-hooks in reverse: writes work again
// before the library opens and before it closes.
beforeEach(() => {
  failWritesWith = null;
});
const temp = useTempLibrary();
afterEach(() => {
  failWritesWith = null;
});

describe('when the disk is full', () => {
  it('a rename, a delete and a bulk change fail with a clear message and change nothing', async () => {
    const { id } = await temp.library.addText({ text: 'Talks\n\nGeneva talks.', tags: ['ukraine', 'ukraine/war'] });
    failWritesWith = 'ENOSPC';
    await expect(temp.library.renameTag('ukraine', 'europe/ukraine')).rejects.toThrow('library: could not save the catalog: the disk is full');
    await expect(temp.library.deleteTag('ukraine')).rejects.toThrow('library: could not save the catalog: the disk is full');
    await expect(temp.library.bulkTag({ ids: [id], add: ['x'] })).rejects.toThrow('library: could not save the catalog: the disk is full (0 articles of 1 had been changed)');
    await expect(temp.library.setTagColour('ukraine', '#000000')).rejects.toThrow('library: could not save the tag colour: the disk is full');
    await expect(temp.library.addTagRule('geneva', ['x'])).rejects.toThrow('library: could not save the rule: the disk is full');
    failWritesWith = null;
    expect(temp.library.record(id).tags).toEqual(['ukraine', 'ukraine/war']);
    expect(temp.library.canUndoTagChange()).toBe(false);
    expect(temp.library.listTags()).toEqual([
      { tag: 'ukraine', count: 1 },
      { tag: 'ukraine/war', count: 1 },
    ]);
    expect(temp.library.tagRules()).toEqual([]);
    expect((await temp.library.search('tag:europe')).total).toBe(0);
    await temp.reopen();
    expect(temp.library.record(id).tags).toEqual(['ukraine', 'ukraine/war']);
  });

  it('an undo that fails can be tried again', async () => {
    const { id } = await temp.library.addText({ text: 'Talks\n\nGeneva talks.', tags: ['ukraine'] });
    await temp.library.renameTag('ukraine', 'kyiv');
    failWritesWith = 'ENOSPC';
    await expect(temp.library.undoTagChange()).rejects.toThrow('library: could not save the catalog: the disk is full');
    failWritesWith = null;
    expect(temp.library.record(id).tags).toEqual(['kyiv']);
    expect(temp.library.canUndoTagChange()).toBe(true);
    await temp.library.undoTagChange();
    expect(temp.library.record(id).tags).toEqual(['ukraine']);
  });
});
