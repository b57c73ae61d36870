/**
 * Importing by drag and drop in Chromium through the harness: Pocket's CSV export dropped on
 * the window goes to main's importer (the one `cuttings import` uses); the status bar says
 * what was imported, skipped and failed, and the list shows the new articles.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../paths';
import { expect, test } from './fixtures';

test("Pocket's CSV dropped on the window is imported, with main's report in the status bar", async ({ app, page }) => {
  const csv = await readFile(join(REPO_ROOT, 'tests', 'fixtures', 'import', 'pocket.csv'), 'utf8');
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'pocket.csv', { type: 'text/csv' }));
    return transfer;
  }, csv);
  await app.dropFiles(dataTransfer);
  await expect(app.statusMessage).toHaveText(
    "Imported 3 articles from pocket.csv (Pocket's CSV export); 1 skipped as a duplicate; 1 failed (row 6: it has neither text nor a web address)",
  );
  await app.waitForRow('Central bank holds rates');
  await expect(app.rows).toHaveCount(3);
});
