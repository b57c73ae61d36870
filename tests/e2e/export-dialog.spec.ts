/**
 * The Export dialog in Chromium through the harness: the current search exported as CSV, the
 * selected article as JSON Lines and the sidebar's tag as RIS, each read back from disk; an export of a large library
 * cancelled while its progress bar moves, leaving no file; and paths that cannot be written
 * refused with main's message.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BatchItem } from '../../main/core/library';
import { SHARED } from '../paths';
import { expect, test } from './fixtures';

const STORIES = [
  { text: 'Ceasefire talks resume in Geneva\n\nNegotiators met again on Monday.', tags: ['diplomacy'] },
  { text: 'Ceasefire holds, "for now", say observers\n\nA quiet night, with commas, quotes and all.' },
  { text: 'Harvest festival draws crowds\n\nNothing about talks here.' },
];

test('exports the current search as CSV, the selected article as JSON Lines and a tag as RIS', async ({ app, harness, libraryPath }) => {
  for (const story of STORIES) await harness.library.addText(story);
  await app.reload();
  await app.search('ceasefire');
  await app.waitForSearchTotal(2);

  await app.exportButton.click();
  const dialog = app.exportForm.dialog;
  await expect(dialog).toBeVisible();
  await expect(app.exportForm.scope('query')).toBeChecked();
  await expect(dialog).toContainText('The current search: ceasefire');
  await expect(app.exportForm.scope('selected')).toBeDisabled();
  await app.exportForm.format.selectOption('csv');
  await app.exportForm.withText.check();
  const csvPath = join(dirname(libraryPath), 'ceasefire.csv');
  await app.exportForm.path.fill(csvPath);
  await app.exportForm.submit.click();
  await expect(app.exportForm.summary).toHaveText(new RegExp(`^Exported 2 articles as CSV .* to ${escapeRegExp(csvPath)} \\(\\d+ bytes\\)\\.$`, 'u'));
  await expect(app.exportForm.error).toBeHidden();

  const csv = await readFile(csvPath, 'utf8');
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe('id,title,url,source,author,published,clipped,tags,words,sha256,note,highlights,text');
  expect(csv).toContain('Ceasefire talks resume in Geneva,');
  expect(csv).toContain('"Ceasefire holds, ""for now"", say observers"');
  expect(csv).not.toContain('Harvest festival');
  expect(csv).toContain('Negotiators met again on Monday.');
  await app.exportForm.cancel.click();
  await expect(dialog).toBeHidden();

  // File ▸ Export… sends `open-export`; this time the selected article, as JSON Lines.
  await app.openArticle('Ceasefire talks resume in Geneva');
  await app.sendAppEvent({ type: 'open-export' });
  await expect(dialog).toBeVisible();
  await app.exportForm.scope('selected').check();
  await app.exportForm.format.selectOption('jsonl');
  await expect(app.exportForm.csvOptions).toBeHidden();
  const jsonlPath = join(dirname(libraryPath), 'one.jsonl');
  await app.exportForm.path.fill(jsonlPath);
  await app.exportForm.submit.click();
  await expect(app.exportForm.summary).toContainText('Exported 1 article as JSON Lines');
  const records = (await readFile(jsonlPath, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { title: string; tags: string[] });
  expect(records).toMatchObject([{ title: 'Ceasefire talks resume in Geneva', tags: ['diplomacy'] }]);
  await app.exportForm.cancel.click();

  // With the search box empty and a tag chosen in the sidebar, the tag is what is offered first.
  await app.search('');
  await app.sidebar.nav.getByText('diplomacy', { exact: true }).click();
  // The list's title names the tag once the emptied search (debounced) and the tag are both
  // applied; opening the dialog before that offered the old search (seen on a loaded machine).
  await expect(app.listTitle).toHaveText('diplomacy');
  await app.sendAppEvent({ type: 'open-export' });
  await expect(app.exportForm.scope('tag')).toBeChecked();
  await expect(dialog).toContainText('Tagged diplomacy');
  await app.exportForm.format.selectOption('ris');
  const risPath = join(dirname(libraryPath), 'diplomacy.ris');
  await app.exportForm.path.fill(risPath);
  await app.exportForm.submit.click();
  await expect(app.exportForm.summary).toContainText('Exported 1 article as RIS');
  const ris = await readFile(risPath, 'utf8');
  expect(ris).toContain('TY  - NEWS');
  expect(ris).toContain('TI  - Ceasefire talks resume in Geneva');
  expect(ris).not.toContain('Ceasefire holds');
});

test('Cancel stops an export under way and leaves no file', async ({ app, harness, page, libraryPath }) => {
  // 1,000 BBC stories: the archive reports progress every 200, so there is time to cancel after the first report.
  const items: BatchItem[] = [];
  for (const category of ['business', 'entertainment', 'politics']) {
    const dir = join(SHARED, 'corpora', 'bbc', category);
    for (const name of (await readdir(dir)).sort()) {
      if (items.length < 1000) items.push({ kind: 'text', request: { text: await readFile(join(dir, name), 'latin1') }, method: 'paste' });
    }
  }
  const { added } = await harness.library.addBatch(items);
  expect(added.length).toBeGreaterThan(900);
  await app.reload();

  await app.exportButton.click();
  await app.exportForm.format.selectOption('archive');
  await expect(app.exportForm.csvOptions).toBeHidden();
  const path = join(dirname(libraryPath), 'everything.zip');
  await app.exportForm.path.fill(path);
  // Press Cancel as soon as the progress bar first moves, and note what it showed then.
  await page.evaluate(() => {
    const stop = window.cuttings.onAppEvent((event) => {
      if (event.type !== 'export-progress') return;
      stop();
      document.body.dataset.progressAtCancel = document.getElementById('export-progress-text')?.textContent ?? '';
      document.getElementById('export-cancel')?.click();
    });
  });
  await app.exportForm.submit.click();
  await expect(app.exportForm.error).toHaveText('export: cancelled; nothing was written');
  await expect(page.locator('body')).toHaveAttribute('data-progress-at-cancel', /^\d+ of \d[\d,]* articles$/u);
  await expect(app.exportForm.cancel).toHaveText('Close');
  await expect(app.exportForm.summary).toBeHidden();
  expect(existsSync(path)).toBe(false);
  expect((await readdir(dirname(libraryPath))).sort()).toEqual(['library']);
});

test('a path that cannot be written, or none, is refused with a clear message', async ({ app, libraryPath }) => {
  await app.addPastedArticle('A story to export\n\nIts text.');
  await app.sendAppEvent({ type: 'open-export' });
  await app.exportForm.submit.click();
  await expect(app.exportForm.error).toHaveText('Type the full path of the file to write, or choose one.');

  const missing = join(dirname(libraryPath), 'no-such-folder');
  await app.exportForm.path.fill(join(missing, 'out.csv'));
  await expect(app.exportForm.error).toBeHidden();
  await app.exportForm.submit.click();
  await expect(app.exportForm.error).toHaveText(`export: cannot write ${join(missing, 'out.csv')}: the folder ${missing} does not exist`);
  await expect(app.exportForm.path).toHaveAttribute('aria-invalid', 'true');

  await app.exportForm.path.fill('out.csv');
  await app.exportForm.submit.click();
  await expect(app.exportForm.error).toHaveText('export: give the full path to write to, not "out.csv"');

  // The harness has no OS dialog: Choose… says to type the path.
  await app.exportForm.choosePath.click();
  await expect(app.exportForm.error).toHaveText('export: choosing where to save needs the desktop app; type the full path instead');
  expect((await readdir(dirname(libraryPath))).sort()).toEqual(['library']);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
