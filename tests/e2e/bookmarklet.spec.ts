/**
 * The bookmarklet in a real browser: on a local page served over HTTP, it posts the page as
 * Chromium holds it to the loopback endpoint, which puts the article in the library; with a
 * selection, only the selection goes.
 */
import { join } from 'node:path';
import { makeBookmarklet } from '../../common/bookmarklet';
import { startBrowserEndpoint, type BrowserEndpoint } from '../../main/core/browser/browser-endpoint';
import { Library } from '../../main/core/library';
import { makeTempFolder } from '../paths';
import { startTestServer, type TestServer } from '../main/core/fetch/test-server';
import { expect, test } from './fixtures';

let server: TestServer;
let folder: { path: string; remove: () => Promise<void> };
let library: Library;
let endpoint: BrowserEndpoint;

test.beforeEach(async () => {
  server = await startTestServer();
  folder = await makeTempFolder();
  library = await Library.open(join(folder.path, 'library'));
  endpoint = await startBrowserEndpoint({ library: () => library });
});
test.afterEach(async () => {
  await endpoint.close();
  await library.close();
  await folder.remove();
  await server.close();
});

/** Runs the bookmarklet on the open page, as clicking it would, and returns what it alerted. */
async function runBookmarklet(page: import('@playwright/test').Page): Promise<string> {
  const bookmarklet = makeBookmarklet(endpoint.port, endpoint.token);
  const alerted = page.waitForEvent('dialog');
  await page.evaluate((source) => {
    // A bookmark's javascript: URL runs its source in the page; eval does the same here.
    (0, eval)(source);
  }, decodeURIComponent(bookmarklet.slice('javascript:'.length)));
  const dialog = await alerted;
  const message = dialog.message();
  await dialog.dismiss();
  return message;
}

test('the bookmarklet puts the page open in Chromium into the library', async ({ page }) => {
  await page.goto(server.url('/bbc/business/001'));
  const title = await page.title();
  expect(await runBookmarklet(page)).toBe(`Clipped to Cuttings: ${title}`);
  const [article] = library.list();
  expect(article?.title).toBe(title);
  const stored = await library.get(article!.id);
  expect(stored.provenance).toMatchObject({ method: 'browser', originalUrl: server.url('/bbc/business/001') });
  expect(stored.text).toContain((await page.locator('article p').first().textContent())!.trim());

  // The same page again is recognised, and not stored twice.
  expect(await runBookmarklet(page)).toBe(`Already in Cuttings: ${title}`);
  expect(library.list()).toHaveLength(1);
});

test('with a selection, the bookmarklet sends just the selection', async ({ page }) => {
  await page.goto(server.url('/with-images'));
  await page.evaluate(() => {
    const paragraph = document.querySelectorAll('article p')[1]!;
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    window.getSelection()!.addRange(range);
  });
  expect(await runBookmarklet(page)).toBe('Clipped to Cuttings: Pictures of the harbour');
  const stored = await library.get(library.list()[0]!.id);
  expect(stored.text).toBe('Fishermen said the catch was the best in years. '.repeat(8).trim());
});
