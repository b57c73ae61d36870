/**
 * Notes and highlights in the reader: words selected in the article become a highlight with
 * a comment, drawn in the reader and listed beside it, kept after the window reloads (main
 * stores them); the comment is edited and the highlight deleted. A Markdown note is saved
 * and shown formatted, its markup never run. Suggested tags are offered as one-click chips.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, SEED_ARTICLE, test } from './fixtures';

/** Selects a phrase (its nth occurrence, from 0) in the reader's article, as dragging over it would. */
async function selectInReader(page: Page, phrase: string, nth = 0): Promise<void> {
  // The reader's document is written after the article opens (and again when highlights are
  // drawn): wait until it holds the phrase rather than reading the frame while it is empty.
  await expect(page.frameLocator('iframe.reader-frame').locator('body')).toContainText(phrase);
  await page.evaluate(([wanted, skip]) => {
    let left = skip;
    const frame = document.querySelector<HTMLIFrameElement>('iframe.reader-frame');
    const doc = frame?.contentDocument;
    if (!doc) throw new Error('no reader document');
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at < 0 || left-- > 0) continue;
      const range = doc.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      doc.getSelection()?.removeAllRanges();
      doc.getSelection()?.addRange(range);
      return;
    }
    throw new Error(`the reader has no ${wanted}`);
  }, [phrase, nth] as const);
}

test('a highlight made from a selection, with a comment, survives a reload; its comment is edited and it is deleted', async ({ app, harness, page }) => {
  const text = await readFile(SEED_ARTICLE, 'utf8');
  const article = await harness.library.addText({ text }, 'paste');
  await app.reload();
  await app.openArticle(article.title);

  await selectInReader(page, 'Blinken, at the beginning of the talks');
  await app.notes.highlightButton.click();
  await expect(app.notes.highlightForm.locator('.highlight-quote')).toHaveText('Blinken, at the beginning of the talks');
  await app.notes.highlightComment.fill('The opening exchange');
  await app.notes.saveHighlight.click();
  await expect(app.notes.highlightForm).toBeHidden();
  const marks = app.readerFrame.locator('mark.cuttings-highlight');
  await expect(marks).toHaveText(['Blinken, at the beginning of the talks']);
  await expect(app.notes.highlights).toHaveCount(1);
  const [stored] = (await harness.library.get(article.id)).highlights;
  expect(stored).toMatchObject({ quote: 'Blinken, at the beginning of the talks', comment: 'The opening exchange' });

  // With the keyboard: select, then h. "two hours" is in the text twice: the second is the one
  // drawn (its prefix and suffix tell them apart), in the paragraph about Lake Liman.
  await selectInReader(page, 'two hours', 1);
  await app.list.focus();
  await page.keyboard.press('h');
  await page.keyboard.type('Geneva’s lake');
  await page.keyboard.press('Control+Enter');
  await expect(marks).toHaveText(['Blinken, at the beginning of the talks', 'two hours']);
  await expect(app.readerFrame.locator('p', { has: app.readerFrame.locator('mark.cuttings-highlight', { hasText: 'two hours' }) })).toContainText('Lake Liman');

  // After a reload (a restart of the window), both are drawn and listed again.
  await app.reload();
  await app.openArticle(article.title);
  await expect(marks).toHaveText(['Blinken, at the beginning of the talks', 'two hours']);
  await expect(app.readerFrame.locator('p', { has: app.readerFrame.locator('mark.cuttings-highlight', { hasText: 'two hours' }) })).toContainText('Lake Liman');
  await expect(app.notes.panel).toHaveAttribute('open', '');
  const items = app.notes.highlights;
  await expect(items.locator('.highlight-comment')).toHaveText(['The opening exchange', 'Geneva’s lake']);

  // Edit the first comment, delete the second highlight.
  await items.first().getByRole('button', { name: 'Edit comment' }).click();
  await items.first().locator('textarea').fill('Opening remarks');
  await items.first().getByRole('button', { name: 'Save comment' }).click();
  await expect(items.first().locator('.highlight-comment')).toHaveText('Opening remarks');
  await items.nth(1).getByRole('button', { name: /^Delete the highlight/u }).click();
  await expect(items).toHaveCount(1);
  await expect(marks).toHaveText(['Blinken, at the beginning of the talks']);
  const after = (await harness.library.get(article.id)).highlights;
  expect(after.map((highlight) => [highlight.quote, highlight.comment])).toEqual([['Blinken, at the beginning of the talks', 'Opening remarks']]);

  // With the mouse: a double-click on a word in the article selects it, and `h` (pressed with
  // the article focused) highlights it.
  await app.readerFrame.getByText('Interestingly', { exact: false }).dblclick({ position: { x: 10, y: 5 } });
  await page.keyboard.press('h');
  await expect(app.notes.highlightForm.locator('.highlight-quote')).toHaveText('Interestingly');
  await app.notes.saveHighlight.click();
  await expect(marks).toHaveText(['Blinken, at the beginning of the talks', 'Interestingly']);
  await items.nth(1).getByRole('button', { name: /^Delete the highlight/u }).click();
  await expect(items).toHaveCount(1);

  // Nothing selected: the reader says what to do, and nothing is stored.
  await page.evaluate(() => document.querySelector<HTMLIFrameElement>('iframe.reader-frame')?.contentDocument?.getSelection()?.removeAllRanges());
  await app.notes.highlightButton.click();
  await expect(app.notes.error).toHaveText('Select some words in the article first, then choose Highlight.');
  expect((await harness.library.get(article.id)).highlights).toHaveLength(1);
});

test('a Markdown note is saved and shown formatted, as text only', async ({ app, harness, page }) => {
  const article = await harness.library.addText({ text: 'Talks in Geneva\n\nThe ministers met in Geneva on Friday.' }, 'paste');
  await app.reload();
  await app.openArticle(article.title);
  await app.notes.summary.click();
  await app.notes.edit.click();
  const note = '## Follow up\n\nAsk **the ministry** about *the date*.\n\n- call `press office`\n- <img src=x onerror="window.pwned=1">';
  await app.notes.text.fill(note);
  await app.notes.save.click();
  const view = app.notes.view;
  await expect(view.locator('h4')).toHaveText('Follow up');
  await expect(view.locator('strong')).toHaveText('the ministry');
  await expect(view.locator('em')).toHaveText('the date');
  await expect(view.locator('li')).toHaveText(['call press office', '<img src=x onerror="window.pwned=1">']);
  await expect(view.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
  expect((await harness.library.get(article.id)).note).toBe(note);

  // Kept after a reload; an empty note deletes it.
  await app.reload();
  await app.openArticle(article.title);
  await expect(app.notes.view.locator('strong')).toHaveText('the ministry');
  await app.notes.edit.click();
  await app.notes.text.fill('');
  await app.notes.save.click();
  await expect(app.notes.view).toHaveText('No note yet.');
  expect((await harness.library.get(article.id)).note).toBe('');
});

test('suggested tags for the seed article are one-click chips', async ({ app, harness }) => {
  const text = await readFile(SEED_ARTICLE, 'utf8');
  const article = await harness.library.addText({ text }, 'paste');
  await app.reload();
  await app.openArticle(article.title);
  const chips = app.readerDetails.suggestions;
  // The first few are shown; the rest behind "N more". (Main's first answer loads its NLP library.)
  await expect(chips.first()).toBeVisible({ timeout: 20_000 });
  const more = app.readerDetails.moreSuggestions;
  if (await more.isVisible()) await more.click();
  const names = await chips.allTextContents();
  for (const name of ['Lavrov', 'Blinken', 'Ukraine', 'Russia', 'Geneva']) {
    expect(names.some((chip) => chip.startsWith('+ ') && chip.includes(name)), `a chip naming ${name} among ${names.join(', ')}`).toBe(true);
  }
  const lavrov = names.find((chip) => chip.includes('Lavrov'))!.slice(2);
  await app.readerDetails.suggestion(lavrov).click();
  await app.waitForTags([lavrov]);
  await expect(app.readerDetails.suggestion(lavrov)).toHaveCount(0);
  expect((await harness.library.get(article.id)).tags).toEqual([lavrov]);
  await expect(app.sidebar.tag(lavrov)).toContainText('1');
});
