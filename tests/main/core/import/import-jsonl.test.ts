import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importJsonl } from '../../../../main/core/import/import-jsonl';
import { verifyLibrary } from '../../../../main/core/library/verify';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary();
async function jsonl(lines: string[]): Promise<string> {
  const path = join(temp.folder, 'in.jsonl');
  await writeFile(path, lines.join('\n') + '\n');
  return path;
}

describe('importJsonl', () => {
  it('imports text and HTML lines with their metadata, and reports each bad line by number', async () => {
    const path = await jsonl([
      JSON.stringify({ title: 'Harbour reopens', text: 'The harbour reopened on Monday.\n\nRepairs took all winter.', url: 'https://example.org/h', source: 'Gazette', published: '2024-03-01', tags: ['local', 'Harbour/Works'] }),
      '',
      '{not json',
      JSON.stringify({ title: 'No body' }),
      JSON.stringify({ html: `<html><head><title>A page</title></head><body><article>${'<p>Some article text that goes on and on for the reader.</p>'.repeat(5)}</article></body></html>` }),
      JSON.stringify({ title: 'Bad tags', text: 'Words.', tags: 'local' }),
      JSON.stringify({ title: 'Bad date', text: 'Words here.', published: 'yesterday' }),
      JSON.stringify([1, 2]),
    ]);
    const summary = await importJsonl(temp.library, path);
    expect(summary.imported).toBe(2);
    expect(summary.failed).toEqual([
      { line: 3, message: expect.stringMatching(/^not valid JSON/u) },
      { line: 4, message: 'needs "text" or "html"' },
      { line: 6, message: '"tags" must be an array of strings' },
      { line: 7, message: 'add: published date "yesterday" is not a date (YYYY-MM-DD, or a full ISO 8601 time such as 2024-03-05T09:30:00Z)' },
      { line: 8, message: 'not a JSON object' },
    ]);
    const harbour = temp.library.list().find((article) => article.title === 'Harbour reopens')!;
    expect(harbour).toMatchObject({ url: 'https://example.org/h', source: 'Gazette', published: '2024-03-01', tags: ['local', 'Harbour/Works'] });
    expect((await temp.library.get(harbour.id)).text).toBe('The harbour reopened on Monday.\n\nRepairs took all winter.');
    expect((await temp.library.get(harbour.id)).provenance.method).toBe('import');
    expect(temp.library.list().map((article) => article.title)).toContain('A page');
    expect((await temp.library.search('harbour')).total).toBe(1);
    expect((await verifyLibrary(temp.library)).problems).toEqual([]);
  });

  it('keeps all of a line\'s text as the article beside its title, whatever the title holds', async () => {
    const path = await jsonl([
      JSON.stringify({ title: 'Harbour\nreopens', text: 'One paragraph only.' }),
      JSON.stringify({ title: 'Note', text: 'First line of the note\nand its second line.' }),
      JSON.stringify({ title: 'Same', text: 'Same' }),
    ]);
    expect(await importJsonl(temp.library, path)).toEqual({ imported: 3, failed: [] });
    const texts = new Map(await Promise.all(temp.library.list().map(async (article) => [article.title, (await temp.library.get(article.id)).text] as const)));
    expect(Object.fromEntries(texts)).toEqual({
      'Harbour reopens': 'One paragraph only.',
      Note: 'First line of the note\n\nand its second line.',
      Same: 'Same',
    });
  });

  it('names a file that does not exist', async () => {
    await expect(importJsonl(temp.library, join(temp.folder, 'missing.jsonl'))).rejects.toThrow(
      `import: cannot read ${join(temp.folder, 'missing.jsonl')}: no such file`,
    );
  });

  it('reports progress up to the whole file', async () => {
    const path = await jsonl(Array.from({ length: 30 }, (_, i) => JSON.stringify({ title: `T${i}`, text: `Body number ${i}.` })));
    const seen: [number, number][] = [];
    await importJsonl(temp.library, path, (done, total) => seen.push([done, total]));
    expect(seen.at(-1)![0]).toBe(seen.at(-1)![1]);
    expect(temp.library.list()).toHaveLength(30);
  });

  it('stores batch after batch while the next is clipped, reporting bad lines by their number in the file', async () => {
    const lines = Array.from({ length: 25 }, (_, i) => (i === 7 || i === 18 ? '{broken' : JSON.stringify({ title: `Report ${i + 1}`, text: `Body of report ${i + 1}.` })));
    const summary = await importJsonl(temp.library, await jsonl(lines), undefined, 10);
    expect(summary).toEqual({ imported: 23, failed: [expect.objectContaining({ line: 8 }), expect.objectContaining({ line: 19 })] });
    expect(temp.library.list().map((article) => article.title)).toEqual(
      Array.from({ length: 25 }, (_, i) => `Report ${i + 1}`).filter((_, i) => i !== 7 && i !== 18).reverse(),
    );
    expect((await verifyLibrary(temp.library)).problems).toEqual([]);
  });

  it('stops at a batch that cannot be stored, keeping the batches stored before it', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => JSON.stringify({ title: `Report ${i + 1}`, text: `Body of report ${i + 1}.` }));
    const addBatch = temp.library.addBatch.bind(temp.library);
    let calls = 0;
    temp.library.addBatch = async (batch) => {
      if (++calls === 2) throw new Error('library: could not save 10 articles: the disk is full');
      return addBatch(batch);
    };
    await expect(importJsonl(temp.library, await jsonl(lines), undefined, 10)).rejects.toThrow('the disk is full');
    expect(temp.library.list().map((article) => article.title).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `Report ${i + 1}`).sort());
  });
});
