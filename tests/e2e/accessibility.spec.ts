/**
 * Every view and dialog of the window passes axe-core with no serious or critical violation,
 * in the light theme and in the dark one (the views and how to open each are listed once, in
 * tests/e2e/parts/views.ts). A failure prints each violation's rule, what it means and the
 * elements it found, so the cause can be found without running the test again.
 */
import { expect, seedViewsLibrary, test, type CuttingsPage } from './fixtures';
import { seriousViolations } from './parts/axe';

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
    // Nineteen views, each reloaded and checked: three minutes on two loaded cores; room for a slower CI.
    test.setTimeout(480_000);
    await page.emulateMedia({ colorScheme: theme });
    await seedViewsLibrary(harness.library);
    const found = await checkEveryView(app);
    expect(found, JSON.stringify(found, null, 2)).toEqual({});
    // axe cannot look inside the reader's frame: it runs no script, axe's included. The
    // article's own sheet (renderer/reader/reader.css) keeps its text at 6.2:1 or more.
    expect(app.problems().filter((problem) => !problem.startsWith("Blocked script execution in 'about:srcdoc'"))).toEqual([]);
  });
}
