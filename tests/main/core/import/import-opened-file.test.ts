// Files opened with the app (File ▸ Import File…): pages and text as before, and every format
// `cuttings import` reads through the same importer, each answered with a line for the user.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportArticles } from '../../../../main/core/export';
import { importFileBytes, importOpenedFile } from '../../../../main/core/import/import-opened-file';
import { Library } from '../../../../main/core/library';
import { SEED_ARTICLE } from '../../../paths';
import { IMPORT_FIXTURES } from './import-into';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary();

describe('importOpenedFile', () => {
  it("imports Pocket's CSV and a bookmark file through the CLI's importer, saying what was skipped and what failed", async () => {
    expect(await importOpenedFile(temp.library, join(IMPORT_FIXTURES, 'pocket.csv'))).toBe(
      "Imported 3 articles from pocket.csv (Pocket's CSV export); 1 skipped as a duplicate; 1 failed (row 6: it has neither text nor a web address)",
    );
    expect(await importOpenedFile(temp.library, join(IMPORT_FIXTURES, 'bookmarks.html'))).toMatch(/^Imported \d+ articles? from bookmarks\.html \(Netscape bookmark HTML \(browsers, Pocket, Raindrop\)\)/u);
    expect(temp.library.list().length).toBeGreaterThan(3);
  });

  it('restores a Cuttings archive exported from another temp.library, and still clips a text file as before', async () => {
    const other = await Library.open(join(temp.folder, 'other'));
    const archive = join(temp.folder, 'export.zip');
    try {
      await other.addText({ text: 'Ceasefire talks resume\n\nNegotiators met in Geneva.', tags: ['diplomacy'] });
      await exportArticles(other, 'archive', {}, archive);
    } finally {
      await other.close();
    }
    expect(await importOpenedFile(temp.library, archive)).toBe('Imported 1 article from export.zip (a Cuttings archive (.zip))');
    expect(temp.library.list()).toMatchObject([{ title: 'Ceasefire talks resume', tags: ['diplomacy'] }]);

    const text = join(temp.folder, 'seed.txt');
    await writeFile(text, await readFile(SEED_ARTICLE));
    expect(await importOpenedFile(temp.library, text)).toBe('Imported 1 article from seed.txt');
    expect(temp.library.list()).toHaveLength(2);
  });

  it('refuses a file it cannot tell the kind of, naming it', async () => {
    const odd = join(temp.folder, 'notes.xyz');
    await writeFile(odd, 'just some words');
    await expect(importOpenedFile(temp.library, odd)).rejects.toThrow(`import: cannot tell what kind of file ${odd} is; give --format (`);
    expect(temp.library.list()).toEqual([]);
  });

  it('imports a dropped file from its bytes, naming it as the user knows it and leaving no temporary file', async () => {
    const bytes = await readFile(join(IMPORT_FIXTURES, 'zotero.ris'));
    expect(await importFileBytes(temp.library, 'zotero.ris', bytes)).toMatch(/^Imported \d+ articles? from zotero\.ris \(RIS \(Zotero, EndNote\)\)/u);
    expect(temp.library.list().length).toBeGreaterThan(0);
    await expect(importFileBytes(temp.library, 'notes.xyz', Buffer.from('just some words'))).rejects.toThrow(/^import: cannot tell what kind of file notes\.xyz is; /u);
    await expect(importFileBytes(temp.library, '..', Buffer.from('x'))).rejects.toThrow('import: ".." is not a file name');
  });
});
