/**
 * Bulk tagging from the list: a thousand articles selected with a click and Shift+End get a
 * tag at once, with main's `bulk-progress` shown as a progress bar; every result of a search
 * (most of them never loaded into the list) loses it again through "Select all N results".
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addManyArticles } from './many-articles';
import { HARNESS_EVENT } from '../harness/harness-events';

/** Records every `bulk-progress` event the window receives, and what the progress bar said. */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate((type) => {
    const seen: { events: unknown[]; texts: string[] } = { events: [], texts: [] };
    (window as unknown as { bulkSeen: typeof seen }).bulkSeen = seen;
    window.addEventListener(type, (event) => {
      const detail = (event as CustomEvent<{ type: string }>).detail;
      if (detail.type === 'bulk-progress') seen.events.push(detail);
    });
    const text = document.getElementById('bulk-progress-text');
    if (text) new MutationObserver(() => seen.texts.push(text.textContent ?? '')).observe(text, { childList: true, characterData: true, subtree: true });
  }, HARNESS_EVENT);
}

test('a thousand selected articles get a tag at once, with progress', async ({ app, harness, page }) => {
  test.setTimeout(120_000);
  await addManyArticles(harness.library, 1_000);
  await app.reload();
  await expect(app.statusSummary).toHaveText('1,000 articles');

  // Click the first row, then Shift+End: the whole list, most of it never drawn.
  await app.rows.first().click();
  await page.keyboard.press('Shift+End');
  await expect(app.bulkBar.count).toHaveText('1,000 articles selected');
  await expect(app.bulkBar.bar).toBeVisible();

  await recordProgress(page);
  await app.bulkBar.tags.fill('harbour/berths');
  await app.bulkBar.add.click();
  await expect(app.bulkBar.result).toContainText('1,000');
  await expect(app.bulkBar.result).not.toHaveClass(/form-error/u);

  // Main changed every one of them, and said how far it had got on the way.
  expect(harness.library.listTags()).toEqual([expect.objectContaining({ tag: 'harbour/berths', count: 1_000 })]);
  const seen = await page.evaluate(() => (window as unknown as { bulkSeen: { events: { done: number; total: number }[]; texts: string[] } }).bulkSeen);
  expect(seen.events.length).toBeGreaterThan(0);
  expect(seen.events.at(-1)).toEqual({ type: 'bulk-progress', done: 1_000, total: 1_000 });
  expect(seen.texts.some((text) => / of 1,000 articles$/u.test(text))).toBe(true);

  // The tree shows the new tag under its parent, with the count.
  await expect(app.sidebar.tag('harbour')).toContainText('1,000');
  await expect(app.sidebar.tag('harbour/berths')).toContainText('1,000');
  await expect(app.rows.first().locator('.row-tags .chip')).toHaveText(['harbour/berths']);
});

test('"Select all" takes every result of a search, loaded or not, by its query', async ({ app, harness }) => {
  test.setTimeout(120_000);
  await addManyArticles(harness.library, 600, { tags: (n) => (n % 2 === 0 ? ['even'] : ['odd']) });
  await app.reload();

  await app.search('tag:even harbour');
  await app.waitForSearchTotal(300);
  // Two rows by Ctrl-click: the bar offers the rest.
  await app.rows.nth(0).click();
  await app.rows.nth(2).click({ modifiers: ['Control'] });
  await expect(app.bulkBar.count).toHaveText('2 articles selected');
  await app.bulkBar.selectAll.click();
  await expect(app.bulkBar.count).toHaveText('All 300 results selected');

  await app.bulkBar.tags.fill('checked, even');
  await app.bulkBar.remove.click();
  await expect(app.bulkBar.result).toContainText('300');
  expect(harness.library.listTags().map(({ tag, count }) => [tag, count])).toEqual([['odd', 300]]);
});
