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

  await page.locator('#rules-button').click();
  const dialog = page.locator('#rules-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.locator('#rules-list')).toHaveText('No rules yet.');

  // A query that does not parse: main's message, in place; no rule.
  const expected = await harness.library.addTagRule('lavrov AND (', ['diplomacy']).then(
    () => 'accepted',
    (error: Error) => error.message,
  );
  await page.locator('#rule-query').fill('lavrov AND (');
  await page.locator('#rule-tags').fill('diplomacy');
  await page.locator('#rule-add').click();
  await expect(page.locator('#rule-error')).toHaveText(expected);
  await expect(page.locator('#rule-query')).toHaveAttribute('aria-invalid', 'true');
  expect(harness.library.tagRules()).toEqual([]);

  await page.locator('#rule-query').fill('lavrov');
  await page.locator('#rule-tags').fill('diplomacy, people/lavrov');
  await page.locator('#rule-add').click();
  await expect(page.locator('#rules-list .rule')).toHaveCount(1);
  await expect(page.locator('#rules-list .rule')).toContainText('lavrov');
  await expect(page.locator('#rule-error')).toBeHidden();

  // The dry run: two articles match, both would gain a tag; nothing is written yet.
  await page.locator('#rules-dry-run').click();
  await expect(page.locator('#rules-dry-run-count')).toHaveText('2 articles would change:');
  await expect(page.locator('#rules-changes li')).toHaveCount(2);
  await expect(page.locator('#rules-changes li').filter({ hasText: 'Talks in Geneva' })).toContainText('+ diplomacy');
  await expect(page.locator('#rules-changes li').filter({ hasText: 'Grain corridor' })).toContainText('+ people/lavrov');
  await expect(page.locator('#rules-changes li').filter({ hasText: 'Grain corridor' })).not.toContainText('+ diplomacy');
  expect((await harness.library.get(geneva.id)).tags).toEqual([]);
  await expect(page.locator('#rules-apply')).toHaveText('Apply to 2 articles');

  await page.locator('#rules-apply').click();
  await expect(page.locator('#rules-result')).toBeVisible();
  expect((await harness.library.get(geneva.id)).tags).toEqual(['diplomacy', 'people/lavrov']);
  expect((await harness.library.get(grain.id)).tags).toEqual(['diplomacy', 'people/lavrov']);
  expect((await harness.library.get(ferry.id)).tags).toEqual([]);

  // Escape closes the dialog; the sidebar shows the new tags.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(app.sidebarTag('people/lavrov')).toContainText('2');

  // A second dry run finds nothing left to do.
  await page.locator('#rules-button').click();
  await page.locator('#rules-dry-run').click();
  await expect(page.locator('#rules-dry-run-count')).toHaveText('Nothing would change: every matching article has its rules’ tags already.');
  await expect(page.locator('#rules-apply')).toBeDisabled();

  // Removing the rule.
  await page.getByRole('button', { name: 'Remove the rule lavrov' }).click();
  await expect(page.locator('#rules-list')).toHaveText('No rules yet.');
  expect(harness.library.tagRules()).toEqual([]);
});
