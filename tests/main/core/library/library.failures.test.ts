// Failures the file system can throw at the library: a full disk, a read-only disk, files
// removed behind its back. The errors are injected where the durable writer calls the file
// system, so the library's own code runs unchanged.
import { readFile, rm } from 'node:fs/promises';
import * as fsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Library } from '../../../../main/core/library';
import { capturePath, listCaptureIds } from '../../../../main/core/storage/captures';
import { verifyLibrary } from '../../../../main/core/library/verify';
import { SEED_ARTICLE } from '../../../paths';
import { useTempLibrary } from '../../../temp-library';
import { catalogShardPath } from '../storage/catalog-files';

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

let seed: string;

// Hooks run in the order they are made and after-hooks in reverse: writes work again
// before the library opens and before it closes.
beforeEach(async () => {
  failWritesWith = null;
  seed = await readFile(SEED_ARTICLE, 'utf8');
});
const temp = useTempLibrary();
afterEach(() => {
  failWritesWith = null;
});

describe('when the disk is full', () => {
  it('an add fails with a clear message and leaves the library as it was', async () => {
    const kept = await temp.library.addText({ text: seed, tags: ['kept'] });
    failWritesWith = 'ENOSPC';
    await expect(temp.library.addText({ text: 'Another\n\nAn article that will not fit on the disk.' })).rejects.toThrow(
      'library: could not save "Another": the disk is full',
    );
    failWritesWith = null;
    expect(temp.library.list().map((article) => article.id)).toEqual([kept.id]);
    expect(await listCaptureIds(temp.library.path)).toEqual([kept.id]);
    expect((await verifyLibrary(temp.library)).problems).toEqual([]);
  });

  it('a tag edit fails, and the tag is neither shown nor stored', async () => {
    const { id } = await temp.library.addText({ text: seed, tags: ['kept'] });
    failWritesWith = 'ENOSPC';
    await expect(temp.library.updateTags(id, ['lost'], [])).rejects.toThrow('library: could not save the catalog: the disk is full');
    failWritesWith = null;
    expect((await temp.library.get(id)).tags).toEqual(['kept']);
    await temp.reopen();
    expect((await temp.library.get(id)).tags).toEqual(['kept']);
  });
});

describe('when the disk is read-only', () => {
  it('says so, and nothing changes', async () => {
    const { id } = await temp.library.addText({ text: seed });
    failWritesWith = 'EROFS';
    await expect(temp.library.updateTags(id, ['x'], [])).rejects.toThrow('library: could not save the catalog: the disk is read-only');
    await expect(temp.library.addText({ text: seed })).rejects.toThrow(/the disk is read-only$/u);
    failWritesWith = null;
    expect(temp.library.list()).toHaveLength(1);
  });

  it('a new library cannot be created there, and the message names the folder', async () => {
    failWritesWith = 'EROFS';
    const path = join(temp.folder, 'elsewhere');
    await expect(Library.open(path)).rejects.toThrow(`library: cannot open ${path}: the disk is read-only`);
  });
});

describe('when files are removed behind the app', () => {
  it("an article whose content was deleted says which file is missing, and verify reports it", async () => {
    const { id } = await temp.library.addText({ text: seed });
    const path = capturePath(temp.library.path, id);
    await rm(path);
    await expect(temp.library.get(id)).rejects.toThrow(`library: cannot read the content of article ${id} (${path}: it is missing)`);
    const report = await verifyLibrary(temp.library);
    expect(report.problems).toEqual([expect.stringContaining(`article ${id}`)]);
  });

  it('a deleted catalog shard is written again from memory at the next edit', async () => {
    const { id } = await temp.library.addText({ text: seed, tags: ['a'] });
    await rm(await catalogShardPath(temp.library.path, id));
    await temp.library.updateTags(id, ['b'], []);
    await temp.reopen();
    expect((await temp.library.get(id)).tags).toEqual(['a', 'b']);
  });
});
