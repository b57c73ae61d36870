/**
 * The packaged app's end-to-end test (`npm run test:packaged`, scripts/test-packaged.mjs):
 * the app electron-builder packed, driven with Playwright's _electron.launch. Kept apart from
 * playwright.config.ts so `npm test` never waits for a package to be built.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/packaged',
  // One app at a time: the second-launch test depends on which instance holds the lock.
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  outputDir: 'test-results/packaged',
});
