/**
 * Pasting a story already in the library, as another site printed it (its own header and
 * footer around the same wire text): the add dialog says which article it duplicates and
 * stores nothing until the user chooses; skipping leaves one article, keeping makes two.
 */
import { readFile } from 'node:fs/promises';
import { expect, SEED_ARTICLE, test } from './fixtures';

test('a syndicated copy pasted again is named as a duplicate, skipped, then kept on request', async ({ app, page }) => {
  const seed = await readFile(SEED_ARTICLE, 'utf8');
  const title = seed.split('\n')[0]?.trim() ?? '';
  await app.addPastedArticle(seed);
  await app.waitForRow(title);
  const syndicated = `Breaking from our partners\n\n${seed}\n\nShare this story. Sign up for our newsletter.`;

  await app.openAddDialog();
  await page.locator('#add-text').fill(syndicated);
  await page.locator('#add-submit').click();
  const notice = page.locator('#add-duplicate');
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toContainText(title);
  await page.locator('#add-duplicate-skip').click();
  await expect(app.addDialog).toBeHidden();
  await expect(app.rows).toHaveCount(1);

  await app.openAddDialog();
  await page.locator('#add-text').fill(syndicated);
  await page.locator('#add-submit').click();
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await page.locator('#add-duplicate-keep').click();
  await expect(app.addDialog).toBeHidden({ timeout: 30_000 });
  await expect(app.rows).toHaveCount(2);
  expect(app.problems()).toEqual([]);
});
