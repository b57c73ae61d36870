/**
 * Every view and dialog of the window passes axe-core with no serious or critical violation,
 * in the light theme and in the dark one (the views and how to open each are listed once, in
 * tests/e2e/parts/views.ts). A failure prints each violation's rule, what it means and the
 * elements it found, so the cause can be found without running the test again.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, seedViewsLibrary, test, type CuttingsPage } from './fixtures';

/** The serious and critical violations on the page as it is, one readable line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${violation.help} — ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/gu, ' ') ?? ''}`),
    );
}

/** Opens each view on a freshly loaded window and collects what axe finds, view by view. */
async function checkEveryView(app: CuttingsPage): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const view of app.views) {
    await app.reload();
    try {
      await view.open(app);
    } catch (error) {
      found[view.name] = [`could not be opened: ${(error as Error).message.split('\n')[0]}`];
      continue;
    }
    const violations = await seriousViolations(app.page);
    if (violations.length > 0) found[view.name] = violations;
  }
  return found;
}

for (const theme of ['light', 'dark'] as const) {
  test(`every view and dialog has no serious or critical axe violation in the ${theme} theme`, async ({ app, harness, page }) => {
    test.setTimeout(300_000);
    await page.emulateMedia({ colorScheme: theme });
    await seedViewsLibrary(harness.library);
    const found = await checkEveryView(app);
    expect(found, JSON.stringify(found, null, 2)).toEqual({});
    // axe cannot look inside the reader's frame: it runs no script, axe's included (the
    // article's own sheet, reader.css, uses the same tokens' values).
    expect(app.problems().filter((problem) => !problem.startsWith("Blocked script execution in 'about:srcdoc'"))).toEqual([]);
  });
}
