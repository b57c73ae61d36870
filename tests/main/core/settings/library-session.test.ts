import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../../../main/core/library';
import { LibrarySession } from '../../../../main/core/settings/library-session';
import { makeTempFolder, SEED_ARTICLE } from '../../../paths';

let folder: { path: string; remove: () => Promise<void> };
let session: LibrarySession;
beforeEach(async () => {
  folder = await makeTempFolder();
  session = new LibrarySession(await Library.open(join(folder.path, 'first')), (path) => Library.open(path));
});
afterEach(async () => {
  await session.current.close();
  await folder.remove();
});

describe('LibrarySession', () => {
  it('creates a library in a new folder, switches to it and releases the old one', async () => {
    const first = session.current;
    await first.addText({ text: await readFile(SEED_ARTICLE, 'utf8') });
    const second = await session.switchTo(join(folder.path, 'second'), 'create');
    expect(session.current).toBe(second);
    expect(second.path).toBe(join(folder.path, 'second'));
    expect((await second.list()).length).toBe(0);
    // The first library's lock is released: it can be opened again for writing.
    const again = await Library.open(join(folder.path, 'first'));
    expect((await again.list()).length).toBe(1);
    await again.close();
  });

  it('opens an existing library and refuses a folder that holds none', async () => {
    const other = await Library.open(join(folder.path, 'other'));
    await other.close();
    await mkdir(join(folder.path, 'photos'));
    await writeFile(join(folder.path, 'photos', 'a.jpg'), 'x');
    await expect(session.switchTo(join(folder.path, 'photos'), 'open')).rejects.toThrow(
      `library: there is no Cuttings library at ${join(folder.path, 'photos')} (choose “Create” to make one there)`,
    );
    await expect(session.switchTo(join(folder.path, 'photos'), 'create')).rejects.toThrow(
      `library: ${join(folder.path, 'photos')} is not empty; choose an empty folder or a new one`,
    );
    await expect(session.switchTo('relative/lib', 'open')).rejects.toThrow('library: the folder must be a full path, not "relative/lib"');
    // Still on the first library after the refusals.
    expect(session.current.path).toBe(join(folder.path, 'first'));
    expect((await session.switchTo(join(folder.path, 'other'), 'open')).path).toBe(join(folder.path, 'other'));
  });

  it('keeps the library in use when the new one cannot be opened', async () => {
    const locked = await Library.open(join(folder.path, 'busy'));
    try {
      await expect(session.switchTo(join(folder.path, 'busy'), 'open')).rejects.toThrow(/in use/u);
      expect(session.current.path).toBe(join(folder.path, 'first'));
      expect(await session.current.list()).toEqual([]);
    } finally {
      await locked.close();
    }
  });
});
