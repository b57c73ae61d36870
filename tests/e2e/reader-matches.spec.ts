/**
 * An article opened from search results has the words its hit matched marked in the reader,
 * and next and previous buttons step through them, "k of n", scrolling each into view. The
 * reader's iframe stays sandboxed with no permissions: the window moves between marks by
 * navigating the frame to `about:srcdoc#cuttings-match-N`, a fragment navigation.
 */
import { expect, test } from './fixtures';

/** A long article with "bridge" in three places far apart, once as part of a hyphenated word. */
function longArticle(): string {
  const filler = (n: number) =>
    `Paragraph ${n} of the council report covers budgets, timetables, contractors, inspections and the weather on the coast.`;
  const paragraphs = Array.from({ length: 60 }, (_, index) => filler(index + 1));
  paragraphs[2] = 'Engineers said the bridge would carry traffic again from Monday.';
  paragraphs[30] = 'Residents crossed the Bridge on foot for the first time in a year.';
  paragraphs[57] = 'The old rail-bridge beside it will be repaired next.';
  return ['Council report on the coast road', ...paragraphs].join('\n\n');
}

test('the reader marks the words a hit matched and steps through them with next and previous', async ({ app, harness, page }) => {
  const article = await harness.library.addText({ text: longArticle() }, 'paste');
  await harness.library.addText({ text: 'Ferry timetable changes\n\nFerries will run every twenty minutes from June.' }, 'paste');
  await app.reload();

  // Opened from the plain list, nothing is marked.
  await app.openArticle(article.title);
  await expect(app.readerFrame.locator('body')).toContainText('Residents crossed');
  await expect(app.readerFrame.locator('mark')).toHaveCount(0);
  await expect(app.matchCount).toBeHidden();

  await app.search('bridge');
  await app.waitForSearchTotal(1);
  // Opening it again from the results marks what the hit matched, keeping the reader as it is.
  await app.openArticle(article.title);
  const marks = app.readerFrame.locator('mark.cuttings-match');
  await expect(marks).toHaveText(['bridge', 'Bridge', 'bridge']);
  await expect(marks.nth(2)).toHaveAttribute('id', 'cuttings-match-3');
  // Only the matching part of the hyphenated word.
  await expect(app.readerFrame.locator('p', { hasText: 'rail-bridge' })).toContainText('The old rail-bridge beside it');
  await expect(app.readerFrame.locator('p', { hasText: 'rail-bridge' }).locator('mark')).toHaveText('bridge');

  // The first match is shown at once.
  await expect(app.matchCount).toHaveText('1 of 3');
  const current = app.readerFrame.locator('mark:target');
  await expect(current).toHaveId('cuttings-match-1');

  await app.nextMatch.click();
  await expect(app.matchCount).toHaveText('2 of 3');
  await expect(current).toHaveId('cuttings-match-2');
  await expect(marks.nth(1)).toBeInViewport();
  await expect(marks.nth(0)).not.toBeInViewport();

  await app.nextMatch.click();
  await expect(app.matchCount).toHaveText('3 of 3');
  await expect(current).toHaveId('cuttings-match-3');
  await expect(marks.nth(2)).toBeInViewport();
  await expect(marks.nth(1)).not.toBeInViewport();

  // Round from the last to the first, and back.
  await app.nextMatch.click();
  await expect(app.matchCount).toHaveText('1 of 3');
  await expect(current).toHaveId('cuttings-match-1');
  await expect(marks.nth(0)).toBeInViewport();
  await app.previousMatch.press('Enter');
  await expect(app.matchCount).toHaveText('3 of 3');
  await expect(current).toHaveId('cuttings-match-3');
  await expect(marks.nth(2)).toBeInViewport();

  // The frame only moved within its own document: still sandboxed, still the article.
  await expect(app.readerIframe).toHaveAttribute('sandbox', 'allow-same-origin');
  const frame = page.frames().find((candidate) => candidate.url().startsWith('about:srcdoc'));
  expect(frame?.url()).toBe('about:srcdoc#cuttings-match-3');
  expect(page.url()).toBe(harness.url);
  await expect(app.readerTitle).toHaveText(article.title);
  expect(app.problems()).toEqual([]);
});
