/**
 * Adding several files at once in the window — a PDF, a web archive, and a BBC story with its
 * byte-identical twin — with progress, and the duplicate put to the user on the way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeMhtml } from '../main/core/capture/make-mhtml';
import { makePdf } from '../main/core/capture/make-pdf';
import { SHARED } from '../paths';
import { expect, test } from './fixtures';

test('several files of different kinds go in at once, and a duplicate among them is asked about', async ({ app, page }) => {
  const guardian = readFileSync(join(SHARED, 'corpora', 'readability-pages', 'guardian-1', 'source.html'));
  const files = [
    { name: 'report.pdf', mimeType: 'application/pdf', buffer: makePdf([['Annual report', 'Profits rose by a tenth.']], 'Annual report 2024') },
    { name: 'whales.mhtml', mimeType: 'multipart/related', buffer: makeMhtml(guardian, 'quoted-printable', 'https://www.theguardian.com/whales') },
    { name: '131.txt', mimeType: 'text/plain', buffer: readFileSync(join(SHARED, 'corpora', 'bbc', 'tech', '131.txt')) },
    { name: '179.txt', mimeType: 'text/plain', buffer: readFileSync(join(SHARED, 'corpora', 'bbc', 'tech', '179.txt')) },
  ];
  await app.openAddDialog();
  const chooser = page.waitForEvent('filechooser');
  await app.addForm.chooseFiles.click();
  await (await chooser).setFiles(files);
  await expect(app.addForm.fileName).toHaveText('4 files');
  await app.addForm.submit.click();

  // The fourth is the third's byte-identical twin in the BBC corpus.
  const notice = app.addForm.duplicate;
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toContainText('the very same text');
  await app.addForm.duplicateChoice('keep').click();
  await expect(app.addForm.dialog).toBeHidden({ timeout: 30_000 });
  await expect(app.rows).toHaveCount(4);
  await app.waitForRow('Annual report 2024');
  expect(app.problems()).toEqual([]);
});
