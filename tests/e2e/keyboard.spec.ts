/** The window works from the keyboard: move, open, search and clear without the mouse. */
import { expect, test } from './fixtures';

const ARTICLES = [
  'Harbour bridge reopens\n\nThe harbour bridge reopened to traffic on Monday after repairs.',
  'Ferry timetable changes\n\nFerries will run every twenty minutes from June.',
  'Tram line extended\n\nThe tram line now reaches the airport, the transport authority said.',
];

test('arrow keys and j/k move the selection, Enter opens, / searches and Escape clears', async ({ app, harness, page }) => {
  for (const text of ARTICLES) await harness.library.addText({ text }, 'paste');
  await app.reload();
  // Newest first.
  await expect(app.rows.locator('.row-title')).toHaveText(['Tram line extended', 'Ferry timetable changes', 'Harbour bridge reopens']);

  await app.list.focus();
  await page.keyboard.press('j');
  await expect(app.selectedRow.locator('.row-title')).toHaveText('Tram line extended');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('j');
  await expect(app.selectedRow.locator('.row-title')).toHaveText('Harbour bridge reopens');
  await page.keyboard.press('k');
  await expect(app.selectedRow.locator('.row-title')).toHaveText('Ferry timetable changes');
  await page.keyboard.press('Enter');
  await app.waitForReader('Ferry timetable changes');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await app.waitForReader('Tram line extended');

  await page.keyboard.press('/');
  await expect(app.searchInput).toBeFocused();
  await page.keyboard.type('harbour');
  await app.waitForSearchTotal(1);
  await expect(app.rows).toHaveCount(1);
  await page.keyboard.press('Enter');
  await app.waitForReader('Harbour bridge reopens');

  await app.searchInput.focus();
  await page.keyboard.press('Escape');
  await expect(app.searchInput).toHaveValue('');
  await expect(app.rows).toHaveCount(3);
  await expect(app.searchTotal).toBeHidden();
});

test('Ctrl+N opens the add dialog and Escape closes it', async ({ app, page }) => {
  await app.list.focus();
  await page.keyboard.press('Control+n');
  await expect(app.addForm.dialog).toBeVisible();
  await expect(app.addForm.text).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(app.addForm.dialog).toBeHidden();
});

test('an error from main is shown in the add dialog as is', async ({ app, harness }) => {
  const text = 'Some title\n\nSome text.';
  const url = 'ftp://example.com/file';
  const expected = await harness.library.addText({ text, url }, 'paste').then(
    () => 'accepted',
    (error: Error) => error.message,
  );
  expect(expected).toContain(url);

  await app.openAddDialog();
  await app.addForm.text.fill(text);
  await app.addForm.url.fill(url);
  await app.addForm.submit.click();
  await expect(app.addForm.error).toHaveText(expected);
  await expect(app.addForm.dialog).toBeVisible();
  await expect(app.rows).toHaveCount(0);
});
