/**
 * Saved searches: a query saved under a name from the window shows in the sidebar, runs
 * from there, can be deleted, and main's refusals are shown in the dialog as main wrote them.
 */
import { expect, test } from './fixtures';

const BRIDGE = 'Harbour bridge reopens\n\nThe harbour bridge reopened to traffic on Monday after repairs.';
const FERRY = 'Ferry timetable changes\n\nFerries will run every twenty minutes from June.';

test('a search saved under a name runs from the sidebar and can be deleted', async ({ app, harness, page }) => {
  await harness.library.addText({ text: BRIDGE, tags: ['transport'] }, 'paste');
  await harness.library.addText({ text: FERRY }, 'paste');
  await app.reload();
  await expect(app.saveSearchButton).toBeDisabled();
  await expect(app.sidebar.savedSearches).toHaveCount(0);

  await app.search('bridge');
  await app.waitForSearchTotal(1);
  await expect(app.saveSearchButton).toBeEnabled();
  await app.saveSearch('Bridge news');
  await expect(app.saveSearchForm.dialog).toBeHidden();
  await expect(app.sidebar.savedSearches).toHaveText(['Bridge news']);
  expect(harness.library.savedSearches()).toEqual([{ name: 'Bridge news', query: 'bridge' }]);
  // It is the search showing.
  await expect(app.sidebar.savedSearch('Bridge news')).toHaveAttribute('aria-current', 'true');
  await expect(app.sidebar.savedSearch('Bridge news')).toHaveAttribute('title', 'bridge');

  // With a tag chosen in the sidebar, the query saved is the one that lists what is shown.
  await app.searchInput.fill('');
  await app.searchInput.press('Escape');
  await expect(app.rows).toHaveCount(2);
  await expect(app.saveSearchButton).toBeDisabled();
  await app.sidebar.tag('transport').click();
  await app.search('harbour');
  await app.waitForSearchTotal(1);
  await app.saveSearchButton.click();
  await expect(app.saveSearchForm.query).toHaveText('harbour tag:"transport"');
  await app.saveSearchForm.name.fill('Transport');
  await page.keyboard.press('Enter');
  await expect(app.saveSearchForm.dialog).toBeHidden();
  await expect(app.sidebar.savedSearches).toHaveText(['Bridge news', 'Transport']);

  // Running one puts its query in the box and searches, without the sidebar's tag.
  await app.searchInput.fill('');
  await app.searchInput.press('Escape');
  await app.sidebar.savedSearch('Bridge news').click();
  await expect(app.searchInput).toHaveValue('bridge');
  await app.waitForSearchTotal(1);
  await app.waitForRow('Harbour bridge reopens');
  await expect(app.listTitle).toHaveText('Search results');

  await app.sidebar.deleteSavedSearch('Bridge news').click();
  await expect(app.sidebar.savedSearches).toHaveText(['Transport']);
  expect(harness.library.savedSearches()).toEqual([{ name: 'Transport', query: 'harbour tag:"transport"' }]);
  // Focus stays in the list of saved searches.
  await expect(app.sidebar.savedSearch('Transport')).toBeFocused();

  await app.reload();
  await expect(app.sidebar.savedSearches).toHaveText(['Transport']);
  expect(app.problems()).toEqual([]);
});

test('the save dialog shows main’s message for a name it refuses and stays open', async ({ app, harness, page }) => {
  await harness.library.addText({ text: BRIDGE }, 'paste');
  await app.reload();
  await app.search('bridge');
  await app.waitForSearchTotal(1);

  const expected = await harness.library.saveSearch('   ', 'bridge').then(
    () => 'accepted',
    (error: Error) => error.message,
  );
  expect(expected).toMatch(/needs a name/u);
  await app.saveSearch('   ');
  await expect(app.saveSearchForm.error).toHaveText(expected);
  await expect(app.saveSearchForm.dialog).toBeVisible();
  await expect(app.saveSearchForm.name).toBeFocused();
  expect(harness.library.savedSearches()).toEqual([]);

  // Typing clears the message; a good name saves.
  await app.saveSearchForm.name.fill('Bridges');
  await expect(app.saveSearchForm.error).toBeHidden();
  await app.saveSearchForm.submit.click();
  await expect(app.saveSearchForm.dialog).toBeHidden();
  await expect(app.sidebar.savedSearches).toHaveText(['Bridges']);

  // Escape closes the dialog without saving, and leaves the search alone.
  await app.saveSearchButton.click();
  await expect(app.saveSearchForm.name).toHaveValue('Bridges');
  await page.keyboard.press('Escape');
  await expect(app.saveSearchForm.dialog).toBeHidden();
  await expect(app.searchInput).toHaveValue('bridge');
  expect(app.problems()).toEqual([]);
});
