/**
 * The reader's tag editor: main decides what a tag is and says why one is refused; the
 * editor shows that message as is and changes nothing. Existing tags are offered as the
 * user types.
 */
import { expect, test } from './fixtures';

const BRIDGE = 'Harbour bridge reopens\n\nThe harbour bridge reopened to traffic on Monday after repairs.';
const FERRY = 'Ferry timetable changes\n\nFerries will run every twenty minutes from June.';

test('a tag of only spaces shows main’s message and changes nothing', async ({ app, harness }) => {
  const article = await harness.library.addText({ text: BRIDGE, tags: ['transport'] }, 'paste');
  await app.reload();
  await app.openArticle(article.title);
  await app.waitForTags(['transport']);

  // What main says about such a tag, straight from the library.
  const expected = await harness.library.updateTags(article.id, ['   '], []).then(
    () => 'accepted',
    (error: Error) => error.message,
  );
  expect(expected).toMatch(/not a tag/u);

  await app.addTag('   ');
  await expect(app.tagError).toHaveText(expected);
  await expect(app.tagInput).toHaveAttribute('aria-invalid', 'true');

  await app.waitForTags(['transport']);
  await expect(app.rowTags(article.title)).toHaveText(['transport']);
  await expect(app.sidebar.tags).toHaveCount(1);
  expect((await harness.library.get(article.id)).tags).toEqual(['transport']);
  expect(harness.library.listTags()).toEqual([{ tag: 'transport', count: 1 }]);

  // Typing again clears the message.
  await app.tagInput.fill('harbour');
  await expect(app.tagError).toBeHidden();
});

test('the tag editor autocompletes an existing tag', async ({ app, harness }) => {
  await harness.library.addText({ text: BRIDGE, tags: ['Ukraine/Diplomacy', 'transport'] }, 'paste');
  const ferry = await harness.library.addText({ text: FERRY }, 'paste');
  await app.reload();
  await app.openArticle(ferry.title);
  await app.waitForTags([]);

  // A prefix of the tag, in another case: offered as the tag is spelled.
  await app.tagInput.pressSequentially('ukr');
  await expect(app.tagSuggestions).toHaveText(['Ukraine/Diplomacy']);
  await app.tagInput.press('ArrowDown');
  await expect(app.tagSuggestions.first()).toHaveAttribute('aria-selected', 'true');
  await app.tagInput.press('Enter');
  await app.waitForTags(['Ukraine/Diplomacy']);
  await expect(app.tagInput).toHaveValue('');

  // A word inside a tag, chosen with the mouse.
  await app.tagInput.pressSequentially('TRANS');
  await expect(app.tagSuggestions).toHaveText(['transport']);
  await app.tagSuggestions.first().click();
  await app.waitForTags(['Ukraine/Diplomacy', 'transport']);

  // Tags the article already has are not offered again.
  await app.tagInput.pressSequentially('tr');
  await expect(app.tagSuggestions).toHaveCount(0);

  expect((await harness.library.get(ferry.id)).tags).toEqual(['Ukraine/Diplomacy', 'transport']);
  await expect(app.sidebar.tag('transport')).toContainText('2');
});

test('a comma adds the tag typed before it, and a chip’s button removes its tag', async ({ app, harness }) => {
  const article = await harness.library.addText({ text: BRIDGE }, 'paste');
  await app.reload();
  await app.openArticle(article.title);

  await app.tagInput.pressSequentially('harbour,');
  await app.waitForTags(['harbour']);
  await app.tagInput.pressSequentially('bridges , ');
  await app.waitForTags(['harbour', 'bridges']);

  await app.removeTag('harbour').click();
  await app.waitForTags(['bridges']);
  expect((await harness.library.get(article.id)).tags).toEqual(['bridges']);
});

test('choosing a tag in the sidebar lists only its articles', async ({ app, harness }) => {
  const bridge = await harness.library.addText({ text: BRIDGE, tags: ['transport/roads'] }, 'paste');
  const ferry = await harness.library.addText({ text: FERRY, tags: ['ferries'] }, 'paste');
  await app.reload();
  await expect(app.rows).toHaveCount(2);

  await app.sidebar.tag('ferries').click();
  await expect(app.rows).toHaveCount(1);
  await app.waitForRow(ferry.title);
  await expect(app.listTitle).toHaveText('ferries');

  await app.sidebar.tag('transport/roads').click();
  await app.waitForRow(bridge.title);
  await expect(app.rows).toHaveCount(1);

  await app.sidebar.allArticles.click();
  await expect(app.rows).toHaveCount(2);
});
