/**
 * Keyboard first: j/k move, Enter opens, t tags the article (opening the selected one if
 * none is open), Escape leaves the tag field, Shift with j/k selects a range and Escape
 * drops it, Ctrl+A selects every row, and Escape closes the organising dialogs.
 */
import { expect, test } from './fixtures';

const ARTICLES = [
  'Harbour bridge reopens\n\nThe harbour bridge reopened to traffic on Monday after repairs.',
  'Ferry timetable changes\n\nFerries will run every twenty minutes from June.',
  'Tram line extended\n\nThe tram line now reaches the airport, the transport authority said.',
];

test('j/k, Enter, t and Escape tag an article without the mouse', async ({ app, harness, page }) => {
  for (const text of ARTICLES) await harness.library.addText({ text }, 'paste');
  await app.reload();
  await app.list.focus();

  // t with nothing open opens the selected article and puts the cursor in its tag field.
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(app.selectedRow.locator('.row-title')).toHaveText('Ferry timetable changes');
  await page.keyboard.press('t');
  await app.waitForReader('Ferry timetable changes');
  await expect(app.tagInput).toBeFocused();
  await page.keyboard.type('ferries');
  await page.keyboard.press('Enter');
  await app.waitForTags(['ferries']);
  // Escape leaves the field (the search is not touched), and the letters move the list again.
  await page.keyboard.press('Escape');
  await expect(app.list).toBeFocused();
  await page.keyboard.press('k');
  await page.keyboard.press('Enter');
  await app.waitForReader('Tram line extended');
  await page.keyboard.press('t');
  await expect(app.tagInput).toBeFocused();
  await page.keyboard.type('trams,');
  await app.waitForTags(['trams']);
  await page.keyboard.press('Escape');
  expect((await harness.library.get((await harness.library.search('ferry')).hits[0]!.id)).tags).toEqual(['ferries']);
  await expect(app.sidebar.tag('trams')).toContainText('1');
});

test('Shift+j selects a range, Ctrl+A every row, Escape drops the selection and closes dialogs', async ({ app, harness, page }) => {
  for (const text of ARTICLES) await harness.library.addText({ text, tags: ['transport'] }, 'paste');
  await app.reload();
  await app.list.focus();
  await page.keyboard.press('j');
  await page.keyboard.press('Shift+J');
  await expect(app.bulkBar.count).toHaveText('2 articles selected');
  await expect(app.list.locator('.row[aria-selected="true"]')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(app.bulkBar.bar).toBeHidden();
  await expect(app.list.locator('.row[aria-selected="true"]')).toHaveCount(1);

  await page.keyboard.press('Control+a');
  await expect(app.bulkBar.count).toHaveText('All 3 results selected');
  await page.keyboard.press('Escape');
  await expect(app.bulkBar.bar).toBeHidden();

  // The Edit tag dialog and the rules dialog close with Escape; the list keeps its keys after.
  await app.sidebar.tag('transport').click({ button: 'right' });
  await expect(app.tagForm.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(app.tagForm.dialog).toBeHidden();
  await app.rulesForm.open.click();
  await expect(app.rulesForm.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(app.rulesForm.dialog).toBeHidden();
  await page.keyboard.press('/');
  await expect(app.searchInput).toBeFocused();
});
