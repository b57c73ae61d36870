import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../../../main/core/capture/pdf-text';
import { custodyLogPath } from '../../../../main/core/evidence/custody-log';
import { Library } from '../../../../main/core/library';
import { verifyLibrary } from '../../../../main/core/library/verify';
import { readCapture } from '../../../../main/core/storage/captures';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary();

const TEXT = 'The council met on Tuesday to discuss the harbour budget.\n\nNo decision was taken.';

async function custodyLines(): Promise<{ event: string; detail?: string; items: { article: string; manifest?: string }[] }[]> {
  return (await readFile(custodyLogPath(temp.path), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { event: string; detail?: string; items: { article: string; manifest?: string }[] });
}

async function hitIds(query: string): Promise<string[]> {
  return (await temp.library.search(query)).hits.map((hit) => hit.id);
}

describe('editing an article’s details', () => {
  it('changes title, date, author and source durably: a reopened library has them', async () => {
    const { id } = await temp.library.addText({ text: TEXT, title: 'Zebrafish report', source: 'Harbour Gazette', author: 'A. Writer' });
    const article = await temp.library.editDetails(id, { title: '  Quokka   census ', published: '2019-04-02', author: 'B. Reporter, C. Hand', source: 'The Island Post' });
    expect(article).toMatchObject({ id, title: 'Quokka census', published: '2019-04-02', author: 'B. Reporter, C. Hand', source: 'The Island Post', edited: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/u) });
    const reopened = await temp.reopen();
    expect(reopened.record(id)).toMatchObject({ title: 'Quokka census', published: '2019-04-02', author: 'B. Reporter, C. Hand', source: 'The Island Post' });
    expect(reopened.list()[0]).toMatchObject({ id, title: 'Quokka census', edited: article.edited });
  });

  it('keeps a field left out, clears one given empty, and takes a full ISO 8601 time', async () => {
    const { id } = await temp.library.addText({ text: TEXT, title: 'Zebrafish report', source: 'Harbour Gazette', author: 'A. Writer', published: '2020-01-05' });
    const article = await temp.library.editDetails(id, { author: '', published: '2020-01-06T08:30:00+02:00' });
    expect(article).toMatchObject({ title: 'Zebrafish report', source: 'Harbour Gazette', author: null, published: '2020-01-06T08:30:00+02:00' });
  });

  it('re-indexes the title in a loaded index: the new title is found and the old is not', async () => {
    const { id } = await temp.library.addText({ text: TEXT, title: 'Zebrafish report' });
    expect(await hitIds('zebrafish')).toEqual([id]);
    await temp.library.editDetails(id, { title: 'Quokka census', source: 'Walrus Weekly' });
    expect(await hitIds('quokka')).toEqual([id]);
    expect(await hitIds('zebrafish')).toEqual([]);
    expect(await hitIds('source:walrus')).toEqual([id]);
  });

  it('catches the index up at the next open when it was not loaded during the edit', async () => {
    const { id } = await temp.library.addText({ text: TEXT, title: 'Zebrafish report' });
    expect(await hitIds('zebrafish')).toEqual([id]);
    const before = await temp.reopen();
    await before.editDetails(id, { title: 'Quokka census', published: '2018-11-30' });
    const after = await temp.reopen();
    expect((await after.search('quokka')).hits.map((hit) => hit.id)).toEqual([id]);
    expect((await after.search('zebrafish')).hits).toEqual([]);
    expect((await after.search('published:2018-11')).hits.map((hit) => hit.id)).toEqual([id]);
  });

  it('lets a published: query find the new date and sorts by it', async () => {
    const first = (await temp.library.addText({ text: TEXT, title: 'First', published: '2021-06-01' })).id;
    const second = (await temp.library.addText({ text: `${TEXT} Again.`, title: 'Second', published: '2021-07-01' })).id;
    expect(await hitIds('published:2015')).toEqual([]);
    await temp.library.editDetails(first, { published: '2015-03-09' });
    expect(await hitIds('published:2015-03-09')).toEqual([first]);
    expect((await temp.library.search('', { sort: 'published' })).hits.map((hit) => hit.id)).toEqual([second, first]);
    await temp.library.editDetails(first, { published: '' });
    expect(await hitIds('published:2015')).toEqual([]);
    expect(temp.library.record(first).published).toBeNull();
  });

  it('records the change in the custody log, signed, naming the capture’s manifest; verify still passes', async () => {
    const { id } = await temp.library.addText({ text: TEXT, title: 'Zebrafish report' });
    await temp.library.editDetails(id, { title: 'Quokka census', published: '2019-04-02' });
    const last = (await custodyLines()).at(-1)!;
    const manifest = (await custodyLines()).find((entry) => entry.event === 'captured')!.items[0]!.manifest;
    expect(last).toMatchObject({ event: 'edited', items: [{ article: id, manifest }], detail: 'title "Zebrafish report" → "Quokka census"; published none → "2019-04-02"' });
    expect(manifest).toMatch(/^[0-9a-f]{64}$/u);
    // The capture and its signed manifest are as captured: only the catalog changed.
    expect((await readCapture(temp.path, id)).record?.title).toBe('Zebrafish report');
    expect(await verifyLibrary(temp.library)).toMatchObject({ problems: [] });
  });

  it('shows in the evidence report: the title as captured beside the new one, and the custody entry', async () => {
    const { id } = await temp.library.addText({ text: TEXT, title: 'Zebrafish report' });
    await temp.library.editDetails(id, { title: 'Quokka census' });
    const pdf = join(temp.folder, 'report.pdf');
    const verdict = await temp.library.writeEvidenceReport(id, { pdf });
    expect(verdict.level).toBe('signed');
    const text = (await extractPdfText(await readFile(pdf), 'report.pdf')).text.replace(/\s+/gu, ' ');
    expect(text).toContain('Title Quokka census');
    expect(text).toContain('Title as captured Zebrafish report');
    expect(text).toContain('details edited after capture: title "Zebrafish report" → "Quokka census"');
  });

  it('refuses a bad date in one line naming it, and changes nothing, not even the custody log', async () => {
    const { id } = await temp.library.addText({ text: TEXT, title: 'Zebrafish report', published: '2020-01-05' });
    const entries = (await custodyLines()).length;
    await expect(temp.library.editDetails(id, { title: 'Quokka census', published: '2024-02-30' })).rejects.toThrow(
      'details: published date "2024-02-30" is not a date (YYYY-MM-DD, or a full ISO 8601 time such as 2024-03-05T09:30:00Z)',
    );
    await expect(temp.library.editDetails(id, { published: '5 March 2024' })).rejects.toThrow('details: published date "5 March 2024" is not a date');
    await expect(temp.library.editDetails(id, { title: '   ' })).rejects.toThrow('details: the title cannot be empty');
    await expect(temp.library.editDetails(id, { source: 'x'.repeat(1001) })).rejects.toThrow('details: the source has 1,001 characters; it may have at most 1,000');
    await expect(temp.library.editDetails('NOPE', { title: 'x' })).rejects.toThrow('library: no article with id NOPE');
    expect(temp.library.record(id)).toMatchObject({ title: 'Zebrafish report', published: '2020-01-05' });
    expect(temp.library.record(id).edited).toBeUndefined();
    expect((await custodyLines()).length).toBe(entries);
    expect((await temp.reopen()).record(id)).toMatchObject({ title: 'Zebrafish report', published: '2020-01-05' });
  });

  it('stamps details saved unchanged as confirmed, without a custody entry', async () => {
    const { id } = await temp.library.addText({ text: TEXT, title: 'Zebrafish report', published: '2020-01-05' });
    const entries = (await custodyLines()).length;
    const confirmed = await temp.library.editDetails(id, { title: 'Zebrafish report', published: '2020-01-05' });
    expect(confirmed.edited).toEqual(expect.any(String));
    expect((await custodyLines()).length).toBe(entries);
    // Once confirmed, saving the same again writes nothing.
    await temp.library.editDetails(id, { title: 'Zebrafish report' });
    expect(temp.library.record(id).edited).toBe(confirmed.edited);
  });

  it('keeps the tags and note an article had', async () => {
    const { id } = await temp.library.addText({ text: TEXT, title: 'Zebrafish report', tags: ['harbour'] });
    await temp.library.setNote(id, 'call the clerk');
    const article = await temp.library.editDetails(id, { title: 'Quokka census' });
    expect(article).toMatchObject({ tags: ['harbour'], note: 'call the clerk' });
  });

  it('is refused on a library open read-only', async () => {
    const { id } = await temp.library.addText({ text: TEXT, title: 'Zebrafish report' });
    const reader = await Library.open(temp.path, { readOnly: true });
    try {
      await expect(reader.editDetails(id, { title: 'Quokka census' })).rejects.toThrow(/library: .* is open read-only/u);
    } finally {
      await reader.close();
    }
    expect(temp.library.record(id).title).toBe('Zebrafish report');
  });
});
