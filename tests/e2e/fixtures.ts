/**
 * Playwright fixtures for the end-to-end tests: every test gets a fresh temporary library
 * folder, a harness serving the built renderer over it (tests/harness/harness.ts), and the
 * window opened on it as a CuttingsPage. All are torn down after the test.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';
import { startHarness, type Harness } from '../harness/harness';
import { CuttingsPage } from './cuttings-page';

export { expect } from '@playwright/test';
export { CuttingsPage, exactly, seedViewsLibrary, VIEWS_ARTICLE } from './cuttings-page';

/** The repository's root folder. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The pasted cutting every part of Cuttings must handle (../shared beside the repository). */
export const SEED_ARTICLE = join(REPO_ROOT, '..', 'shared', 'fixtures', 'seed-article.txt');

interface Fixtures {
  /** A library folder that does not exist yet, inside a fresh temporary folder. */
  libraryPath: string;
  /** The harness serving the renderer over that library. */
  harness: Harness;
  /** The window, open and ready. */
  app: CuttingsPage;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  libraryPath: async ({}, use) => {
    const folder = await mkdtemp(join(tmpdir(), 'cuttings-e2e-'));
    await use(join(folder, 'library'));
    await rm(folder, { recursive: true, force: true });
  },
  harness: async ({ libraryPath }, use) => {
    const harness = await startHarness({ libraryPath });
    await use(harness);
    await harness.close();
  },
  app: async ({ page, harness }, use) => {
    const app = new CuttingsPage(page);
    await app.open(harness.url);
    await use(app);
  },
});
