/**
 * The app away, then back: a clip made while Cuttings is not listening is kept whole in the
 * extension's storage, counted on the toolbar button, survives the browser closing, and
 * arrives when the app answers again (here: when the popup opens in the restarted browser).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserExtension } from './browser-extension';
import { expect, launchWithExtension, test } from './extension-fixtures';

test.describe.configure({ timeout: 120_000 });

test('a clip made while the app is away waits in the extension, through a browser restart, and arrives when the app is back', async ({ harness, pages, launchOptions }) => {
  const profile = await mkdtemp(join(tmpdir(), 'cuttings-e2e-profile-'));
  try {
    let context = await launchWithExtension(launchOptions, profile);
    let extension = await BrowserExtension.attach(context);
    await extension.pairWith(harness);
    // The app stops listening (quit, or Clip from the browser turned off).
    await harness.browserClipping.set(false);

    const story = await context.newPage();
    await story.goto(pages.url('/story/business/001'));
    const popup = await extension.openPopup(story);
    await expect(popup.title).toHaveValue('Ad sales boost Time Warner profit', { timeout: 30_000 });
    await popup.note.fill('Written while the app was closed.');
    await popup.clipButton.click();
    await expect(popup.resultLine).toHaveText('Cuttings is not running: “Ad sales boost Time Warner profit” is kept here and sent when it answers (1 waiting).', { timeout: 30_000 });
    await expect(popup.openApp).toHaveAttribute('href', 'cuttings://open');
    await expect(popup.queueCount).toHaveText('1 clip waiting for Cuttings: sent as soon as it answers.');
    expect(await extension.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
    expect(harness.library.list()).toEqual([]);

    // The browser closes and starts again; the clip is still there.
    await context.close();
    context = await launchWithExtension(launchOptions, profile);
    extension = await BrowserExtension.attach(context);
    expect((await extension.call('status')).queue.map((entry) => entry.title)).toEqual(['Ad sales boost Time Warner profit']);

    // The app is back on its port; opening the popup sends what waited.
    await harness.browserClipping.set(true);
    const again = await context.newPage();
    await again.goto(pages.url('/links'));
    const reopened = await extension.openPopup(again);
    await expect(reopened.page.locator('#recent')).toContainText('Sent to Cuttings: “Ad sales boost Time Warner profit”', { timeout: 30_000 });
    const [article] = harness.library.list();
    expect(article?.title).toBe('Ad sales boost Time Warner profit');
    expect((await harness.library.get(article!.id)).note).toBe('Written while the app was closed.');
    expect((await extension.call('status')).queue).toEqual([]);
    expect(await extension.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
    await context.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});
