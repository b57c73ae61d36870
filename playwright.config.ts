/**
 * End-to-end tests (DESIGN.md §7): the built renderer in Debian's Chromium, served with a
 * real library by the test harness (tests/harness/), and the built app in Electron where
 * its binary is present (tests/e2e/electron.spec.ts). Run `npm run build` first.
 *
 * Three projects: `e2e` (`npm run test:e2e`, part of `npm test`), `a11y` (`npm run
 * test:a11y`, which .ci/run runs after `npm test`): axe-core over every view in both themes
 * takes two to four minutes on two shared cores, too long to wait for on every `npm test`;
 * and `million` (`npm run test:e2e:million`, tests/million/), the window over a library of
 * a million, which is made first and takes far longer still.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// The tests' own folder for the user's signing key (inherited by the workers), so that no
// test reads or makes a key in the profile of whoever runs them.
process.env.CUTTINGS_KEYS ??= mkdtempSync(join(tmpdir(), 'cuttings-e2e-keys-'));

export default defineConfig({
  testDir: 'tests/e2e',
  // Each test gets its own library and harness, so tests can run side by side.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  outputDir: 'test-results',
  projects: [
    { name: 'e2e', testIgnore: ['**/accessibility.spec.ts'] },
    { name: 'a11y', testMatch: ['**/accessibility.spec.ts'] },
    // `npm run test:e2e:million`: the window over a generated library of a million (hours to make on two cores).
    { name: 'million', testDir: 'tests/million', timeout: 4 * 60 * 60_000 },
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium, installed by .ci/run with apt-get; Playwright's own download is not used.
      executablePath: process.env.CUTTINGS_CHROMIUM ?? '/usr/bin/chromium',
      // Playwright gives each launch a fresh profile (a new temporary user-data-dir).
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
});
