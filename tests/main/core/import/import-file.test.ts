import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyOpenedFile, describeImport, importFile } from '../../../../main/core/import/import-file';
import { SEED_ARTICLE, SHARED } from '../../../paths';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary();

describe('importFile', () => {
  it('clips a saved web page from the corpus as HTML, keeping its file name', async () => {
    const page = join(SHARED, 'corpora', 'readability-pages', 'bbc-1', 'source.html');
    const expected = JSON.parse(await readFile(join(SHARED, 'corpora', 'readability-pages', 'bbc-1', 'expected-metadata.json'), 'utf8')) as { title: string };
    const copy = join(temp.folder, 'Story.HTM');
    await writeFile(copy, await readFile(page));
    expect(await importFile(temp.library, copy)).toEqual({ path: copy, kind: 'html', added: 1, failed: [] });
    const [summary] = await temp.library.list();
    expect(summary?.title).toBe(expected.title);
    expect((await temp.library.get(summary!.id)).provenance).toMatchObject({ fileName: 'Story.HTM' });
  });

  it('clips a text file as text', async () => {
    const copy = join(temp.folder, 'seed.txt');
    await writeFile(copy, await readFile(SEED_ARTICLE));
    await importFile(temp.library, copy);
    const [summary] = await temp.library.list();
    expect(summary?.title).toBe((await readFile(SEED_ARTICLE, 'utf8')).split('\n')[0]?.trim());
  });

  it('imports a Cuttings archive line by line and reports the lines it could not', async () => {
    const archive = join(temp.folder, 'week.cuttings');
    await writeFile(
      archive,
      [
        JSON.stringify({ title: 'Talks in Geneva', text: 'Ministers met in Geneva on Friday to talk about the border.', tags: ['diplomacy'] }),
        '{"title": broken',
        JSON.stringify({ title: 'Floods in the north', text: 'Rivers burst their banks after a week of rain in the north.' }),
      ].join('\n'),
    );
    const result = await importFile(temp.library, archive);
    expect(result).toMatchObject({ kind: 'archive', added: 2, failed: [{ line: 2 }] });
    expect(describeImport(result)).toMatch(/^Imported 2 articles from week\.cuttings; 1 line could not be imported \(line 2: .+\)$/u);
    expect((await temp.library.list()).map((summary) => summary.title).sort()).toEqual(['Floods in the north', 'Talks in Geneva']);
  });

  it('refuses other kinds and missing files with a message naming the file, adding nothing', async () => {
    await expect(importFile(temp.library, join(temp.folder, 'photo.jpg'))).rejects.toThrow(
      `import: cannot open ${join(temp.folder, 'photo.jpg')}: Cuttings opens .html, .htm, .txt, .md and .cuttings files`,
    );
    await expect(importFile(temp.library, join(temp.folder, 'gone.html'))).rejects.toThrow(`import: cannot read ${join(temp.folder, 'gone.html')}: no such file`);
    expect(await temp.library.list()).toEqual([]);
  });
});

describe('classifyOpenedFile', () => {
  it('knows web pages, text and Cuttings archives by extension, in any case', () => {
    expect(classifyOpenedFile('/a/Story.HTML')).toBe('html');
    expect(classifyOpenedFile('story.htm')).toBe('html');
    expect(classifyOpenedFile('notes.txt')).toBe('text');
    expect(classifyOpenedFile('notes.md')).toBe('text');
    expect(classifyOpenedFile('week.cuttings')).toBe('archive');
    expect(classifyOpenedFile('dump.jsonl')).toBe('archive');
    expect(classifyOpenedFile('photo.jpg')).toBeNull();
    expect(classifyOpenedFile('html')).toBeNull();
  });
});
