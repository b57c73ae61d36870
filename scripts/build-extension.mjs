// Builds the browser extension (extension/) for Chromium-based browsers and for Firefox, from
// one source, into dist/extension/:
//   chromium/  and  firefox/     unpacked, to load with "Load unpacked" / about:debugging
//   cuttings-chromium.zip  and  cuttings-firefox.zip    the same, zipped for the stores
// Each holds background.js (the service worker; Firefox runs the same file as an event page,
// having no extension service workers), popup.html/.js, options.html/.js, extension.css,
// icons/ (drawn by make-icon.mjs) and manifest.json: extension/manifest.json with what differs
// per browser added below. The version is package.json's.
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iconPng } from './make-icon.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'extension');
const out = join(root, 'dist', 'extension');

/** What each browser's manifest adds to the shared one. */
const BROWSERS = {
  chromium: {
    background: { service_worker: 'background.js' },
    // chrome.storage.session and scripting's func/args, as used here.
    minimum_chrome_version: '120',
  },
  firefox: {
    background: { scripts: ['background.js'] },
    browser_specific_settings: {
      gecko: {
        id: 'clipper@cuttings.app',
        // 140 (the ESR of 2025) is the first to read data_collection_permissions; MV3 host
        // permissions, storage.session and scripting came before.
        strict_min_version: '140.0',
        // The extension sends pages only to the Cuttings app on the same computer.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  },
};

const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const shared = JSON.parse(await readFile(join(source, 'manifest.json'), 'utf8'));

await rm(out, { recursive: true, force: true });
const scripts = join(out, 'scripts');
await build({
  entryPoints: {
    background: join(source, 'background', 'service-worker.ts'),
    popup: join(source, 'popup', 'popup.ts'),
    options: join(source, 'options', 'options.ts'),
  },
  outdir: scripts,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  // Chromium 120 and Firefox 128 run ES2022 as written; capturePage is sent to the page as
  // source text, so it must reach the bundle untransformed.
  target: ['chrome120', 'firefox128'],
  logLevel: 'warning',
  legalComments: 'none',
});

for (const [browser, extra] of Object.entries(BROWSERS)) {
  const dir = join(out, browser);
  await mkdir(join(dir, 'icons'), { recursive: true });
  await cp(scripts, dir, { recursive: true });
  for (const page of ['popup/popup.html', 'options/options.html', 'ui/extension.css']) await cp(join(source, page), join(dir, page.split('/').pop()));
  for (const size of [16, 32, 48, 128]) await writeFile(join(dir, 'icons', `${size}.png`), iconPng(size));
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify({ ...shared, version, ...extra }, null, 2)}\n`);
  await writeFile(join(out, `cuttings-${browser}.zip`), zipSync(await filesOf(dir), { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
}
await rm(scripts, { recursive: true, force: true });
console.log(`extension: built ${Object.keys(BROWSERS).map((browser) => relative(root, join(out, browser))).join(' and ')}, zipped beside them`);

/** Every file under `dir`, by its path inside it, for the zip. */
async function filesOf(dir) {
  const files = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path).split('\\').join('/')] = new Uint8Array(await readFile(path));
  }
  return files;
}
