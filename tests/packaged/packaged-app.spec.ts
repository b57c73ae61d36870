/**
 * The app as people install it (`npm run test:packaged`): the unpacked app electron-builder
 * made from electron-builder.yml, its code in an asar archive with the release's fuses,
 * driven with Playwright's _electron.launch. What only a packaged app can get wrong: the
 * window loads from cuttings-app:// out of the asar; the search worker and the clip worker
 * start from inside it (a search answers, a JSON Lines import completes); a stored image
 * shows from cuttings-asset:; the Copy button reaches the system clipboard through main's
 * permission policy; a second launch hands its file to the first; the fuses are as released.
 *
 * scripts/test-packaged.mjs builds the app and names its executable in CUTTINGS_PACKAGED_APP;
 * without it each test says in one line why it did not run. Each test gets its own library
 * and profile folder (CUTTINGS_LIBRARY, CUTTINGS_USER_DATA).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { CuttingsPage } from '../e2e/cuttings-page';
import { PNG } from '../main/core/fetch/test-server';

const APP = process.env.CUTTINGS_PACKAGED_APP ?? '';

/** The packaged app's executable, or skips the test saying plainly why. */
function requirePackagedApp(): string {
  if (APP === '' || !existsSync(APP)) {
    const why = APP === '' ? 'CUTTINGS_PACKAGED_APP is not set' : `${APP} does not exist`;
    console.log(`packaged-app.spec.ts: skipped, no packaged app (${why}); run npm run test:packaged, which builds it`);
    test.skip(true, `no packaged app (${why})`);
  }
  return APP;
}

let folder = '';
test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cuttings-packaged-'));
});
test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The environment every launch of a test shares: its library and profile (and so its single-instance lock). */
function appEnvironment(): Record<string, string> {
  const inherited = Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return { ...Object.fromEntries(inherited), CUTTINGS_LIBRARY: join(folder, 'library'), CUTTINGS_USER_DATA: join(folder, 'profile') };
}

/**
 * Chromium's sandbox cannot start for an unpacked Linux build here: its chrome-sandbox helper
 * is not setuid root (the .deb's install script does that), Ubuntu 24.04 and later refuse it
 * user namespaces without the .deb's AppArmor profile, and CI containers run as root, which
 * Chromium refuses outright. The sandbox of the installed packages is not what this test checks.
 */
const SANDBOX_ARGUMENTS = process.platform === 'linux' ? ['--no-sandbox'] : [];

/** Starts the packaged app (with files to open, if any) and waits for its window. */
async function launch(executable: string, files: string[] = []): Promise<{ app: ElectronApplication; cuttings: CuttingsPage }> {
  const app = await electron.launch({ executablePath: executable, args: [...SANDBOX_ARGUMENTS, ...files], cwd: folder, env: appEnvironment() });
  const cuttings = new CuttingsPage(await app.firstWindow());
  await cuttings.waitForReady();
  return { app, cuttings };
}

/** A page saved with SingleFile: its picture (a real PNG, large enough to keep) travels inside it as a data: URI. */
function savedPage(): string {
  const picture = Buffer.concat([PNG, Buffer.alloc(2_000, 7)]);
  return (
    '<!--\n Page saved with SingleFile \n url: https://news.example.org/boats \n-->\n' +
    `<html lang="en"><head><title>Boats in the harbour</title></head><body><article><h1>Boats in the harbour</h1>` +
    `<p>${'The boats came home to the harbour this morning after the storm. '.repeat(12)}</p>` +
    `<img src="data:image/png;base64,${picture.toString('base64')}" alt="The boats">` +
    `<p>${'The harbour master counted every one of them twice. '.repeat(8)}</p></article></body></html>`
  );
}

test('opens from the asar: a file from the command line, a search, a stored image, the clipboard and the fuses', async () => {
  const executable = requirePackagedApp();
  const page = join(folder, 'boats.html');
  await writeFile(page, savedPage());
  const { app, cuttings } = await launch(executable, [page]);
  try {
    expect(cuttings.page.url()).toBe('cuttings-app://app/index.html');
    expect(await app.evaluate(({ app: electronApp }) => ({ packaged: electronApp.isPackaged, name: electronApp.getName() }))).toEqual({ packaged: true, name: 'Cuttings' });

    // The file named at launch was imported (clipped in main), and the search worker answers.
    await cuttings.waitForRow('Boats in the harbour');
    await cuttings.search('harbour master');
    await cuttings.waitForSearchTotal(1);

    // Its picture is in the library's assets and shows in the reader from cuttings-asset:.
    await cuttings.openArticle('Boats in the harbour');
    const image = cuttings.readerFrame.locator('img');
    await expect(image).toHaveAttribute('src', /^cuttings-asset:[0-9a-f]{64}\.png$/u);
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(1);

    // The Copy button puts the pairing token on the system clipboard (main grants the window that one permission).
    await cuttings.browserButton.click();
    await cuttings.browserClippingForm.enabled.check();
    const token = (await cuttings.browserClippingForm.token.textContent()) ?? '';
    expect(token).not.toBe('');
    await cuttings.browserClippingForm.copyToken.click();
    await expect(cuttings.browserClippingForm.copied).toHaveText('Copied the pairing token.');
    expect(await app.evaluate(({ clipboard }) => clipboard.readText())).toBe(token);
    await cuttings.browserClippingForm.close.click();
    expect(cuttings.problems()).toEqual([]);
  } finally {
    await app.close();
  }

  // The fuses, read from the binary: as electron-builder.yml sets them for a release, but the
  // inspect one this test build turns on so that Playwright can attach (scripts/test-packaged.mjs).
  const require = createRequire(import.meta.url);
  const fuses = require('@electron/fuses') as { getCurrentFuseWire(path: string): Promise<Record<number, number>>; FuseV1Options: Record<string, number>; FuseState: Record<string, number> };
  const wire = await fuses.getCurrentFuseWire(executable);
  const state = (name: string) => wire[fuses.FuseV1Options[name]!];
  expect(state('RunAsNode')).toBe(fuses.FuseState.DISABLE);
  expect(state('EnableNodeOptionsEnvironmentVariable')).toBe(fuses.FuseState.DISABLE);
  expect(state('EnableCookieEncryption')).toBe(fuses.FuseState.ENABLE);
  expect(state('EnableEmbeddedAsarIntegrityValidation')).toBe(fuses.FuseState.ENABLE);
  expect(state('OnlyLoadAppFromAsar')).toBe(fuses.FuseState.ENABLE);
  expect(state('EnableNodeCliInspectArguments')).toBe(fuses.FuseState.ENABLE);
});

test('a second launch hands its file to the first, whose clip worker imports the JSON Lines', async () => {
  const executable = requirePackagedApp();
  const { app, cuttings } = await launch(executable);
  try {
    // A Cuttings archive: JSON Lines in the format of `cuttings import`, enough lines for the clip worker.
    const lines = Array.from({ length: 40 }, (_, index) =>
      JSON.stringify({
        title: `Harbour report ${index + 1}`,
        text: `Harbour report ${index + 1}\n\n${`Ship number ${index + 1} came in on the morning tide with its cargo. `.repeat(6)}`,
        source: 'Harbour Gazette',
        tags: ['harbour'],
      }),
    );
    const archive = join(folder, 'week.cuttings');
    await writeFile(archive, `${lines.join('\n')}\n`);

    // The second launch finds the first holding the lock, hands over its argv and quits.
    const second = await promisify(execFile)(executable, [...SANDBOX_ARGUMENTS, archive], { cwd: folder, env: appEnvironment(), timeout: 60_000 }).then(
      () => 0,
      (error: { code?: number }) => error.code ?? -1,
    );
    expect(second).toBe(0);
    await expect(cuttings.statusMessage).toHaveText(/^Imported 40 articles from week\.cuttings/u, { timeout: 60_000 });
    await cuttings.search('tag:harbour');
    await cuttings.waitForSearchTotal(40);
    await cuttings.search('"ship number 17"');
    await cuttings.waitForSearchTotal(1);
    expect(app.windows()).toHaveLength(1);
    expect(cuttings.problems()).toEqual([]);
  } finally {
    await app.close();
  }
});
