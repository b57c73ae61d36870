/**
 * While the search index loads, the window says how far it has got and that searches look
 * at titles only; once it is ready it says nothing more, searches again in full and stops
 * asking. The harness's library loads its small index at once, so the test stands between
 * the page and the harness (page.route) and reports a loading index in main's own answers.
 */
import type { Route } from '@playwright/test';
import { CHANNELS, type SearchStatus } from '../../common/api';
import type { Result } from '../../common/result';
import { expect, test } from './fixtures';

const BRIDGE = 'Harbour bridge reopens\n\nThe harbour bridge reopened to traffic on Monday after repairs.';

/** Whether a request is the bridge's POST for a channel. */
function isChannel(url: URL, channel: string): boolean {
  return url.pathname === `/api/${encodeURIComponent(channel)}`;
}

test('while the index loads the status bar shows its progress and results say titles only, until it is ready', async ({ app, harness, page }) => {
  await harness.library.addText({ text: BRIDGE }, 'paste');
  /** The status main is made to report; null passes main's own (ready) through. */
  let loading: SearchStatus | null = { state: 'loading', done: 30, total: 120 };
  let infoRequests = 0;
  let searchRequests = 0;
  const rewrite = async (route: Route, change: (value: Record<string, unknown>) => void) => {
    const response = await route.fetch();
    const result = (await response.json()) as Result<Record<string, unknown>>;
    if (result.ok) change(result.value);
    await route.fulfill({ response, json: result });
  };
  await page.route(
    (url) => isChannel(url, CHANNELS.libraryInfo),
    async (route) => {
      infoRequests++;
      await rewrite(route, (info) => {
        if (loading) info.search = loading;
      });
    },
  );
  await page.route(
    (url) => isChannel(url, CHANNELS.search),
    async (route) => {
      searchRequests++;
      await rewrite(route, (results) => {
        if (loading) results.titlesOnly = true;
      });
    },
  );
  await app.reload();

  await expect(app.indexStatus).toHaveText('Loading search index… 25%');
  loading = { state: 'loading', done: 90, total: 120 };
  await expect(app.indexStatus).toHaveText('Loading search index… 75%');
  await expect(app.titlesOnlyNote).toBeHidden();

  await app.search('bridge');
  await app.waitForSearchTotal(1);
  await expect(app.titlesOnlyNote).toBeVisible();
  await expect(app.titlesOnlyNote).toHaveText('Searching titles only while the index loads');
  // Polling goes on meanwhile, about every half second.
  const polledBefore = infoRequests;
  await expect.poll(() => infoRequests, { timeout: 3_000 }).toBeGreaterThan(polledBefore + 1);

  const searchesBefore = searchRequests;
  loading = null;
  await expect(app.indexStatus).toBeHidden();
  // The titles-only results are searched again in full.
  await expect(app.titlesOnlyNote).toBeHidden();
  expect(searchRequests).toBeGreaterThan(searchesBefore);
  await app.waitForSearchTotal(1);

  // And polling stops.
  const polledWhenReady = infoRequests;
  await page.waitForTimeout(1_500);
  expect(infoRequests).toBe(polledWhenReady);
  expect(app.problems()).toEqual([]);
});
