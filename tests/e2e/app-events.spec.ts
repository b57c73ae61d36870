/**
 * What main tells the window, and files dropped on it, in Chromium through the harness: the
 * menu's Add Cutting… and Find, an address from a launch's command line, an import's report,
 * and saved pages and text files dropped on the window (read in the page, added through
 * addHtml/addText like a chosen file).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SHARED } from '../paths';
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

test('a saved page and a text file dropped on the window are added; other files are refused by name', async ({ app, page }) => {
  const pageDir = join(SHARED, 'corpora', 'readability-pages', 'bbc-1');
  const html = await readFile(join(pageDir, 'source.html'), 'utf8');
  const expected = JSON.parse(await readFile(join(pageDir, 'expected-metadata.json'), 'utf8')) as { title: string };
  const seed = await readFile(SEED_ARTICLE, 'utf8');

  const drop = async (files: { name: string; type: string; content: string }[]) => {
    const dataTransfer = await page.evaluateHandle((list) => {
      const transfer = new DataTransfer();
      for (const file of list) transfer.items.add(new File([file.content], file.name, { type: file.type }));
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

  await drop([{ name: 'photo.jpg', type: 'image/jpeg', content: 'x' }]);
  await expect(app.statusMessage).toHaveText('photo.jpg: Cuttings adds .html, .htm, .txt and .md files and imports .cuttings, .jsonl, .zip, .csv, .json, .ris, .warc, .warc.gz and .wacz files');
  await expect(app.rows).toHaveCount(2);
});
