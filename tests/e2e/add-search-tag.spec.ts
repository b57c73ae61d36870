/**
 * The main path through the window: paste a cutting, find it by searching, tag it, and find
 * the tag still there after a reload (it was stored, not just drawn).
 */
import { readFile } from 'node:fs/promises';
import { expect, SEED_ARTICLE, test } from './fixtures';

test('a pasted article can be found by search, tagged, and keeps its tag after a reload', async ({ app, page }) => {
  const seed = await readFile(SEED_ARTICLE, 'utf8');
  const title = seed.split('\n')[0]?.trim() ?? '';
  expect(title).toContain('Lavrov');

  await app.addPastedArticle(seed);
  await app.waitForRow(title);
  // The new article is opened at once.
  await app.waitForReader(title);
  await expect(app.readerFrame.locator('body')).toContainText('Russian Foreign Minister Sergei Lavrov');

  await app.search('Lavrov');
  await app.waitForSearchTotal(1);
  const marks = app.row(title).locator('.row-snippet mark');
  await expect(marks.first()).toHaveText('Lavrov');
  // Every marked word is one that matched, nothing else.
  for (const text of await marks.allTextContents()) expect(text.toLowerCase()).toBe('lavrov');

  await app.openArticle(title);
  await app.addTag('ukraine');
  await app.waitForTags(['ukraine']);
  await expect(app.rowTags(title)).toHaveText(['ukraine']);
  await expect(app.sidebar.tag('ukraine')).toContainText('1');

  await app.reload();
  await expect(app.rowTags(title)).toHaveText(['ukraine']);
  await app.openArticle(title);
  await app.waitForTags(['ukraine']);

  // Nothing was refused by the page's or the reader's Content-Security-Policy on the way.
  expect(app.problems()).toEqual([]);
  expect(page.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/u);
});

test('the reader document is styled by reader.css under both policies', async ({ app }) => {
  const seed = await readFile(SEED_ARTICLE, 'utf8');
  await app.addPastedArticle(seed);
  const body = app.readerFrame.locator('body');
  await expect(body).toHaveClass('cuttings-reader');
  // reader.css sets a measure of 40em on the reader body; the UA default has none.
  await expect(body).toHaveCSS('max-width', /px$/u);
  await expect(app.readerFrame.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    /^default-src 'none'; img-src cuttings-asset:; style-src http:\/\/127\.0\.0\.1:\d+\/reader\.css;/u,
  );
  expect(app.problems()).toEqual([]);
});
