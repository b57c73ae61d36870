/**
 * Re-capture in the window: a page added by its address is fetched again from the reader;
 * an edited story is kept as a new version and the changed words are shown.
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

test('capturing a page again shows what changed and keeps the new version', async ({ app }) => {
  const story = bbcPage('politics/010.txt');
  server.set('/e2e-story', story);
  await app.openAddDialog();
  await app.addForm.url.fill(server.url('/e2e-story'));
  await app.addForm.submit.click();
  await expect(app.addForm.dialog).toBeHidden({ timeout: 15_000 });
  await expect(app.rows).toHaveCount(1);

  const button = app.readerDetails.recapture;
  const result = app.readerDetails.recaptureResult;
  await button.click();
  await expect(result).toContainText('Unchanged since', { timeout: 15_000 });

  server.set('/e2e-story', story.replace('<article>', '<article><p>Update: the minister has since resigned.</p>'));
  await button.click();
  await expect(result).toContainText('Changed since', { timeout: 15_000 });
  await expect(result.locator('ins')).toHaveText('Update: the minister has since resigned.');
  await expect(app.rows).toHaveCount(2);
  expect(app.problems()).toEqual([]);
});

test('a pasted article has nothing to capture again', async ({ app }) => {
  await app.addPastedArticle('Council notes\n\nThe council met on Tuesday and agreed the budget.');
  await app.waitForReader('Council notes');
  await expect(app.readerDetails.recapture).toBeHidden();
});
