/**
 * axe-core over the window as it is, for the accessibility tests: the serious and critical
 * violations, one readable line each (rule, what it asks, the element, why it failed), so a
 * failure says what to fix without running the test again.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The serious and critical axe-core violations on the page, one line each; empty when there are none. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Violations only: collecting every passing node costs most of the run's time.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${violation.help} — ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/gu, ' ') ?? ''}`),
    );
}
