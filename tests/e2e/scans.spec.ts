/**
 * Scans in the window, through the harness and the real OCR worker: an image added in the Add
 * dialog is recognised in the background with a bar at the window's foot, opens in the reader
 * with its page beside the text, a word clicked in the text is boxed on the scan, a search hit
 * is boxed too, and a correction is stored as a new version. Cancel stops between pages and
 * stores nothing of the cutting under way.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { textImage } from '../main/core/ocr/text-image';
import { expect, test } from './fixtures';

const STORY = 'Harbour budget agreed\n\nThe harbour committee met on Monday and agreed a new budget for the docks. Its chairman said the unions would be consulted before any change to the shifts of the dockers.';

test.describe.configure({ timeout: 120_000 });

test('a photo of a cutting is recognised in the background and read beside its scan', async ({ app, page }) => {
  const image = await textImage(STORY, { format: 'jpeg', rotate: 2 });
  await app.openAddDialog();
  const chooser = page.waitForEvent('filechooser');
  await app.addForm.chooseFiles.click();
  await (await chooser).setFiles({ name: 'harbour.jpg', mimeType: 'image/jpeg', buffer: image });
  await expect(app.scans.options).toBeVisible();
  await expect(app.scans.language('English')).toBeChecked();
  await app.scans.printPage.fill('3');
  await app.addForm.submit.click();
  await expect(app.addForm.dialog).toBeHidden();
  await expect(app.scans.progress).toBeVisible();
  await expect(app.scans.progressLabel).toContainText('harbour.jpg');
  // Done: it opens in the reader, its page beside the text.
  await expect(app.readerTitle).toHaveText('Harbour budget agreed', { timeout: 90_000 });
  await expect(app.scans.images).toHaveCount(1);
  await expect(app.scans.summary).toContainText('in print: page 3');
  await expect(app.scans.progress).toBeHidden();

  // A word clicked in the text is shown on the scan.
  await app.readerFrame.locator('[data-w]', { hasText: 'committee' }).click();
  await expect(app.scans.currentBox).toHaveCount(1);

  // A search hit is boxed on the scan.
  await app.search('dockers');
  // The row is the hit only once the search has answered (before, it is the unfiltered list's).
  await app.waitForSearchTotal(1);
  await app.rows.first().click();
  await expect(app.scans.hitBoxes).toHaveCount(1);

  // A correction is a new version; the recognised text is kept in the first.
  await app.scans.correctButton.click();
  const text = await app.scans.correctText.inputValue();
  await app.scans.correctText.fill(text.replace('dockers', 'dock workers'));
  await app.scans.saveCorrection.click();
  await expect(app.readerFrame.locator('body')).toContainText('dock workers');
  await expect(app.scans.summary).toContainText('text corrected by hand');
  expect(app.problems()).toEqual([]);
});

test('Cancel stops between pages and stores nothing of the cutting under way', async ({ app, page, harness }) => {
  const pages = await Promise.all([1, 2, 3].map((n) => textImage(`${STORY}\n\nPage ${n}.`, { format: 'png' })));
  const folder = await mkdtemp(join(tmpdir(), 'cuttings-scans-'));
  const paths = await Promise.all(pages.map(async (bytes, n) => {
    const path = join(folder, `page-${n + 1}.png`);
    await writeFile(path, bytes);
    return path;
  }));
  await app.openAddDialog();
  const chooser = page.waitForEvent('filechooser');
  await app.addForm.chooseFiles.click();
  await (await chooser).setFiles(paths);
  await app.scans.asOne.check();
  await app.addForm.submit.click();
  await expect(app.scans.progressLabel).toContainText('page 1 of 3', { timeout: 60_000 });
  await app.scans.cancel.click();
  await expect(app.statusMessage).toContainText('Cancelled: 0 scans recognised and added', { timeout: 90_000 });
  expect(harness.library.info().articles).toBe(0);
});
