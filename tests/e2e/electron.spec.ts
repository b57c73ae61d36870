/**
 * The built desktop app end to end, in Electron itself (DESIGN.md §7): the window opens, the
 * preload exposes `window.cuttings`, and an article can be pasted and found.
 *
 * It runs only where Electron's binary is present. That is checked without loading the
 * `electron` package, because loading it starts a download when the binary is missing:
 * node_modules/electron/path.txt names the binary inside node_modules/electron/dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { API_METHODS } from '../../common/api';
import { CuttingsPage } from './cuttings-page';
import { REPO_ROOT, SEED_ARTICLE } from './fixtures';

/** The Electron binary, or why there is none. */
function findElectron(): { binary: string } | { missing: string } {
  const packageDir = join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(packageDir)) return { missing: 'the electron package is not installed' };
  if (!existsSync(pathFile)) {
    return {
      missing:
        'node_modules/electron/path.txt does not exist: the binary was never downloaded ' +
        '(the electron package fetches it on first use, `npm start`, which needs a network)',
    };
  }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { missing: `${binary} does not exist` };
  return { binary };
}

test('the desktop app opens its window, exposes window.cuttings, and adds and finds an article', async () => {
  const electronBinary = findElectron();
  if ('missing' in electronBinary) {
    console.log(`electron.spec.ts: skipped, Electron binary not present (${electronBinary.missing})`);
    test.skip(true, `Electron binary not present (${electronBinary.missing})`);
    return;
  }
  const distMain = join(REPO_ROOT, 'dist', 'main', 'index.js');
  expect(existsSync(distMain), `${distMain} is missing; run npm run build first`).toBe(true);

  test.setTimeout(60_000);
  const folder = await mkdtemp(join(tmpdir(), 'cuttings-electron-'));
  const app = await electron.launch({
    executablePath: electronBinary.binary,
    // Chromium refuses to start as root without --no-sandbox (CI containers run as root);
    // the renderer's own sandbox settings are main/window.ts's and are unaffected.
    args: process.getuid?.() === 0 ? ['--no-sandbox', '.'] : ['.'],
    cwd: REPO_ROOT,
    env: { ...process.env, CUTTINGS_LIBRARY: join(folder, 'library') },
  });
  try {
    const appWindow = await app.firstWindow();
    const cuttings = new CuttingsPage(appWindow);
    await cuttings.waitForReady();
    expect(appWindow.url()).toMatch(/^cuttings-app:\/\//u);

    // The preload's object has exactly the API's methods (and no ipcRenderer).
    const exposed = await appWindow.evaluate(() => Object.keys((window as unknown as { cuttings: object }).cuttings).sort());
    expect(exposed).toEqual([...API_METHODS].sort());
    expect(await appWindow.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');

    const seed = await readFile(SEED_ARTICLE, 'utf8');
    const title = seed.split('\n')[0]?.trim() ?? '';
    await cuttings.addPastedArticle(seed);
    await cuttings.waitForRow(title);
    await cuttings.search('Lavrov');
    await cuttings.waitForSearchTotal(1);
    await expect(cuttings.row(title).locator('.row-snippet mark').first()).toHaveText('Lavrov');
    expect(cuttings.problems()).toEqual([]);
  } finally {
    await app.close();
    await rm(folder, { recursive: true, force: true });
  }
});
