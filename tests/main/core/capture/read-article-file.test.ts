import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleFile, singleFileUrl } from '../../../../main/core/capture/read-article-file';
import { readOriginal } from '../../../../main/core/storage/captures';
import { verifyLibrary } from '../../../../main/core/library/verify';
import { SEED_ARTICLE, SHARED } from '../../../paths';
import { makeMhtml } from './make-mhtml';
import { makePdf } from './make-pdf';
import { PNG } from '../fetch/test-server';
import { useTempLibrary } from '../../../temp-library';

const guardian = readFileSync(join(SHARED, 'corpora', 'readability-pages', 'guardian-1', 'source.html'));

const temp = useTempLibrary();
/** Writes a file into the test folder and adds it to the library; returns the stored article. */
async function addFile(name: string, bytes: Buffer | string) {
  const path = join(temp.folder, name);
  await writeFile(path, bytes);
  const outcome = await temp.library.addChecked(await readArticleFile(path), 'keep');
  if (outcome.status !== 'added') throw new Error(`${name} was not added`);
  return temp.library.get(outcome.article.id);
}

describe('readArticleFile', () => {
  it('clips a saved page, keeping its name in provenance', async () => {
    const article = await addFile('whales.html', guardian);
    expect(article.title).toContain('Māori');
    expect(article.provenance).toMatchObject({ method: 'file', fileName: 'whales.html', contentType: 'text/html' });
    expect((await readOriginal(temp.library.path, article.id))!.bytes.equals(guardian)).toBe(true);
  });

  it('clips a crawled page with runs of NUL bytes inside it as the page without them, keeping the bytes received', async () => {
    const clean = await addFile('clean.html', guardian);
    // Where a crawler's disk lost a block: 4 KiB of NULs in the middle of the markup, and a few more further on.
    const middle = guardian.indexOf('</p>', guardian.length / 2) + 4;
    const damaged = Buffer.concat([guardian.subarray(0, middle), Buffer.alloc(4096), guardian.subarray(middle, middle + 2000), Buffer.alloc(3), guardian.subarray(middle + 2000)]);
    const article = await addFile('crawled.html', damaged);
    expect(article.title).toBe(clean.title);
    expect(article.text).toBe(clean.text);
    expect((await readOriginal(temp.library.path, article.id))!.bytes.equals(damaged)).toBe(true);
  });

  it('takes a SingleFile save\'s address from its opening comment', async () => {
    const saved = `<!--\n Page saved with SingleFile \n url: https://news.example.org/harbour \n saved date: Mon Jan 06 2025 10:00:00 GMT+0000\n-->\n<html><head><title>Harbour</title></head><body><article><h1>Harbour</h1><p>${'The boats came home to the harbour this morning. '.repeat(12)}</p><img src="pictures/boat.jpg"></article></body></html>`;
    expect(singleFileUrl(saved)).toBe('https://news.example.org/harbour');
    const article = await addFile('harbour.html', saved);
    expect(article.url).toBe('https://news.example.org/harbour');
    expect(article.html).toContain('https://news.example.org/pictures/boat.jpg');
  });

  it("stores the pictures a SingleFile save carries inside it, and drops their data: copies and placeholders", async () => {
    const picture = Buffer.concat([PNG, Buffer.alloc(2_000, 7)]); // large enough not to be a placeholder
    const pixel = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
    const saved = `<!--\n Page saved with SingleFile \n url: https://news.example.org/boats \n-->\n<html><head><title>Boats</title></head><body><article><h1>Boats</h1><p>${'The boats came home to the harbour this morning. '.repeat(12)}</p><img src="data:image/png;base64,${picture.toString('base64')}" alt="Boats"><img src="${pixel}"><p>${'The harbour master counted every one of them. '.repeat(8)}</p></article></body></html>`;
    const article = await addFile('boats.html', saved);
    const name = `${createHash('sha256').update(picture).digest('hex')}.png`;
    expect(article.html).toContain(`src="cuttings-asset:${name}"`);
    expect(article.html).not.toContain('data:image');
    expect((await readFile(join(temp.library.path, 'assets', name))).equals(picture)).toBe(true);
    expect((await verifyLibrary(temp.library)).problems).toEqual([]);
    // Pasted as HTML, where no images are stored, the page keeps no data: copy either.
    const pasted = await temp.library.addHtml({ html: saved.replace('Boats</h1>', 'Boats again</h1>') });
    expect((await temp.library.get(pasted.id)).html).not.toContain('data:image');
  });

  it('clips the page inside a web archive and keeps the archive as the original', async () => {
    const archive = makeMhtml(guardian, 'quoted-printable', 'https://www.theguardian.com/whales');
    const article = await addFile('whales.mhtml', archive);
    expect(article.title).toContain('Māori');
    expect(article.provenance.contentType).toBe('multipart/related');
    const original = await readOriginal(temp.library.path, article.id);
    expect(original?.kind).toBe('mhtml');
    expect(original!.bytes.equals(archive)).toBe(true);
    expect((await verifyLibrary(temp.library)).problems).toEqual([]);
  });

  it('keeps a web archive\'s own images offline, and fetches none from the web', async () => {
    const page = Buffer.from(`<html><head><title>Harbour</title></head><body><article><h1>Harbour</h1>
      <p>${'The boats came home to the harbour this morning. '.repeat(12)}</p>
      <img src="https://example.org/pixel.png" alt="in the archive"><img src="https://example.org/remote.png" alt="not in it"></article></body></html>`);
    const article = await addFile('harbour.mhtml', makeMhtml(page, 'base64', 'https://example.org/harbour'));
    const name = `${createHash('sha256').update(PNG).digest('hex')}.png`;
    expect(article.html).toContain(`<img src="cuttings-asset:${name}" alt="in the archive" data-src="https://example.org/pixel.png">`);
    expect(article.html).toContain('<img alt="not in it" data-src="https://example.org/remote.png">');
    expect((await readFile(join(temp.library.path, 'assets', name))).equals(PNG)).toBe(true);
    expect((await verifyLibrary(temp.library)).problems).toEqual([]);
  });

  it('clips plain text and Markdown, and a PDF with its text', async () => {
    const text = await addFile('seed.txt', readFileSync(SEED_ARTICLE));
    expect(text.title).toBe('US-Russia talks on Ukraine Lavrov: I don’t expect a breakthrough');
    const markdown = await addFile('notes.md', '# Council notes\n\nThe council met on Tuesday and agreed the budget.');
    expect(markdown.text).toContain('The council met on Tuesday');
    const pdf = await addFile('report.pdf', makePdf([['Annual report', 'Profits rose by a tenth.']], 'Annual report 2024'));
    expect(pdf.title).toBe('Annual report 2024');
    expect(pdf.text).toContain('Profits rose by a tenth.');
    expect((await readOriginal(temp.library.path, pdf.id))?.kind).toBe('pdf');
  });

  it('keeps all of a PDF\'s text as the article under the title given, or under its own', async () => {
    const bytes = makePdf([['Annual report', 'Profits rose by a tenth.']]);
    const path = join(temp.folder, 'untitled.pdf');
    await writeFile(path, bytes);
    const given = await temp.library.addChecked(await readArticleFile(path, { title: 'Given title' }), 'keep');
    if (given.status !== 'added') throw new Error('not added');
    expect(await temp.library.get(given.article.id)).toMatchObject({ title: 'Given title', text: expect.stringMatching(/^Annual report\s+Profits rose by a tenth\.$/u) });
    const own = await addFile('titled.pdf', makePdf([['Profits rose by a tenth.']], 'Annual report 2024'));
    expect(own).toMatchObject({ title: 'Annual report 2024', text: 'Profits rose by a tenth.' });
  });

  it('refuses a kind it does not clip, a missing file, and a damaged PDF, naming each', async () => {
    await expect(readArticleFile(join(temp.folder, 'letter.docx'))).rejects.toThrow(`add: cannot clip ${join(temp.folder, 'letter.docx')}: Cuttings reads .html, .htm, .mhtml, .txt, .md and .pdf files, and scans (.jpg, .jpeg, .png, .tif, .tiff, .webp)`);
    await expect(readArticleFile(join(temp.folder, 'gone.html'))).rejects.toThrow(`add: cannot read ${join(temp.folder, 'gone.html')}: no such file`);
    await writeFile(join(temp.folder, 'broken.pdf'), 'not a pdf at all');
    await expect(readArticleFile(join(temp.folder, 'broken.pdf'))).rejects.toThrow('pdf: broken.pdf is not a PDF (it does not start with %PDF-)');
    expect(temp.library.list()).toEqual([]);
  });
});
