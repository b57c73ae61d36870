/**
 * The built desktop app end to end, in Electron itself (DESIGN.md §7): the window's web
 * preferences as Electron applied them, the preload's `window.cuttings` and nothing else; a
 * cutting added, found, tagged, and still there after quitting and starting again (with the
 * window's place and the theme); and a page that tries to navigate, open a window or use the
 * camera is refused.
 *
 * It runs only where Electron's binary is present. That is checked without loading the
 * `electron` package, because loading it starts a download when the binary is missing:
 * node_modules/electron/path.txt names the binary inside node_modules/electron/dist/.
 * Each test gets its own library and profile folder (CUTTINGS_LIBRARY, CUTTINGS_USER_DATA).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { WebPreferences } from 'electron';
import { API_METHODS, EVENT_METHODS } from '../../common/api';
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

/** The binary, or skips the test saying plainly why. */
function requireElectron(): string {
  const found = findElectron();
  if ('missing' in found) {
    console.log(`electron.spec.ts: skipped, Electron binary not present (${found.missing})`);
    test.skip(true, `Electron binary not present (${found.missing})`);
    return '';
  }
  const distMain = join(REPO_ROOT, 'dist', 'main', 'index.js');
  expect(existsSync(distMain), `${distMain} is missing; run npm run build first`).toBe(true);
  return found.binary;
}

/** A fresh library and profile folder, removed after the test. */
let folder = '';
test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cuttings-electron-'));
});
test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Starts the app on the test's library and profile and waits for its window. */
async function launch(binary: string): Promise<{ app: ElectronApplication; appWindow: Page; cuttings: CuttingsPage }> {
  const app = await electron.launch({
    executablePath: binary,
    // Chromium refuses to start as root without --no-sandbox (CI containers run as root);
    // the renderer's own sandbox settings are main/window.ts's and are unaffected.
    args: process.getuid?.() === 0 ? ['--no-sandbox', '.'] : ['.'],
    cwd: REPO_ROOT,
    env: { ...process.env, CUTTINGS_LIBRARY: join(folder, 'library'), CUTTINGS_USER_DATA: join(folder, 'profile') },
  });
  const appWindow = await app.firstWindow();
  const cuttings = new CuttingsPage(appWindow);
  await cuttings.waitForReady();
  return { app, appWindow, cuttings };
}

test("the window's web preferences are the hardened ones, and the preload exposes window.cuttings only", async () => {
  const binary = requireElectron();
  test.setTimeout(60_000);
  const { app, appWindow, cuttings } = await launch(binary);
  try {
    expect(appWindow.url()).toBe('cuttings-app://app/index.html');
    // As Electron applied them (getLastWebPreferences is undocumented but what Electron's own tests read).
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences?: () => WebPreferences };
      if (typeof contents.getLastWebPreferences !== 'function') throw new Error('this Electron has no webContents.getLastWebPreferences()');
      return JSON.parse(JSON.stringify(contents.getLastWebPreferences())) as WebPreferences;
    });
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });

    const exposed = await appWindow.evaluate(() => Object.keys((window as unknown as { cuttings: object }).cuttings).sort());
    expect(exposed).toEqual([...API_METHODS, ...EVENT_METHODS].sort());
    expect(await appWindow.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await appWindow.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
    // The CSP came with the page.
    const policy = await appWindow.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    expect(policy).toContain("script-src 'self'");
    expect(cuttings.problems()).toEqual([]);
  } finally {
    await app.close();
  }
});

test('a cutting added, found and tagged is still there after quitting and starting again, with the window where it was', async () => {
  const binary = requireElectron();
  test.setTimeout(120_000);
  const seed = await readFile(SEED_ARTICLE, 'utf8');
  const title = seed.split('\n')[0]?.trim() ?? '';

  const first = await launch(binary);
  try {
    await first.cuttings.addPastedArticle(seed);
    await first.cuttings.waitForRow(title);
    await first.cuttings.search('Lavrov');
    await first.cuttings.waitForSearchTotal(1);
    await expect(first.cuttings.row(title).locator('.row-snippet mark').first()).toHaveText('Lavrov');
    await first.cuttings.openArticle(title);
    await first.cuttings.addTag('ukraine/diplomacy');
    await first.cuttings.waitForTags(['ukraine/diplomacy']);
    await first.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.setBounds({ x: 40, y: 30, width: 1000, height: 700 }));
    expect(first.cuttings.problems()).toEqual([]);
  } finally {
    // Quit as a user would (the menu's Quit): the app saves the window and releases the library.
    await first.app.evaluate(({ app }) => app.quit());
    await first.app.close();
  }
  const state = JSON.parse(await readFile(join(folder, 'profile', 'window-state.json'), 'utf8')) as { bounds: { width: number; height: number } };
  expect(state.bounds).toMatchObject({ width: 1000, height: 700 });

  const second = await launch(binary);
  try {
    await second.cuttings.waitForRow(title);
    await expect(second.cuttings.rowTags(title)).toHaveText(['ukraine/diplomacy']);
    await second.cuttings.search('tag:ukraine lavrov');
    await second.cuttings.waitForSearchTotal(1);
    const bounds = await second.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getBounds());
    expect(bounds).toMatchObject({ width: 1000, height: 700 });
  } finally {
    await second.app.close();
  }
});

test('a page that tries to navigate, open a window or use the camera is refused', async () => {
  const binary = requireElectron();
  test.setTimeout(60_000);
  const { app, appWindow, cuttings } = await launch(binary);
  try {
    // A clipped page with every trick in it: scripts, a refresh, a form, a link to a new window.
    const hostile =
      '<!doctype html><html><head><title>Hostile page</title><meta http-equiv="refresh" content="0;url=https://example.org/"></head><body>' +
      '<article><h1>Hostile page</h1><p>This page would like to leave, to open windows and to look through your camera. ' +
      'It should get none of that, and its words should still be kept as an article worth reading later.</p>' +
      '<script>window.open("https://example.org/popup"); location.href = "https://example.org/away"; navigator.mediaDevices.getUserMedia({ video: true });</script>' +
      '<a href="https://example.org/new" target="_blank" id="out">out</a><form action="https://example.org/post"><button>go</button></form></article></body></html>';
    await appWindow.evaluate((html) => window.cuttings.addHtml({ html, fileName: 'hostile.html' }), hostile);
    await cuttings.reload();
    await cuttings.openArticle('Hostile page');
    await expect(cuttings.readerFrame.locator('body')).toContainText('It should get none of that');
    await expect(cuttings.readerFrame.locator('script, form, meta')).toHaveCount(0);

    // The window itself, as a compromised page would try it.
    const tried = await appWindow.evaluate(async () => {
      const opened = window.open('https://example.org/popup', '_blank');
      let camera = 'granted';
      try {
        const stream = await navigator.mediaDevices.getUserMedia({ video: true });
        stream.getTracks().forEach((track) => track.stop());
      } catch (error) {
        camera = (error as Error).name;
      }
      const permission = await navigator.permissions.query({ name: 'camera' as PermissionName }).then((status) => status.state, () => 'refused');
      return { opened: opened === null ? 'null' : 'a window', camera, permission };
    });
    expect(tried.opened).toBe('null');
    expect(tried.camera).not.toBe('granted');
    expect(tried.permission).not.toBe('granted');

    // Navigations: record the ones main sees, so the test knows they were tried (and refused)
    // rather than waiting an arbitrary time for something not to happen.
    await app.evaluate(({ BrowserWindow }) => {
      const seen: string[] = [];
      (globalThis as { navigationsSeen?: string[] }).navigationsSeen = seen;
      BrowserWindow.getAllWindows()[0]!.webContents.on('will-navigate', (event) => seen.push(event.url));
    });
    // (Chromium itself may stop the file: one before main hears of it; either way it must fail.)
    await appWindow.evaluate(() => {
      location.href = 'file:///etc/passwd';
    });
    await appWindow.evaluate(() => {
      location.href = 'https://example.org/away';
    });
    await expect
      .poll(() => app.evaluate(() => (globalThis as { navigationsSeen?: string[] }).navigationsSeen ?? []))
      .toContain('https://example.org/away');
    expect(appWindow.url()).toBe('cuttings-app://app/index.html');
    expect(app.windows()).toHaveLength(1);
    await cuttings.waitForReady();
  } finally {
    await app.close();
  }
});
