/**
 * What main tells the window, and files dropped on it, in Chromium through the harness: the
 * menu's Add Cutting… and Find, an address from a launch's command line, an import's report,
 * and saved pages and text files dropped on the window (read in the page, added through
 * addHtml/addText like a chosen file), a PDF dropped (sent as bytes to addFile), and an image
 * that is none refused by the scan queue.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SHARED } from '../paths';
import { makePdf } from '../main/core/capture/make-pdf';
import { expect, SEED_ARTICLE, test } from './fixtures';

test("the menu's commands open the add dialog, with a launch's address filled in, and focus the search box", async ({ app }) => {
  await app.sendAppEvent({ type: 'add-cutting', url: 'https://www.bbc.co.uk/news/world-60000000' });
  await expect(app.addForm.dialog).toBeVisible();
  await expect(app.addForm.url).toHaveValue('https://www.bbc.co.uk/news/world-60000000');
  await app.addForm.cancel.click();
  await expect(app.addForm.dialog).toBeHidden();

  await app.sendAppEvent({ type: 'focus-search' });
  await expect(app.searchInput).toBeFocused();
});

test('an import reported by main refreshes the list and shows its message', async ({ app, harness }) => {
  const seed = await readFile(SEED_ARTICLE, 'utf8');
  const title = seed.split('\n')[0]?.trim() ?? '';
  // As main does for a file opened from the OS: add it to the library, then say so.
  await harness.library.addText({ text: seed, fileName: 'seed.txt' }, 'file');
  await app.sendAppEvent({ type: 'library-changed', message: 'Imported 1 article from seed.txt' });
  await app.waitForRow(title);
  await expect(app.statusMessage).toHaveText('Imported 1 article from seed.txt');
});

test('a saved page, a text file and a PDF dropped on the window are added; other files are refused by name', async ({ app, page }) => {
  // Four kinds of file, the first of each loading its reader (jsdom, pdf.js, sharp) in main.
  test.setTimeout(90_000);
  const pageDir = join(SHARED, 'corpora', 'readability-pages', 'bbc-1');
  const html = await readFile(join(pageDir, 'source.html'), 'utf8');
  const expected = JSON.parse(await readFile(join(pageDir, 'expected-metadata.json'), 'utf8')) as { title: string };
  const seed = await readFile(SEED_ARTICLE, 'utf8');

  // `base64` for binary content (a PDF), else `content` as text.
  const drop = async (files: { name: string; type: string; content: string; base64?: boolean }[]) => {
    const dataTransfer = await page.evaluateHandle((list) => {
      const transfer = new DataTransfer();
      const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      for (const file of list) transfer.items.add(new File([file.base64 ? bytes(file.content) : file.content], file.name, { type: file.type }));
      return transfer;
    }, files);
    await app.dropFiles(dataTransfer);
  };

  await drop([{ name: 'bbc-story.html', type: 'text/html', content: html }]);
  // The first page clipped in a process loads the HTML parser (jsdom), which takes a while.
  await expect(app.row(expected.title)).toBeVisible({ timeout: 30_000 });
  await app.waitForReader(expected.title);

  await drop([{ name: 'seed.txt', type: 'text/plain', content: seed }]);
  await app.waitForRow(seed.split('\n')[0]?.trim() ?? '');

  const pdf = makePdf([['Council minutes', 'The council approved the plan for the new bridge over the river.']], 'Council minutes');
  await drop([{ name: 'minutes.pdf', type: 'application/pdf', content: pdf.toString('base64'), base64: true }]);
  // The first PDF in a process loads pdf.js, which takes a while too.
  await expect(app.row('Council minutes')).toBeVisible({ timeout: 30_000 });

  await drop([{ name: 'notes.docx', type: 'application/octet-stream', content: 'x' }]);
  await expect(app.statusMessage).toHaveText('notes.docx: Cuttings adds .html, .htm, .txt, .md and .pdf files, recognises scans (.jpg, .png, .tif, .webp) and imports .cuttings, .jsonl, .zip, .csv, .json, .ris, .warc, .warc.gz and .wacz files');
  // An image goes to the scan queue, which reads its bytes and refuses one that is no image.
  await drop([{ name: 'photo.jpg', type: 'image/jpeg', content: 'x' }]);
  await expect(app.statusMessage).toContainText('ocr: photo.jpg is not a JPG image (its bytes are not those of a JPEG, PNG, TIFF, WebP or PDF)', { timeout: 15_000 });
  await expect(app.rows).toHaveCount(3);
});

test('cuttings: links from the browser extension open a cutting and the Clip from the browser dialog', async ({ app, harness }) => {
  const added = await harness.library.addText({ text: 'Ministers meet in Geneva\n\nTalks on the border went on late into the night, officials said.' });
  await app.reload();
  await app.sendAppEvent({ type: 'open-article', id: added.id });
  await app.waitForReader('Ministers meet in Geneva');

  await app.sendAppEvent({ type: 'open-browser-clipping' });
  await expect(app.browserClippingForm.dialog).toBeVisible();
  expect(app.problems()).toEqual([]);
});
