/**
 * The list at 100,000 articles: a library of that size (put on disk as the archive import
 * does, see many-articles.ts) is listed whole, and however far it is scrolled — by the
 * scroll bar, the wheel, or End — only the rows in view (and a few either side) are in the
 * DOM, each in its place.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { addManyArticles } from './many-articles';

const COUNT = 100_000;
/** The rows in view at 800 pixels high are about ten; with those kept either side, far under this. */
const MOST_ROWS = 40;

/** The rows in the DOM: how many, and the index and title of each, in order. */
async function drawnRows(list: Locator): Promise<{ index: number; title: string }[]> {
  return list.locator('.row').evaluateAll((rows) =>
    rows
      .map((row) => ({ index: Number((row as HTMLElement).dataset.index), title: row.querySelector('.row-title')?.textContent ?? '' }))
      .sort((a, b) => a.index - b.index),
  );
}

test('scrolling 100,000 articles keeps only the visible rows in the DOM', async ({ app, harness, page }) => {
  test.setTimeout(10 * 60_000);
  await addManyArticles(harness.library, COUNT);
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 180_000 });
  await expect(app.statusSummary).toHaveText('100,000 articles', { timeout: 60_000 });

  // The list is as tall as every row, but holds only the first few.
  const spacer = await app.list.locator('.list-spacer').evaluate((element) => (element as HTMLElement).offsetHeight);
  expect(spacer).toBe(COUNT * 76);
  let rows = await drawnRows(app.list);
  expect(rows.length).toBeLessThanOrEqual(MOST_ROWS);
  expect(rows[0]).toEqual({ index: 0, title: 'Harbour report 100000' });

  // Halfway, by setting the scroll position as the scroll bar does.
  await app.list.evaluate((element) => {
    element.scrollTop = (element.scrollHeight - element.clientHeight) / 2;
  });
  await expect.poll(async () => (await drawnRows(app.list)).some((row) => row.index > 49_000)).toBe(true);
  rows = await drawnRows(app.list);
  expect(rows.length).toBeLessThanOrEqual(MOST_ROWS);
  // Each row drawn is the article of its place: the newest first, so index i is report 100000 − i.
  for (const row of rows) expect(row.title).toBe(`Harbour report ${String(COUNT - row.index).padStart(6, '0')}`);

  // The wheel.
  await app.list.hover();
  await page.mouse.wheel(0, 3_000);
  await expect.poll(async () => (await drawnRows(app.list))[0]!.index).toBeGreaterThan(rows[0]!.index + 20);
  expect((await drawnRows(app.list)).length).toBeLessThanOrEqual(MOST_ROWS);

  // End from the keyboard: the oldest article, selected and drawn.
  await app.list.focus();
  await page.keyboard.press('End');
  await expect(app.selectedRow.locator('.row-title')).toHaveText('Harbour report 000001');
  rows = await drawnRows(app.list);
  expect(rows.length).toBeLessThanOrEqual(MOST_ROWS);
  expect(rows.at(-1)).toEqual({ index: COUNT - 1, title: 'Harbour report 000001' });
  await expect(app.list.locator('.row')).toHaveCount(rows.length);
  expect(await app.rows.count()).toBeLessThanOrEqual(MOST_ROWS);
});
