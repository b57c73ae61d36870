/**
 * The organising tools as a person sees them, in the light and the dark theme: the tag tree
 * with counts and colours, the timeline, many rows selected with the bulk bar, and the reader
 * with suggested tags, a note and a highlight. Each picture is checked for its parts first,
 * then saved to .tmp/screenshots/ (ignored by git) to be looked at.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, REPO_ROOT, SEED_ARTICLE, test } from './fixtures';
import { addManyArticles } from './many-articles';

const OUT = join(REPO_ROOT, '.tmp', 'screenshots');
const TAGS = [['ukraine/diplomacy', 'russia'], ['ukraine/war'], ['europe/eu', 'ukraine'], ['transport/ferries'], ['transport/roads', 'europe'], []];

for (const theme of ['light', 'dark'] as const) {
  test(`the organising tools in the ${theme} theme`, async ({ app, harness, page }) => {
    test.setTimeout(90_000);
    await harness.settings.update({ theme });
    // More articles each month, so that the timeline's bars differ.
    const month = (n: number) => Math.min(23, Math.floor(24 * Math.sqrt(n / 240)));
    await addManyArticles(harness.library, 240, {
      tags: (n) => TAGS[n % TAGS.length]!,
      published: (n) => `${2021 + Math.floor(month(n) / 12)}-${String((month(n) % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
    });
    await harness.library.setTagColour('ukraine', '#2f6fd6');
    await harness.library.setTagColour('transport', '#3f9b4f');
    await harness.library.setTagColour('europe/eu', '#d9b01a');
    await app.reload();

    await expect(app.sidebar.tag('ukraine/diplomacy')).toBeVisible();
    await expect(app.timeline.bars).toHaveCount(24);
    await app.openArticle('Harbour report 000240');
    await app.rows.nth(1).click({ modifiers: ['Shift'] });
    await app.rows.nth(4).click({ modifiers: ['Control'] });
    await expect(app.bulkBar.count).toHaveText('3 articles selected');
    await app.bulkBar.tags.fill('harbour');
    await app.sidebar.tagRows.first().hover();
    await page.screenshot({ path: join(OUT, `organise-${theme}.png`) });

    // The reader: suggested tags, a note, a highlight with its comment, and the merge dialog.
    const seed = await harness.library.addText({ text: await readFile(SEED_ARTICLE, 'utf8'), tags: ['ukraine/diplomacy'] }, 'paste');
    await harness.library.setNote(seed.id, 'Follow up with the **press office** about the *second* round.\n\n- ask for the statement\n- check the Geneva dates');
    await harness.library.addHighlight({ id: seed.id, quote: 'a “united, swift and firm” response', comment: 'The US line' });
    await app.reload();
    await app.openArticle(seed.title);
    await expect(app.readerDetails.suggestions.first()).toBeVisible({ timeout: 20_000 });
    await expect(app.readerFrame.locator('mark.cuttings-highlight')).toHaveCount(1);
    await expect(app.notes.view.locator('strong')).toHaveText('press office');
    await page.screenshot({ path: join(OUT, `organise-reader-${theme}.png`) });
    await app.sidebar.tag('ukraine/war').click({ button: 'right' });
    await app.tagForm.rename.fill('ukraine/diplomacy');
    await expect(app.tagForm.renameSubmit).toHaveText('Merge');
    await page.screenshot({ path: join(OUT, `organise-merge-${theme}.png`) });

    // The rules dialog with a dry run showing.
    await page.keyboard.press('Escape');
    await harness.library.addTagRule('lavrov OR blinken', ['people/diplomats']);
    await harness.library.addTagRule('berth', ['harbour']);
    await app.rulesForm.open.click();
    await app.rulesForm.dryRun.click();
    await expect(app.rulesForm.dryRunCount).toHaveText('241 articles would change:');
    await app.rulesForm.query.fill('ukraine AND (');
    await app.rulesForm.tags.fill('ukraine');
    await app.rulesForm.add.click();
    await expect(app.rulesForm.error).toBeVisible();
    await page.screenshot({ path: join(OUT, `organise-rules-${theme}.png`) });
  });
}
