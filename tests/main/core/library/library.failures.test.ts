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
import { makeTempFolder, SEED_ARTICLE } from '../../../paths';

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

let folder: { path: string; remove: () => Promise<void> };
let library: Library;
let seed: string;

beforeEach(async () => {
  failWritesWith = null;
  folder = await makeTempFolder();
  library = await Library.open(join(folder.path, 'library'));
  seed = await readFile(SEED_ARTICLE, 'utf8');
});
afterEach(async () => {
  failWritesWith = null;
  await library.close();
  await folder.remove();
});

describe('when the disk is full', () => {
  it('an add fails with a clear message and leaves the library as it was', async () => {
    const kept = await library.addText({ text: seed, tags: ['kept'] });
    failWritesWith = 'ENOSPC';
    await expect(library.addText({ text: 'Another\n\nAn article that will not fit on the disk.' })).rejects.toThrow(
      'library: could not save "Another": the disk is full',
    );
    failWritesWith = null;
    expect(library.list().map((article) => article.id)).toEqual([kept.id]);
    expect(await listCaptureIds(library.path)).toEqual([kept.id]);
    expect((await verifyLibrary(library)).problems).toEqual([]);
  });

  it('a tag edit fails, and the tag is neither shown nor stored', async () => {
    const { id } = await library.addText({ text: seed, tags: ['kept'] });
    failWritesWith = 'ENOSPC';
    await expect(library.updateTags(id, ['lost'], [])).rejects.toThrow('library: could not save the catalog: the disk is full');
    failWritesWith = null;
    expect((await library.get(id)).tags).toEqual(['kept']);
    await library.close();
    library = await Library.open(join(folder.path, 'library'));
    expect((await library.get(id)).tags).toEqual(['kept']);
  });
});

describe('when the disk is read-only', () => {
  it('says so, and nothing changes', async () => {
    const { id } = await library.addText({ text: seed });
    failWritesWith = 'EROFS';
    await expect(library.updateTags(id, ['x'], [])).rejects.toThrow('library: could not save the catalog: the disk is read-only');
    await expect(library.addText({ text: seed })).rejects.toThrow(/the disk is read-only$/u);
    failWritesWith = null;
    expect(library.list()).toHaveLength(1);
  });

  it('a new library cannot be created there, and the message names the folder', async () => {
    failWritesWith = 'EROFS';
    const path = join(folder.path, 'elsewhere');
    await expect(Library.open(path)).rejects.toThrow(`library: cannot open ${path}: the disk is read-only`);
  });
});

describe('when files are removed behind the app', () => {
  it("an article whose content was deleted says which file is missing, and verify reports it", async () => {
    const { id } = await library.addText({ text: seed });
    const path = capturePath(library.path, id);
    await rm(path);
    await expect(library.get(id)).rejects.toThrow(`library: cannot read the content of article ${id} (${path}: it is missing)`);
    const report = await verifyLibrary(library);
    expect(report.problems).toEqual([expect.stringContaining(`article ${id}`)]);
  });

  it('a deleted catalog shard is written again from memory at the next edit', async () => {
    const { id } = await library.addText({ text: seed, tags: ['a'] });
    await rm(join(library.path, 'catalog', `${id.slice(-2)}.json`));
    await library.updateTags(id, ['b'], []);
    await library.close();
    library = await Library.open(join(folder.path, 'library'));
    expect((await library.get(id)).tags).toEqual(['a', 'b']);
  });
});
