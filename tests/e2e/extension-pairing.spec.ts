/**
 * Pairing the browser extension with the app, in Chromium with the extension loaded: the
 * popup asks, the window shows who asks (the browser and the extension's id) and the user
 * allows it once; the extension then keeps its own token, which no page ever sees. Revoking
 * the pairing in the Clip from the browser dialog stops the extension at once, and the popup
 * says so in one line. The unpacked build loads without a warning.
 */
import { expect, test } from './extension-fixtures';

test.describe.configure({ timeout: 90_000 });

test('the popup pairs with the app once the user allows it in the window, and a revoke stops it at once', async ({ app, harness, extension, pages, context }) => {
  // Clip from the browser turned on in the window, as a user would.
  await app.browserButton.click();
  await app.browserClippingForm.enabled.check();
  await expect(app.browserClippingForm.details).toBeVisible();
  await expect(app.browserClippingForm.pairings).toHaveCount(0);
  const port = harness.browserClipping.status().port!;
  await expect(app.browserClippingForm.singleFileUrl).toHaveText(`http://127.0.0.1:${port}/singlefile`);
  await app.browserClippingForm.close.click();
  // Other tests' apps may hold the usual ports: this one's is given (the options page's field).
  await extension.call('setAppPort', port);

  const story = await context.newPage();
  await story.goto(pages.url('/story/business/001'));
  const popup = await extension.openPopup(story);
  await expect(popup.connectButton).toBeVisible();
  await popup.connectButton.click();
  await expect(popup.pairingState).toContainText('Allow the request in the Cuttings window');

  // The window shows the request: this browser, this extension.
  await app.page.bringToFront();
  await expect(app.pairingForm.dialog).toBeVisible();
  await expect(app.pairingForm.browser).toHaveText(/^Chromium \d+$/u);
  await expect(app.pairingForm.extension).toHaveText(/^Cuttings \d+\.\d+\.\d+$/u);
  await expect(app.pairingForm.origin).toHaveText(extension.origin);
  await expect(app.pairingForm.refuse).toBeFocused();
  await app.pairingForm.allow.click();
  await expect(app.pairingForm.dialog).toBeHidden();

  // The popup goes on to the clip form, with the title the app will store.
  await expect(popup.form).toBeVisible({ timeout: 30_000 });
  await expect(popup.title).toHaveValue('Ad sales boost Time Warner profit');
  // The token is the extension's own: the page never saw it.
  const status = await extension.call('status');
  expect(status.paired).toBe(true);
  const token = await extension.worker.evaluate(async () => ((await chrome.storage.local.get('connection')).connection as { token: string }).token);
  expect(await story.content()).not.toContain(token);

  // The pairing is listed in the window, and revoked there.
  await app.browserButton.click();
  await expect(app.browserClippingForm.pairings).toHaveCount(1);
  await expect(app.browserClippingForm.pairings).toContainText(extension.origin);
  await app.browserClippingForm.revoke(extension.origin).click();
  await expect(app.browserClippingForm.pairings).toHaveCount(0);
  await app.browserClippingForm.close.click();

  // The next clip is refused with one line, and nothing is stored.
  await popup.page.bringToFront();
  await popup.clipButton.click();
  await expect(popup.errorLine).toHaveText('browser endpoint: Cuttings no longer accepts this extension (its pairing was revoked or never made); pair it again from its popup');
  await expect(popup.connectButton).toBeVisible();
  expect(harness.library.list()).toEqual([]);
  expect(app.problems()).toEqual([]);
});

test('a refused request pairs nothing, and the popup says so', async ({ app, harness, extension, pages, context }) => {
  const { port } = await harness.browserClipping.set(true);
  await extension.call('setAppPort', port);
  const story = await context.newPage();
  await story.goto(pages.url('/story/business/001'));
  const popup = await extension.openPopup(story);
  await popup.connectButton.click();
  await app.page.bringToFront();
  await app.pairingForm.refuse.click();
  await expect(popup.pairingState).toHaveText('Cuttings refused the connection. Connect again to ask once more.');
  expect(harness.browserClipping.status().pairings).toEqual([]);
  expect((await extension.call('status')).paired).toBe(false);
});

test('with clipping from the browser off, the popup says so in one line and offers to open the app', async ({ harness, extension, pages, context }) => {
  // On and off again: the port is known, and nothing listens there now.
  const { port } = await harness.browserClipping.set(true);
  await harness.browserClipping.set(false);
  await extension.call('setAppPort', port);
  const story = await context.newPage();
  await story.goto(pages.url('/story/business/001'));
  const popup = await extension.openPopup(story);
  await popup.connectButton.click();
  await expect(popup.pairingState).toHaveText('Cuttings is not running, or “Clip from the browser” is off in it. Open Cuttings and turn it on, then connect again.');
  await expect(popup.openApp).toBeVisible();
  await expect(popup.openApp).toHaveAttribute('href', 'cuttings://browser-clipping');
});

test('the unpacked build loads without a warning or an error', async ({ extension, context }) => {
  const page = await context.newPage();
  await page.goto('chrome://extensions/');
  const info = await page.evaluate(
    (id) =>
      new Promise<{ installWarnings: string[]; manifestErrors: unknown[]; runtimeErrors: unknown[]; state: string }>((resolve) =>
        (chrome as unknown as { developerPrivate: { getExtensionInfo(id: string, done: (info: never) => void): void } }).developerPrivate.getExtensionInfo(id, resolve),
      ),
    extension.id,
  );
  expect(info.state).toBe('ENABLED');
  expect(info.installWarnings).toEqual([]);
  expect(info.manifestErrors).toEqual([]);
  expect(info.runtimeErrors).toEqual([]);
});
