// Files opened with the app (File ▸ Import File…): pages and text as before, and every format
// `cuttings import` reads through the same importer, each answered with a line for the user.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportArticles } from '../../../../main/core/export';
import { importFileBytes, importOpenedFile } from '../../../../main/core/import/import-opened-file';
import { Library } from '../../../../main/core/library';
import { makeTempFolder, SEED_ARTICLE } from '../../../paths';
import { IMPORT_FIXTURES } from './import-into';

let folder: { path: string; remove: () => Promise<void> };
let library: Library;

beforeEach(async () => {
  folder = await makeTempFolder();
  library = await Library.open(join(folder.path, 'library'));
});
afterEach(async () => {
  await library.close();
  await folder.remove();
});

describe('importOpenedFile', () => {
  it("imports Pocket's CSV and a bookmark file through the CLI's importer, saying what was skipped and what failed", async () => {
    expect(await importOpenedFile(library, join(IMPORT_FIXTURES, 'pocket.csv'))).toBe(
      "Imported 3 articles from pocket.csv (Pocket's CSV export); 1 skipped as a duplicate; 1 failed (row 6: it has neither text nor a web address)",
    );
    expect(await importOpenedFile(library, join(IMPORT_FIXTURES, 'bookmarks.html'))).toMatch(/^Imported \d+ articles? from bookmarks\.html \(Netscape bookmark HTML \(browsers, Pocket, Raindrop\)\)/u);
    expect(library.list().length).toBeGreaterThan(3);
  });

  it('restores a Cuttings archive exported from another library, and still clips a text file as before', async () => {
    const other = await Library.open(join(folder.path, 'other'));
    const archive = join(folder.path, 'export.zip');
    try {
      await other.addText({ text: 'Ceasefire talks resume\n\nNegotiators met in Geneva.', tags: ['diplomacy'] });
      await exportArticles(other, 'archive', {}, archive);
    } finally {
      await other.close();
    }
    expect(await importOpenedFile(library, archive)).toBe('Imported 1 article from export.zip (a Cuttings archive (.zip))');
    expect(library.list()).toMatchObject([{ title: 'Ceasefire talks resume', tags: ['diplomacy'] }]);

    const text = join(folder.path, 'seed.txt');
    await writeFile(text, await readFile(SEED_ARTICLE));
    expect(await importOpenedFile(library, text)).toBe('Imported 1 article from seed.txt');
    expect(library.list()).toHaveLength(2);
  });

  it('refuses a file it cannot tell the kind of, naming it', async () => {
    const odd = join(folder.path, 'notes.xyz');
    await writeFile(odd, 'just some words');
    await expect(importOpenedFile(library, odd)).rejects.toThrow(`import: cannot tell what kind of file ${odd} is; give --format (`);
    expect(library.list()).toEqual([]);
  });

  it('imports a dropped file from its bytes, naming it as the user knows it and leaving no temporary file', async () => {
    const bytes = await readFile(join(IMPORT_FIXTURES, 'zotero.ris'));
    expect(await importFileBytes(library, 'zotero.ris', bytes)).toMatch(/^Imported \d+ articles? from zotero\.ris \(RIS \(Zotero, EndNote\)\)/u);
    expect(library.list().length).toBeGreaterThan(0);
    await expect(importFileBytes(library, 'notes.xyz', Buffer.from('just some words'))).rejects.toThrow(/^import: cannot tell what kind of file notes\.xyz is; /u);
    await expect(importFileBytes(library, '..', Buffer.from('x'))).rejects.toThrow('import: ".." is not a file name');
  });
});
