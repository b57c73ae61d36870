/**
 * The timeline over the list: the current query's articles per month (or week, or day), by
 * published or clipped date; a click on a bar, or Enter on it after moving with the arrow
 * keys, narrows the search to that period.
 */
import { expect, test } from './fixtures';

const ARTICLES: [string, string][] = [
  ['Talks in Geneva', '2022-01-10'],
  ['Grain corridor', '2022-01-21'],
  ['Ceasefire hopes', '2022-03-02'],
  ['Ministers meet again', '2022-03-30'],
  ['Talks collapse', '2022-03-31'],
  ['Spring offensive', '2022-04-15'],
];

test('a click on a bar narrows the list to its month; the keys reach the other bars', async ({ app, harness, page }) => {
  for (const [title, published] of ARTICLES) await harness.library.addText({ text: `${title}\n\nA report on the talks.`, published }, 'paste');
  await app.reload();

  const bars = app.timeline.bars;
  // January to April, February empty.
  await expect(bars).toHaveCount(4);
  await expect(bars.nth(0)).toHaveAttribute('aria-label', /: 2 articles$/u);
  await expect(bars.nth(1)).toHaveAttribute('aria-label', /: 0 articles$/u);
  await expect(bars.nth(2)).toHaveAttribute('data-from', '2022-03-01');
  await expect(bars.nth(2)).toHaveAttribute('data-to', '2022-03-31');
  await expect(app.timeline.note).toHaveText('6 articles');

  await bars.nth(2).click();
  await expect(app.searchInput).toHaveValue('published:2022-03-01..2022-03-31');
  await app.waitForSearchTotal(3);
  await expect(app.rows).toHaveCount(3);
  // The chart follows the query: one bar now.
  await expect(bars).toHaveCount(1);

  // From the keyboard, by week: clear, focus the last bar, step left to the first week of March and press Enter.
  await app.searchInput.fill('talks');
  await app.waitForSearchTotal(6);
  await app.timeline.unit.selectOption('week');
  await expect(bars.first()).toHaveAttribute('data-from', /^2022-01-(0[4-9]|10)$/u);
  const last = bars.last();
  await last.focus();
  await expect(last).toHaveAttribute('tabindex', '0');
  await page.keyboard.press('Home');
  await expect(bars.first()).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(bars.nth(1)).toBeFocused();
  const from = await bars.nth(1).getAttribute('data-from');
  const to = await bars.nth(1).getAttribute('data-to');
  await page.keyboard.press('Enter');
  await expect(app.searchInput).toHaveValue(`talks published:${from}..${to}`);
  // The first bar is the week of the 10th (Talks in Geneva); the next, the week of the 21st.
  await app.waitForSearchTotal(1);
  await app.waitForTitles(['Grain corridor']);

  // By clipped date, every article falls on today.
  await app.searchInput.fill('');
  await page.keyboard.press('Escape');
  await app.timeline.by.selectOption('clipped');
  await app.timeline.unit.selectOption('month');
  await expect(bars).toHaveCount(1);
  await expect(bars.first()).toHaveAttribute('aria-label', /: 6 articles$/u);
});
