/**
 * The sidebar's tag tree: tags nest at `/`, a parent counts each article under it once,
 * folding hides the sub-tags, choosing a parent lists its children's articles too; a tag gets
 * a colour, moves under another (by the dialog's field or by dragging), and is deleted after
 * a question that names how many articles lose it.
 */
import { expect, test } from './fixtures';

async function seed(harness: { library: { addText: (r: { text: string; tags: string[] }, m: 'paste') => Promise<unknown> } }): Promise<void> {
  await harness.library.addText({ text: 'Talks in Geneva\n\nThe ministers met in Geneva on Friday.', tags: ['ukraine/diplomacy', 'ukraine/war'] }, 'paste');
  await harness.library.addText({ text: 'Front line\n\nShelling continued overnight.', tags: ['ukraine/war'] }, 'paste');
  await harness.library.addText({ text: 'Ferry timetable\n\nFerries run every twenty minutes.', tags: ['transport'] }, 'paste');
}

test('tags nest, parents count each article once, fold, and filter with their children', async ({ app, harness, page }) => {
  await seed(harness);
  await app.reload();
  // "ukraine" is no tag of its own: a level over two tags, three tag uses, two articles.
  await expect(app.sidebar.tag('ukraine')).toContainText('2');
  await expect(app.sidebar.tag('ukraine')).toHaveAttribute('title', '2 articles under ukraine');
  await expect(app.sidebar.tag('ukraine/war')).toContainText('2');
  await expect(app.sidebar.tag('ukraine/diplomacy')).toContainText('1');
  await expect(app.sidebar.tag('ukraine/war').locator('.nav-label')).toHaveText('war');

  await app.sidebar.fold('Hide', 'ukraine').click();
  await expect(app.sidebar.tag('ukraine/war')).toHaveCount(0);
  await app.sidebar.fold('Show', 'ukraine').click();
  await expect(app.sidebar.tag('ukraine/war')).toBeVisible();

  // The arrow keys walk and fold the tree.
  await app.sidebar.tag('transport').focus();
  await page.keyboard.press('ArrowDown');
  await expect(app.sidebar.tag('ukraine')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(app.sidebar.tag('ukraine/war')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(app.sidebar.tag('ukraine/diplomacy')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(app.sidebar.tag('ukraine/war')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(app.sidebar.tag('ukraine')).toBeFocused();
  await expect(app.selectedRow).toHaveCount(0);

  await page.keyboard.press('Enter');
  await expect(app.rows).toHaveCount(2);
  await app.search('shelling');
  await app.waitForSearchTotal(1);
});

test('a tag gets a colour, moves under another by the field and by dragging, and is deleted after a question', async ({ app, harness }) => {
  await seed(harness);
  await app.reload();

  // Colour.
  await app.sidebar.tag('transport').click({ button: 'right' });
  await app.tagForm.colour('#3f9b4f').click();
  await expect(app.tagForm.colour('#3f9b4f')).toHaveAttribute('aria-pressed', 'true');
  await app.tagForm.close.click();
  await expect(app.sidebar.tag('transport').locator('.tag-swatch')).toHaveCSS('background-color', 'rgb(63, 155, 79)');
  expect(harness.library.listTags().find((tag) => tag.tag === 'transport')?.colour).toBe('#3f9b4f');
  await expect(app.rowTags('Ferry timetable')).toHaveAttribute('data-colour', '#3f9b4f');

  // Move under another tag by the dialog's field: "war" becomes "conflict/war". The list was
  // showing "ukraine/war", and goes on showing it under its new name.
  await app.sidebar.tag('ukraine/war').click();
  await expect(app.listTitle).toHaveText('ukraine/war');
  await app.sidebar.tag('ukraine/war').click({ button: 'right' });
  await app.tagForm.move.fill('conflict');
  await expect(app.tagForm.moveNote).toHaveText('It becomes “conflict/war”.');
  await app.tagForm.moveSubmit.click();
  await expect(app.sidebar.tag('conflict/war')).toContainText('2');
  await expect(app.sidebar.tag('ukraine/war')).toHaveCount(0);
  await expect(app.undoToast.message).toContainText('conflict/war');
  await expect(app.listTitle).toHaveText('conflict/war');
  await expect(app.rows).toHaveCount(2);
  await expect(app.sidebar.tag('conflict/war')).toHaveAttribute('aria-current', 'true');
  await app.sidebar.allArticles.click();

  // Drag "transport" onto "conflict": it becomes "conflict/transport".
  await app.sidebar.tag('transport').dragTo(app.sidebar.tag('conflict'));
  await expect(app.sidebar.tag('conflict/transport')).toContainText('1');
  expect(harness.library.listTags().map((tag) => tag.tag).sort()).toEqual(['conflict/transport', 'conflict/war', 'ukraine/diplomacy']);

  // Delete, after a question naming how many articles and sub-tags.
  await app.sidebar.tag('conflict').click({ button: 'right' });
  await app.tagForm.delete.click();
  await expect(app.tagForm.deleteQuestion).toHaveText('Remove “conflict” and the 2 tags under it from 3 articles? You can undo it.');
  expect(harness.library.listTags()).toHaveLength(3);
  await app.tagForm.confirmDelete.click();
  await expect(app.sidebar.tag('conflict')).toHaveCount(0);
  expect(harness.library.listTags().map((tag) => tag.tag)).toEqual(['ukraine/diplomacy']);

  await app.undoToast.undo.click();
  await expect(app.sidebar.tag('conflict/war')).toContainText('2');
});

test('a tag with quotes, straight or curly, lists its articles, with and without search text', async ({ app, harness }) => {
  await harness.library.addText({ text: 'Referendum result\n\nVoters said no to the new harbour.', tags: ['say "no"'] }, 'paste');
  await harness.library.addText({ text: 'Harbour opinion\n\nThe “big” harbour debate went on.', tags: ['the “big” story'] }, 'paste');
  await harness.library.addText({ text: 'Harbour ferries\n\nFerries leave the harbour hourly.', tags: ['the '] }, 'paste');
  await app.reload();
  await app.sidebar.tag('say "no"').click();
  await expect(app.rows).toHaveCount(1);
  await expect(app.rows.first()).toContainText('Referendum result');
  // A curly quote once ended the tag's value: this listed the articles of the tag "the ".
  await app.sidebar.tag('the “big” story').click();
  await expect(app.rows).toHaveCount(1);
  await expect(app.rows.first()).toContainText('Harbour opinion');
  await app.search('harbour');
  await app.waitForSearchTotal(1);
});
