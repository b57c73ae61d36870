/**
 * The whole way from the keyboard alone, as someone who cannot use a mouse would go: clip an
 * article into an empty library, search for it, read it, tag it and export it, with the focus
 * visible at every stop of the Tab key (CuttingsPage.tabTo checks each one).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { expect, SEED_ARTICLE, test } from './fixtures';

test('clip, search, read, tag and export without the mouse, the focus always visible', async ({ app, libraryPath, page }) => {
  const seed = await readFile(SEED_ARTICLE, 'utf8');
  const title = seed.split('\n')[0]?.trim() ?? '';

  // Clip: the empty library's first way in has the keyboard; Enter opens the add dialog on the text box.
  await expect(page.getByRole('button', { name: 'Paste an article…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.addForm.text).toBeFocused();
  await page.keyboard.insertText(seed);
  await app.tabTo(app.addForm.submit);
  await page.keyboard.press('Enter');
  await expect(app.addForm.dialog).toBeHidden({ timeout: 15_000 });
  await app.waitForReader(title);

  // Search: / puts the keyboard in the search box; Enter opens the first result.
  await page.keyboard.press('/');
  await expect(app.searchInput).toBeFocused();
  await page.keyboard.type('Lavrov');
  await app.waitForSearchTotal(1);
  await page.keyboard.press('Enter');
  await app.waitForReader(title);

  // Read and tag: Escape clears the search, a second leaves the box; t puts the keyboard in the open article's tag field.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(app.searchInput).not.toBeFocused();
  await page.keyboard.press('t');
  await expect(app.tagInput).toBeFocused();
  await page.keyboard.type('ukraine/diplomacy');
  await page.keyboard.press('Enter');
  await app.waitForTags(['ukraine/diplomacy']);

  // Export: from the search box, Tab reaches Export…; the dialog takes a format and a path from the keys.
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await app.tabTo(app.exportButton);
  await page.keyboard.press('Enter');
  await expect(app.exportForm.format).toBeFocused();
  // "J" twice: JSON, then JSON Lines.
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(app.exportForm.format).toHaveValue('jsonl');
  const target = join(dirname(libraryPath), 'export.jsonl');
  await app.tabTo(app.exportForm.path);
  await page.keyboard.insertText(target);
  await page.keyboard.press('Enter');
  await expect(app.exportForm.summary).toBeVisible({ timeout: 15_000 });
  expect(existsSync(target)).toBe(true);
  const exported = (await readFile(target, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { title: string; tags: string[] });
  expect(exported).toEqual([expect.objectContaining({ title, tags: ['ukraine/diplomacy'] })]);

  // Escape closes the dialog and gives the keyboard back to Export….
  await page.keyboard.press('Escape');
  await expect(app.exportForm.dialog).toBeHidden();
  await expect(app.exportButton).toBeFocused();
  expect(await app.focusNotShown()).toBeNull();
  expect(app.problems()).toEqual([]);
});
