/**
 * An empty library shows what to do instead of a blank list: paste an article, open a file,
 * clip from the browser, import from another tool, each one click (or Enter) away; the list
 * takes its place with the first article. It passes axe-core in both themes like every view.
 */
import { expect, test } from './fixtures';
import { seriousViolations } from './parts/axe';

test('the empty library offers the four ways in, and each is one step away', async ({ app, page }) => {
  const guide = page.locator('#first-run');
  await expect(guide.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  await expect(guide.getByRole('button')).toHaveText(['Paste an article…', 'Open a saved page or file…', 'Clip from the browser…', 'Import from another tool…']);
  await expect(app.list).toBeHidden();
  // Each says what it takes, as its description.
  await expect(guide.getByRole('button', { name: 'Import from another tool…' })).toHaveAccessibleDescription(/Pocket, wallabag, browser bookmarks, Zotero/u);

  // Paste: the add dialog, the keyboard in its text box; closing it comes back here.
  await guide.getByRole('button', { name: 'Paste an article…' }).click();
  await expect(app.addForm.text).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(guide.getByRole('button', { name: 'Paste an article…' })).toBeFocused();

  // Clip from the browser: its dialog.
  await guide.getByRole('button', { name: 'Clip from the browser…' }).click();
  await expect(app.browserClippingForm.dialog).toBeVisible();
  await app.browserClippingForm.close.click();

  // Import: the system's file chooser at once; what is chosen is imported.
  const importChooser = page.waitForEvent('filechooser');
  await guide.getByRole('button', { name: 'Import from another tool…' }).click();
  const line = (title: string) => JSON.stringify({ title, text: `${title}\n\nFrom another tool's export.` });
  await (await importChooser).setFiles({ name: 'export.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(`${line('First imported')}\n${line('Second imported')}\n`) });
  await expect(app.statusMessage).toHaveText(/^Imported 2 articles from export\.jsonl/u);
  await app.waitForRow('First imported');
  await expect(guide).toBeHidden();
  await expect(app.list).toBeVisible();
  expect(app.problems()).toEqual([]);
});

test('Open a saved page or file opens the file chooser at once, and the page chosen is added', async ({ app, page }) => {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a saved page or file…' }).click();
  const html = '<html><head><title>Saved page</title></head><body><article><h1>Saved page</h1><p>' + 'A page saved from the browser, kept for later. '.repeat(10) + '</p></article></body></html>';
  await (await chooser).setFiles({ name: 'saved.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await expect(app.addForm.dialog).toBeVisible();
  await expect(app.addForm.fileName).toHaveText('saved.html');
  await app.addForm.submit.click();
  await expect(app.addForm.dialog).toBeHidden({ timeout: 30_000 });
  await app.waitForRow('Saved page');
  await expect(page.locator('#first-run')).toBeHidden();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the first-run guide has no serious or critical axe violation in the ${theme} theme`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('#first-run')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    expect(app.problems()).toEqual([]);
  });
}
