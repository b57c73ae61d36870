/**
 * Adding a web page by its address in the window: the page is fetched from a local server,
 * its provenance shows in the reader, and a second copy of the story (a syndicated one, or
 * the same address with tracking parameters) is caught before saving with the three choices.
 */
import { bbcPage, startTestServer, type TestServer } from '../main/core/fetch/test-server';
import { expect, test } from './fixtures';

let server: TestServer;
test.beforeAll(async () => {
  server = await startTestServer();
});
test.afterAll(async () => {
  await server.close();
});

const TITLE = bbcPage('business/001.txt').match(/<title>(.*?)<\/title>/u)![1]!;

test('a page added by its address shows where it came from, and a second copy asks before saving', async ({ app }) => {
  const fetchUrl = async (url: string) => {
    await app.openAddDialog();
    await app.addForm.url.fill(url);
    await app.addForm.submit.click();
  };

  await fetchUrl(server.url('/bbc/business/001'));
  await expect(app.addForm.dialog).toBeHidden({ timeout: 15_000 });
  await app.waitForRow(TITLE);
  await app.waitForReader(TITLE);
  const provenance = app.readerDetails.provenance;
  await provenance.locator('summary').click();
  await expect(provenance).toContainText('Requested URL');
  await expect(provenance).toContainText(server.url('/bbc/business/001'));
  await expect(provenance).toContainText('HTTP status200');

  // A syndicated copy under another site's header and footer: the dialog names the first.
  await fetchUrl(server.url('/wire/business/001'));
  const notice = app.addForm.duplicate;
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await expect(notice).toContainText(`This is already in the library: “${TITLE}”`);
  await expect(notice).toContainText('nearly the same text');
  await expect(app.addForm.submit).toBeHidden();
  await app.addForm.duplicateChoice('version').click();
  await expect(app.addForm.dialog).toBeHidden({ timeout: 15_000 });
  await expect(app.rows).toHaveCount(2);
  // The reader shows the new version; the provenance list stays open from before.
  await expect(provenance).toHaveAttribute('open', '');
  await expect(provenance).toContainText('Version of');

  // The same address with tracking parameters: skipping stores nothing.
  await fetchUrl(`${server.url('/bbc/business/001')}?utm_source=newsletter&fbclid=abc`);
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await expect(notice).toContainText('the same address');
  await app.addForm.duplicateChoice('skip').click();
  await expect(app.addForm.dialog).toBeHidden();
  await expect(app.rows).toHaveCount(2);

  // An address that fails keeps the dialog open with the reason, naming the URL.
  await fetchUrl(server.url('/missing'));
  await expect(app.addForm.error).toHaveText(`fetch: ${server.url('/missing')}: the server answered HTTP 404 Not Found`, { timeout: 15_000 });
  await expect(app.addForm.dialog).toBeVisible();
  expect(app.problems()).toEqual([]);
});
