/**
 * Turning on clipping from the browser in the window: it is off at first; once on, the
 * dialog shows the pairing token and the bookmarklet, and that bookmarklet, run on a page in
 * another tab, puts the page in the library. Turned off, the endpoint stops listening.
 */
import { startTestServer, type TestServer } from '../main/core/fetch/test-server';
import { expect, test } from './fixtures';

let server: TestServer;
test.beforeAll(async () => {
  server = await startTestServer();
});
test.afterAll(async () => {
  await server.close();
});

test('the browser dialog turns the endpoint on, offers a working bookmarklet, and turns it off', async ({ app, context }) => {
  await app.browserButton.click();
  const dialog = app.browserClippingForm.dialog;
  await expect(dialog).toBeVisible();
  const enabled = app.browserClippingForm.enabled;
  await expect(enabled).not.toBeChecked();
  await expect(app.browserClippingForm.details).toBeHidden();

  await enabled.check();
  await expect(app.browserClippingForm.details).toBeVisible();
  const token = (await app.browserClippingForm.token.textContent()) ?? '';
  expect(token).toMatch(/^[\w-]{22}$/u);
  const bookmarklet = await app.browserClippingForm.bookmarkletText.inputValue();
  expect(bookmarklet.startsWith('javascript:')).toBe(true);
  await expect(app.browserClippingForm.bookmarklet).toHaveAttribute('href', bookmarklet);

  // The bookmarklet, run on a news page in another tab.
  const news = await context.newPage();
  await news.goto(server.url('/bbc/business/001'));
  const title = await news.title();
  const alerted = news.waitForEvent('dialog');
  await news.evaluate((source) => (0, eval)(source), decodeURIComponent(bookmarklet.slice('javascript:'.length)));
  const alert = await alerted;
  expect(alert.message()).toBe(`Clipped to Cuttings: ${title}`);
  await alert.dismiss();
  await news.close();

  await app.browserClippingForm.close.click();
  await app.reload();
  await expect(app.rows).toHaveCount(1);

  // Off again: the endpoint no longer answers.
  await app.browserButton.click();
  await expect(enabled).toBeChecked();
  await enabled.uncheck();
  await expect(app.browserClippingForm.details).toBeHidden();
  const port = Number(/127\.0\.0\.1%3A(\d+)/u.exec(bookmarklet)?.[1] ?? /127\.0\.0\.1:(\d+)/u.exec(decodeURIComponent(bookmarklet))?.[1]);
  const refused = await fetch(`http://127.0.0.1:${port}/clip`, { method: 'OPTIONS' }).then(() => 'answered', () => 'refused');
  expect(refused).toBe('refused');
  expect(app.problems()).toEqual([]);
});

test('the copy buttons put the token and the bookmarklet on the clipboard, and say so; a refused copy is shown, not swallowed', async ({ app, context, page }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const form = app.browserClippingForm;
  await app.browserButton.click();
  await form.enabled.check();
  await expect(form.details).toBeVisible();
  const token = (await form.token.textContent()) ?? '';

  await form.copyToken.click();
  await expect(form.copied).toHaveText('Copied the pairing token.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await form.copyBookmarklet.click();
  await expect(form.copied).toHaveText('Copied the bookmarklet.');
  const bookmarklet = await page.evaluate(() => navigator.clipboard.readText());
  expect(bookmarklet).toBe(await form.bookmarkletText.inputValue());
  expect(decodeURIComponent(bookmarklet)).toContain(token);

  // As Electron answers a page whose permission handler refuses clipboard writes.
  await page.evaluate(() => {
    Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) });
  });
  await form.copyToken.click();
  await expect(form.error).toHaveText('Could not copy the pairing token (Write permission denied.). Select it and press Ctrl+C (⌘C) instead.');
  await expect(form.copied).toHaveText('');
  expect(app.problems()).toEqual([]);
});
