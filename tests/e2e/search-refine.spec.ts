/**
 * Refining a search in the window: the sort menu, the syntax help, what a query that does
 * not parse shows, and the facets that narrow the results.
 */
import { expect, test } from './fixtures';

const BRIDGE = 'Harbour bridge reopens\n\nThe harbour bridge reopened to traffic on Monday after repairs. Harbour pilots welcomed it.';
const FERRY = 'Ferry timetable changes\n\nFerries will run every twenty minutes from June, the harbour authority said.';
const TRAM = 'Tram line extended\n\nThe tram line now reaches the airport and the harbour, the transport authority said.';

test('the sort menu orders the current results by relevance, newest published or newest clipped', async ({ app, harness }) => {
  // Clipped in this order: bridge, ferry, tram. Published: ferry newest, then tram, then bridge.
  await harness.library.addText({ text: BRIDGE, published: '2020-01-01' }, 'paste');
  await harness.library.addText({ text: FERRY, published: '2023-05-01' }, 'paste');
  await harness.library.addText({ text: TRAM, published: '2021-03-01' }, 'paste');
  await app.reload();

  await app.search('harbour');
  await app.waitForSearchTotal(3);
  // The bridge has "harbour" in its title and twice in its text: the best match.
  await expect(app.sortSelect).toHaveValue('relevance');
  await expect(app.rows.first().locator('.row-title')).toHaveText('Harbour bridge reopens');

  await app.sortSelect.selectOption({ label: 'Newest published' });
  await app.waitForTitles(['Ferry timetable changes', 'Tram line extended', 'Harbour bridge reopens']);
  await app.sortSelect.selectOption({ label: 'Newest clipped' });
  await app.waitForTitles(['Tram line extended', 'Ferry timetable changes', 'Harbour bridge reopens']);

  // The order stays for the next query.
  await app.search('authority');
  await app.waitForSearchTotal(2);
  await app.waitForTitles(['Tram line extended', 'Ferry timetable changes']);
  await app.sortSelect.selectOption({ label: 'Newest published' });
  await app.waitForTitles(['Ferry timetable changes', 'Tram line extended']);
  expect(app.problems()).toEqual([]);
});

test('the ? button opens the search syntax from the keyboard, and Escape closes it without clearing the search', async ({ app, page }) => {
  await app.search('harbour');
  await expect(app.helpPopover).toBeHidden();

  await app.helpButton.focus();
  await page.keyboard.press('Enter');
  await expect(app.helpPopover).toBeVisible();
  await expect(app.helpButton).toHaveAttribute('aria-expanded', 'true');
  await expect(app.helpPopover).toBeFocused();
  await expect(app.helpPopover).toHaveAccessibleName('Search syntax');
  for (const syntax of [
    '"peace talks"',
    'kyiv OR kiev',
    '-sport',
    'NOT sport',
    'negotiat*',
    'lavrov~',
    '(kyiv OR kiev) talks',
    'tag:ukraine',
    'source:"BBC News"',
    'author:doe',
    'title:ceasefire',
    'lang:de',
    'url:reuters.com',
    'published:2022',
    'clipped:2022-01..2022-03',
    'published:>2021-06-01',
  ]) {
    await expect(app.helpPopover.locator('code', { hasText: syntax }).first()).toBeVisible();
  }

  await page.keyboard.press('Escape');
  await expect(app.helpPopover).toBeHidden();
  await expect(app.helpButton).toHaveAttribute('aria-expanded', 'false');
  await expect(app.helpButton).toBeFocused();
  await expect(app.searchInput).toHaveValue('harbour');

  // The ? key opens it too, from anywhere but a text field.
  await app.list.focus();
  await page.keyboard.press('?');
  await expect(app.helpPopover).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(app.helpPopover).toBeHidden();
  await expect(app.searchInput).toHaveValue('harbour');

  // The mouse: open, then its close button.
  await app.helpButton.click();
  await expect(app.helpPopover).toBeVisible();
  await app.helpPopover.getByRole('button', { name: 'Close' }).click();
  await expect(app.helpPopover).toBeHidden();
  expect(app.problems()).toEqual([]);
});

test('a query that does not parse shows main’s message, keeps the last results dimmed, and clears when it parses', async ({ app, harness }) => {
  await harness.library.addText({ text: BRIDGE }, 'paste');
  await harness.library.addText({ text: FERRY }, 'paste');
  await app.reload();

  await app.search('harbour');
  await app.waitForSearchTotal(2);
  await expect(app.searchError).toBeHidden();

  await app.searchInput.pressSequentially(' "bridge reopened');
  // Main's message, word for word.
  const expected = await harness.library.search('harbour "bridge reopened').then(
    () => 'accepted',
    (error: Error) => error.message,
  );
  expect(expected).toBe('query: unclosed quote at 9: …"bridge reopened');
  await expect(app.searchError).toHaveText(expected);
  await expect(app.searchError).toHaveAttribute('role', 'alert');
  await expect(app.searchInput).toHaveAttribute('aria-invalid', 'true');
  // The fault is underlined in the box: from the quote to the end.
  await expect(app.searchFault).toHaveText('"bridge reopened');
  // The last results stay, dimmed.
  await expect(app.rows).toHaveCount(2);
  await expect(app.list).toHaveClass(/\bstale\b/u);
  await expect(app.list).toHaveCSS('opacity', '0.45');
  await expect(app.searchTotal).toHaveText('2 results');

  await app.searchInput.press('End');
  await app.searchInput.pressSequentially('"');
  await expect(app.searchError).toBeHidden();
  await expect(app.searchFault).toHaveCount(0);
  await expect(app.searchInput).not.toHaveAttribute('aria-invalid', 'true');
  await app.waitForSearchTotal(1);
  await app.waitForRow('Harbour bridge reopens');
  await expect(app.list).not.toHaveClass(/\bstale\b/u);
  expect(app.problems()).toEqual([]);
});

test('facets show the results’ commonest tags, sources and years, and clicking one narrows the query', async ({ app, harness }) => {
  await harness.library.addText({ text: BRIDGE, tags: ['transport/roads'], source: 'City Gazette', published: '2021-06-01' }, 'paste');
  await harness.library.addText({ text: FERRY, tags: ['transport'], source: 'Harbour Times', published: '2022-02-01' }, 'paste');
  await harness.library.addText({ text: TRAM, tags: ['transport', 'trams'], source: 'City Gazette', published: '2022-09-01' }, 'paste');
  await app.reload();
  // Only for a search.
  await expect(app.facets).toBeHidden();

  await app.search('harbour');
  await app.waitForSearchTotal(3);
  await expect(app.facets).toBeVisible();
  // Most first; a parent tag counts its children's articles.
  await expect(app.facetValues('Tags')).toHaveText(['transport', 'trams', 'transport/roads']);
  await expect(app.facet('Tags', 'transport')).toContainText('3');
  await expect(app.facetValues('Sources')).toHaveText(['City Gazette', 'Harbour Times']);
  await expect(app.facet('Sources', 'City Gazette')).toContainText('2');
  await expect(app.facetValues('Years')).toHaveText(['2022', '2021']);

  await app.facet('Sources', 'City Gazette').click();
  await expect(app.searchInput).toHaveValue('harbour source:"City Gazette"');
  await app.waitForSearchTotal(2);
  // What the query already asks for is not offered again.
  await expect(app.facetValues('Sources')).toHaveCount(0);

  await app.facet('Years', '2022').click();
  await expect(app.searchInput).toHaveValue('harbour source:"City Gazette" published:2022');
  await app.waitForSearchTotal(1);
  await app.waitForRow('Tram line extended');

  // An OR is kept whole: the filter narrows both sides.
  await app.search('bridge OR ferries');
  await app.waitForSearchTotal(2);
  await app.facet('Tags', 'transport/roads').click();
  await expect(app.searchInput).toHaveValue('(bridge OR ferries) tag:"transport/roads"');
  await app.waitForSearchTotal(1);
  await app.waitForRow('Harbour bridge reopens');

  await app.searchInput.fill('');
  await app.searchInput.press('Escape');
  await expect(app.facets).toBeHidden();
  expect(app.problems()).toEqual([]);
});

test('a facet group too long for one line shows the rest behind “+N more”', async ({ app, harness }) => {
  const tags = ['infrastructure', 'engineering', 'harbour works', 'city council', 'transport', 'weather', 'budget', 'coastline'];
  await harness.library.addText({ text: BRIDGE, tags }, 'paste');
  await app.reload();
  await app.search('harbour');
  await app.waitForSearchTotal(1);

  const more = app.facets.locator('button.facet-more:visible');
  await expect(more).toHaveCount(1);
  await expect(more).toHaveText(/^\+\d more$/u);
  const hidden = Number((await more.textContent())?.match(/\d/u)?.[0]);
  const tagButtons = app.facets.getByRole('group', { name: 'Tags' }).locator('button.facet');
  await expect(tagButtons).toHaveCount(8);
  await expect(tagButtons.locator('visible=true')).toHaveCount(8 - hidden);
  // The visible ones share one line.
  const tops = await tagButtons.locator('visible=true').evaluateAll((buttons) => buttons.map((button) => (button as HTMLElement).offsetTop));
  expect(new Set(tops).size).toBe(1);
  await expect(more).toHaveAccessibleName(`Show ${hidden} more tags`);

  await more.click();
  await expect(tagButtons.locator('visible=true')).toHaveCount(8);
  await expect(more).toHaveText('fewer');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await more.click();
  await expect(tagButtons.locator('visible=true')).toHaveCount(8 - hidden);
  expect(app.problems()).toEqual([]);
});
