/**
 * Fixtures for the browser extension's end-to-end tests: each test gets its own Chromium
 * profile with the unpacked extension loaded (dist/extension/chromium, `npm run
 * build:extension`), the harness over a fresh library as the app the extension talks to, and
 * the web pages to clip. Debian's Chromium loads extensions in its new headless mode
 * (`--headless=new`); Playwright's own headless switch would start the old one, which cannot.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type LaunchOptions } from '@playwright/test';
import { BrowserExtension } from './browser-extension';
import { startExtensionPages, type ExtensionPages } from './extension-pages';
import { REPO_ROOT, test as base } from './fixtures';

export { expect } from './fixtures';

/** The unpacked Chromium build of the extension. */
export const EXTENSION_DIR = join(REPO_ROOT, 'dist', 'extension', 'chromium');

interface ExtensionFixtures {
  extension: BrowserExtension;
  pages: ExtensionPages;
}

/**
 * Starts Chromium with the extension loaded, with the config's launch options (Debian's
 * Chromium and its switches), on a profile folder (`''`: a new temporary one, removed on
 * close; a path: kept, so a test can close the browser and start it again).
 */
export function launchWithExtension(launchOptions: LaunchOptions, userDataDir = ''): Promise<BrowserContext> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`extension tests: ${EXTENSION_DIR} is missing; run \`npm run build:extension\` first`);
  return chromium.launchPersistentContext(userDataDir, {
    ...launchOptions,
    // Playwright's headless switch starts the old headless mode, which loads no extension.
    headless: false,
    viewport: { width: 1280, height: 800 },
    args: [...(launchOptions.args ?? []), '--headless=new', `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
  });
}

export const test = base.extend<ExtensionFixtures>({
  context: async ({ launchOptions }, use) => {
    const context = await launchWithExtension(launchOptions);
    await use(context);
    await context.close();
  },
  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },
  extension: async ({ context }, use) => {
    await use(await BrowserExtension.attach(context));
  },
  // eslint-disable-next-line no-empty-pattern
  pages: async ({}, use) => {
    const pages = await startExtensionPages();
    await use(pages);
    await pages.close();
  },
});
