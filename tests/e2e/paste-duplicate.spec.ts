/**
 * Pasting a story already in the library, as another site printed it (its own header and
 * footer around the same wire text): the add dialog says which article it duplicates and
 * stores nothing until the user chooses; skipping leaves one article, keeping makes two.
 */
import { readFile } from 'node:fs/promises';
import { expect, SEED_ARTICLE, test } from './fixtures';

test('a syndicated copy pasted again is named as a duplicate, skipped, then kept on request', async ({ app }) => {
  const seed = await readFile(SEED_ARTICLE, 'utf8');
  const title = seed.split('\n')[0]?.trim() ?? '';
  await app.addPastedArticle(seed);
  await app.waitForRow(title);
  const syndicated = `Breaking from our partners\n\n${seed}\n\nShare this story. Sign up for our newsletter.`;

  await app.openAddDialog();
  await app.addForm.text.fill(syndicated);
  await app.addForm.submit.click();
  const notice = app.addForm.duplicate;
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toContainText(title);
  await app.addForm.duplicateChoice('skip').click();
  await expect(app.addForm.dialog).toBeHidden();
  await expect(app.rows).toHaveCount(1);

  await app.openAddDialog();
  await app.addForm.text.fill(syndicated);
  await app.addForm.submit.click();
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await app.addForm.duplicateChoice('keep').click();
  await expect(app.addForm.dialog).toBeHidden({ timeout: 30_000 });
  await expect(app.rows).toHaveCount(2);
  expect(app.problems()).toEqual([]);
});
