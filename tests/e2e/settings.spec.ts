/**
 * The Settings dialog in Chromium through the harness (the menu's Settings… command arrives as
 * the event main would send): the theme applies to the window at once and is kept; it says
 * whether clipping from the browser is on and opens that dialog; a library can be created, switched to and back, and a
 * folder that will not do is refused with main's message, leaving the library in use.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { StoredSettings } from '../../main/core/settings/settings-store';
import { expect, SEED_ARTICLE, test } from './fixtures';

/** The settings file as main wrote it, or null before the first change. */
async function stored(file: string): Promise<StoredSettings | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as StoredSettings;
  } catch {
    return null;
  }
}

test('the theme applies to the window at once, and is kept on disk and after a reload', async ({ app, page, harness }) => {
  await expect(app.root).toHaveAttribute('data-theme', 'system');
  await app.openSettings();
  await expect(app.settingsForm.theme('system')).toBeChecked();

  // The system is light; Dark must win over it.
  await page.emulateMedia({ colorScheme: 'light' });
  await app.settingsForm.theme('dark').check();
  await expect(app.root).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(29, 30, 32)');
  await expect.poll(async () => (await stored(harness.settings.file))?.theme).toBe('dark');

  // And Light over a dark system.
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.settingsForm.theme('light').check();
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  await app.settingsForm.theme('system').check();
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(29, 30, 32)');

  await app.settingsForm.theme('dark').check();
  await expect.poll(async () => (await stored(harness.settings.file))?.theme).toBe('dark');
  await app.reload();
  await expect(app.root).toHaveAttribute('data-theme', 'dark');
  expect(app.problems()).toEqual([]);
});

test('Settings says whether clipping from the browser is on, and opens its dialog to turn it on', async ({ app }) => {
  await app.openSettings();
  const state = app.settingsForm.browserState;
  await expect(state).toHaveText('Clipping from the browser is off.');
  await app.settingsForm.openBrowserClipping.click();
  await expect(app.settingsForm.dialog).toBeHidden();
  await expect(app.browserClippingForm.dialog).toBeVisible();
  await app.browserClippingForm.enabled.check();
  await expect(app.browserClippingForm.token).not.toBeEmpty();
  await app.browserClippingForm.close.click();

  await app.openSettings();
  await expect(state).toHaveText(/^Clipping from the browser is on, at 127\.0\.0\.1:\d+\.$/u);
  expect(app.problems()).toEqual([]);
});

test('a new library is created and switched to, a bad folder is refused, and the first comes back with its articles', async ({ app, page, harness, libraryPath }) => {
  const seed = await readFile(SEED_ARTICLE, 'utf8');
  const title = seed.split('\n')[0]?.trim() ?? '';
  await app.addPastedArticle(seed);
  await app.waitForRow(title);

  // A folder with other things in it is neither a library nor empty.
  const photos = join(dirname(libraryPath), 'photos');
  await mkdir(photos);
  await writeFile(join(photos, 'a.jpg'), 'not a library');
  await app.openSettings();
  await expect(app.settingsForm.libraryPath).toHaveText(libraryPath);
  await app.settingsForm.libraryFolder.fill(photos);
  await app.settingsForm.openLibrary.click();
  await expect(app.settingsForm.libraryError).toHaveText(`library: there is no Cuttings library at ${photos} (choose “Create” to make one there)`);
  await app.settingsForm.createLibrary.click();
  await expect(app.settingsForm.libraryError).toHaveText(`library: ${photos} is not empty; choose an empty folder or a new one`);
  expect(harness.library.path).toBe(libraryPath);

  // The OS's folder picker is the desktop app's; here main says to type the path.
  await app.settingsForm.chooseFolder.click();
  await expect(app.settingsForm.libraryError).toHaveText("settings: choosing a folder needs the desktop app; type the folder's full path instead");

  const second = join(dirname(libraryPath), 'second library');
  await app.settingsForm.libraryFolder.fill(second);
  await app.settingsForm.createLibrary.click();
  // The window reloads onto the new, empty library.
  await app.waitForReady();
  await expect(app.rows).toHaveCount(0);
  await expect(page).toHaveTitle('second library — Cuttings');
  expect(harness.library.path).toBe(second);

  await app.openSettings();
  await expect(app.settingsForm.libraryPath).toHaveText(second);
  await app.settingsForm.libraryFolder.fill(libraryPath);
  await app.settingsForm.openLibrary.click();
  await app.waitForReady();
  await app.waitForRow(title);
  expect((await stored(harness.settings.file))?.libraryPath).toBe(libraryPath);
});
