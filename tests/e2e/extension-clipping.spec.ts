/**
 * Clipping with the browser extension, in Chromium with the unpacked extension and the
 * harness as the app: the page as the reader sees it (the story the site's script wrote after
 * load, and the picture only a reader with the site's cookie gets), with tags completed from
 * the library's and a note, from the popup; a selection and a link through the service
 * worker's clipTab; a duplicate answered with each of the app's three choices; and a page
 * whose Content-Security-Policy and scripts would stop the bookmarklet.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './extension-fixtures';
import { ExtensionPopup } from './browser-extension';
import { SESSION_COOKIE } from './extension-pages';

test.describe.configure({ timeout: 90_000 });

test('the popup clips the page as the reader sees it, pictures behind the login included, with tags and a note', async ({ harness, extension, pages, context, libraryPath }) => {
  await harness.library.addText({ text: 'Markets rallied on Friday.\n\nShares rose across Europe as traders returned.', tags: ['markets', 'Economy/Europe'] });
  await extension.pairWith(harness);
  const story = await context.newPage();
  await story.goto(pages.url('/story/business/001'));

  const popup = await extension.openPopup(story);
  await expect(popup.title).toHaveValue('Ad sales boost Time Warner profit', { timeout: 30_000 });
  // The library's tags are offered; typing one whole takes it.
  await expect(popup.tagOptions).toHaveCount(2);
  await expect(popup.tagOptions.nth(0)).toHaveAttribute('value', /^(markets|Economy\/Europe)$/u);
  await popup.tagInput.fill('markets');
  await popup.addTags(['media/tv']);
  await expect(popup.tagChips).toHaveText(['markets×', 'media/tv×']);
  await popup.note.fill('Ask AOL about the **$500m** write-down.');
  await popup.clipButton.click();
  await expect(popup.resultLine).toHaveText('Saved to Cuttings: “Ad sales boost Time Warner profit”', { timeout: 30_000 });

  const [summary] = harness.library.list().filter((article) => article.title === 'Ad sales boost Time Warner profit');
  await expect(popup.resultLink).toHaveAttribute('href', `cuttings://article/${summary!.id}`);
  const article = await harness.library.get(summary!.id);
  expect(article.tags).toEqual(['markets', 'media/tv']);
  expect(article.note).toBe('Ask AOL about the **$500m** write-down.');
  expect(article.provenance).toMatchObject({ method: 'browser', clipper: 'extension', browser: expect.stringMatching(/^Chromium \d+$/u), originalUrl: pages.url('/story/business/001') });
  // The text the site's script wrote after load is there: the server sent none of it.
  expect(article.text).toContain('Quarterly profits at US media giant TimeWarner jumped 76%');
  // The picture came from the extension, which holds the site's cookie; the app, asked alone, gets a 403.
  const asset = /src="cuttings-asset:([0-9a-f]{64}\.png)"/u.exec(article.html)?.[1];
  expect(asset).toBeDefined();
  expect(existsSync(join(libraryPath, 'assets', asset!))).toBe(true);
  expect(pages.requests.filter((request) => request.path === '/pictures/trading-floor.png').every((request) => request.cookie?.includes(SESSION_COOKIE))).toBe(true);
});

test('clipTab clips just the selection, under the page\'s title', async ({ harness, extension, pages, context }) => {
  await extension.pairWith(harness);
  const story = await context.newPage();
  await story.goto(pages.url('/story/business/002'));
  const chosen = await story.evaluate(() => {
    const paragraph = document.querySelectorAll('#story p')[1]!;
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    window.getSelection()!.addRange(range);
    return paragraph.textContent!.trim();
  });
  const result = await extension.clip(story);
  expect(result).toMatchObject({ status: 'added', title: 'Dollar gains on Greenspan speech' });
  const article = await harness.library.get((result as { id: string }).id);
  expect(article.text).toBe(chosen);
});

test('clipTab clips a link, which the app fetches', async ({ harness, extension, pages, context }) => {
  await extension.pairWith(harness);
  const list = await context.newPage();
  await list.goto(pages.url('/links'));
  const linkUrl = await list.locator('#to-story').evaluate((link) => (link as HTMLAnchorElement).href);
  const result = await extension.clip(list, { kind: 'link', linkUrl, tags: ['yukos'] });
  expect(result).toMatchObject({ status: 'added', title: 'Yukos unit buyer faces loan claim' });
  const article = await harness.library.get((result as { id: string }).id);
  expect(article.tags).toEqual(['yukos']);
  expect(article.provenance).toMatchObject({ method: 'browser', clipper: 'extension', originalUrl: linkUrl, httpStatus: 200 });
});

test('a page already in Cuttings gets the app\'s three choices in the popup: skip, keep both, keep as a new version', async ({ harness, extension, pages, context }) => {
  await extension.pairWith(harness);
  const story = await context.newPage();
  await story.goto(pages.url('/story/business/001'));
  const first = await extension.clip(story);
  expect(first.status).toBe('added');
  const firstId = (first as { id: string }).id;

  const popup = await extension.openPopup(story);
  await expect(popup.duplicateWarning).toContainText('Already in Cuttings: “Ad sales boost Time Warner profit” (the same address', { timeout: 30_000 });
  await popup.clipButton.click();
  await expect(popup.resultLine).toContainText('Already in Cuttings: “Ad sales boost Time Warner profit”', { timeout: 30_000 });
  await popup.skip.click();
  await expect(popup.resultLine).toHaveText('Not saved: it is already in Cuttings.');
  expect(harness.library.list()).toHaveLength(1);

  await popup.page.reload();
  await popup.clipButton.click();
  await popup.keepBoth.click();
  await expect(popup.resultLine).toHaveText('Saved to Cuttings: “Ad sales boost Time Warner profit”', { timeout: 30_000 });
  expect(harness.library.list()).toHaveLength(2);

  await popup.page.reload();
  await popup.clipButton.click();
  await popup.keepAsVersion.click();
  await expect(popup.resultLine).toHaveText('Saved to Cuttings: “Ad sales boost Time Warner profit”', { timeout: 30_000 });
  const versions = harness.library.list().filter((article) => harness.library.record(article.id).provenance.versionOf === firstId);
  expect(versions).toHaveLength(1);
});

test('a page whose CSP allows only its own origin and whose script replaces fetch is clipped, and its scripts see nothing', async ({ harness, extension, pages, context }) => {
  await extension.pairWith(harness);
  const story = await context.newPage();
  await story.goto(pages.url('/csp-story'));

  // The bookmarklet's way: it runs in the page, so the page's fetch takes its call — token and all — and nothing is saved.
  const { bookmarklet, token: bookmarkletToken } = harness.browserClipping.status();
  // Its alert holds the page: answered before the run is awaited.
  story.once('dialog', (dialog) => void dialog.dismiss());
  await story.evaluate(decodeURIComponent(bookmarklet!.slice('javascript:'.length)));
  const stolenByPage = await story.evaluate(() => (window as unknown as { stolen: string[][] }).stolen);
  expect(stolenByPage).toHaveLength(1);
  expect(stolenByPage[0]![2]).toContain(bookmarkletToken!);
  expect(harness.library.list()).toEqual([]);

  // The extension's way: from its own context, past the page's policy and its scripts.
  const popup = await extension.openPopup(story);
  await expect(popup.title).toHaveValue('Labour plans maternity pay rise', { timeout: 30_000 });
  await popup.clipButton.click();
  await expect(popup.resultLine).toHaveText('Saved to Cuttings: “Labour plans maternity pay rise”', { timeout: 30_000 });
  expect(harness.library.list().map((article) => article.title)).toEqual(['Labour plans maternity pay rise']);
  // The page's scripts saw no new call, and the extension's token never entered the page.
  expect(await story.evaluate(() => (window as unknown as { stolen: string[][] }).stolen)).toEqual(stolenByPage);
  const token = await extension.worker.evaluate(async () => ((await chrome.storage.local.get('connection')).connection as { token: string }).token);
  expect(await story.content()).not.toContain(token);
});

test('the context menu\'s "Clip the linked page" opens the popup on that link', async ({ harness, extension, pages, context }) => {
  await extension.pairWith(harness);
  const list = await context.newPage();
  await list.goto(pages.url('/links'));
  const linkUrl = await list.locator('#to-story').evaluate((link) => (link as HTMLAnchorElement).href);
  const tabId = await extension.tabIdOf(list);
  // What the service worker keeps for the popup when the menu item is chosen (a headless browser has no menu to click).
  await extension.worker.evaluate(({ id, url }) => chrome.storage.session.set({ pendingClip: { tabId: id, kind: 'link', linkUrl: url } }), { id: tabId, url: linkUrl });
  const popup = await context.newPage();
  await popup.goto(`${extension.origin}/popup.html`);
  const view = new ExtensionPopup(popup);
  await expect(view.title).toHaveValue('Yukos unit buyer faces loan claim', { timeout: 30_000 });
  await view.clipButton.click();
  await expect(view.resultLine).toHaveText('Saved to Cuttings: “Yukos unit buyer faces loan claim”', { timeout: 30_000 });
  expect(harness.library.list().map((article) => article.title)).toEqual(['Yukos unit buyer faces loan claim']);
});

test('the keyboard shortcuts are registered: the popup, and clipping at once', async ({ extension }) => {
  const commands = await extension.worker.evaluate(() => chrome.commands.getAll());
  expect(commands.map((command) => [command.name, command.shortcut])).toEqual(
    expect.arrayContaining([
      ['_execute_action', 'Alt+Shift+U'],
      ['clip-page', 'Alt+Shift+K'],
    ]),
  );
});
