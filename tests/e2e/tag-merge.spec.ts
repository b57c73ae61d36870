/**
 * Renaming a tag onto one that exists merges them: the Edit tag dialog says it is a merge,
 * with the other tag's count, before anything changes; afterwards the tree has one tag with
 * every article, the toast shows main's summary, and Undo (or Ctrl+Z) puts both back.
 */
import { expect, test } from './fixtures';

test('renaming a tag onto another says it merges, merges, and undoes', async ({ app, harness, page }) => {
  const a = await harness.library.addText({ text: 'Talks in Geneva\n\nThe ministers met in Geneva on Friday.', tags: ['Kyiv'] }, 'paste');
  await harness.library.addText({ text: 'Grain corridor\n\nShips left the port at dawn.', tags: ['Kyiv'] }, 'paste');
  const c = await harness.library.addText({ text: 'Old spelling\n\nThe city was called Kiev in the report.', tags: ['kiev'] }, 'paste');
  await app.reload();
  await expect(app.sidebar.tag('Kyiv')).toContainText('2');
  await expect(app.sidebar.tag('kiev')).toContainText('1');

  // The article in the reader follows the merge too.
  await app.openArticle('Old spelling');
  await app.waitForTags(['kiev']);

  // Open the tag's actions from its ⋯ button and type the other tag's name in another case.
  await app.sidebar.tag('kiev').hover();
  await app.sidebar.editTag('kiev').click();
  const dialog = app.tagForm.dialog;
  await expect(dialog).toBeVisible();
  await expect(app.tagForm.heading).toHaveText('Tag “kiev”');
  await app.tagForm.rename.fill('kyiv');
  await expect(app.tagForm.renameNote).toHaveText('“Kyiv” already exists (2 articles): this merges “kiev” into it. You can undo it.');
  await expect(app.tagForm.renameSubmit).toHaveText('Merge');
  // Nothing has changed yet.
  expect(harness.library.listTags().map((tag) => tag.tag).sort()).toEqual(['Kyiv', 'kiev']);

  await app.tagForm.renameSubmit.click();
  await expect(dialog).toBeHidden();
  const toast = app.undoToast.toast;
  await expect(toast).toBeVisible();
  await expect(app.undoToast.message).toContainText('kiev');
  await expect(app.sidebar.tag('Kyiv')).toContainText('3');
  await expect(app.sidebar.tag('kiev')).toHaveCount(0);
  expect(harness.library.listTags()).toEqual([expect.objectContaining({ tag: 'Kyiv', count: 3 })]);
  expect((await harness.library.get(c.id)).tags).toEqual(['Kyiv']);
  await expect(app.rowTags('Old spelling')).toHaveText(['Kyiv']);
  await app.waitForTags(['Kyiv']);

  // Undo from the toast puts the old tag back on its article.
  await app.undoToast.undo.click();
  await expect(app.sidebar.tag('kiev')).toContainText('1');
  await expect(app.sidebar.tag('Kyiv')).toContainText('2');
  expect((await harness.library.get(c.id)).tags).toEqual(['kiev']);
  expect((await harness.library.get(a.id)).tags).toEqual(['Kyiv']);

  // The same merge again, undone this time with Ctrl+Z from the list.
  await app.sidebar.tag('kiev').click({ button: 'right' });
  await expect(dialog).toBeVisible();
  await app.tagForm.rename.fill('Kyiv');
  await app.tagForm.rename.press('Enter');
  await expect(app.sidebar.tag('kiev')).toHaveCount(0);
  await app.list.focus();
  await page.keyboard.press('Control+z');
  await expect(app.sidebar.tag('kiev')).toContainText('1');
  expect((await harness.library.get(c.id)).tags).toEqual(['kiev']);
});

test('a bad new name shows main’s message in the dialog and changes nothing', async ({ app, harness }) => {
  await harness.library.addText({ text: 'Talks in Geneva\n\nThe ministers met in Geneva on Friday.', tags: ['diplomacy'] }, 'paste');
  await app.reload();
  await app.sidebar.tag('diplomacy').click({ button: 'right' });
  const expected = await harness.library.renameTag('diplomacy', ' / / ').then(
    () => 'accepted',
    (error: Error) => error.message,
  );
  await app.tagForm.rename.fill(' / / ');
  await app.tagForm.renameSubmit.click();
  await expect(app.tagForm.error).toHaveText(expected);
  await expect(app.tagForm.dialog).toBeVisible();
  expect(harness.library.listTags()).toEqual([expect.objectContaining({ tag: 'diplomacy', count: 1 })]);
});
