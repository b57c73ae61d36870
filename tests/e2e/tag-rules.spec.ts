/**
 * Tag rules from the window: a query that does not parse is refused with main's message
 * under the field; "Apply to archive…" first shows the dry run (how many articles would
 * change and which, with the tags they would gain) and changes nothing until it is confirmed.
 */
import { expect, test } from './fixtures';

test('a rule is added, its dry run counts and lists what would change, then it is applied', async ({ app, harness, page }) => {
  const geneva = await harness.library.addText({ text: 'Talks in Geneva\n\nLavrov and Blinken met in Geneva on Friday.' }, 'paste');
  const grain = await harness.library.addText({ text: 'Grain corridor\n\nLavrov said the ships could leave.', tags: ['diplomacy'] }, 'paste');
  const ferry = await harness.library.addText({ text: 'Ferry timetable\n\nFerries run every twenty minutes.' }, 'paste');
  await app.reload();

  await app.rulesForm.open.click();
  const dialog = app.rulesForm.dialog;
  await expect(dialog).toBeVisible();
  await expect(app.rulesForm.list).toHaveText('No rules yet.');

  // A query that does not parse: main's message, in place; no rule.
  const expected = await harness.library.addTagRule('lavrov AND (', ['diplomacy']).then(
    () => 'accepted',
    (error: Error) => error.message,
  );
  await app.rulesForm.query.fill('lavrov AND (');
  await app.rulesForm.tags.fill('diplomacy');
  await app.rulesForm.add.click();
  await expect(app.rulesForm.error).toHaveText(expected);
  await expect(app.rulesForm.query).toHaveAttribute('aria-invalid', 'true');
  expect(harness.library.tagRules()).toEqual([]);

  await app.rulesForm.query.fill('lavrov');
  await app.rulesForm.tags.fill('diplomacy, people/lavrov');
  await app.rulesForm.add.click();
  await expect(app.rulesForm.rules).toHaveCount(1);
  await expect(app.rulesForm.rules).toContainText('lavrov');
  await expect(app.rulesForm.error).toBeHidden();

  // The dry run: two articles match, both would gain a tag; nothing is written yet.
  await app.rulesForm.dryRun.click();
  await expect(app.rulesForm.dryRunCount).toHaveText('2 articles would change:');
  await expect(app.rulesForm.changes).toHaveCount(2);
  await expect(app.rulesForm.changes.filter({ hasText: 'Talks in Geneva' })).toContainText('+ diplomacy');
  await expect(app.rulesForm.changes.filter({ hasText: 'Grain corridor' })).toContainText('+ people/lavrov');
  await expect(app.rulesForm.changes.filter({ hasText: 'Grain corridor' })).not.toContainText('+ diplomacy');
  expect((await harness.library.get(geneva.id)).tags).toEqual([]);
  await expect(app.rulesForm.apply).toHaveText('Apply to 2 articles');

  await app.rulesForm.apply.click();
  await expect(app.rulesForm.result).toBeVisible();
  expect((await harness.library.get(geneva.id)).tags).toEqual(['diplomacy', 'people/lavrov']);
  expect((await harness.library.get(grain.id)).tags).toEqual(['diplomacy', 'people/lavrov']);
  expect((await harness.library.get(ferry.id)).tags).toEqual([]);

  // Escape closes the dialog; the sidebar shows the new tags.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(app.sidebar.tag('people/lavrov')).toContainText('2');

  // A second dry run finds nothing left to do.
  await app.rulesForm.open.click();
  await app.rulesForm.dryRun.click();
  await expect(app.rulesForm.dryRunCount).toHaveText('Nothing would change: every matching article has its rules’ tags already.');
  await expect(app.rulesForm.apply).toBeDisabled();

  // Removing the rule.
  await app.rulesForm.remove('lavrov').click();
  await expect(app.rulesForm.list).toHaveText('No rules yet.');
  expect(harness.library.tagRules()).toEqual([]);
});
