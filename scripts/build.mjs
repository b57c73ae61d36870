// Builds the four things Cuttings ships, with esbuild, into dist/:
//   dist/main/index.js            the Electron main process (ESM)
//   dist/main/cli/cuttings.js     the `cuttings` command line
//   dist/main/core/search-worker.js  the search index's worker thread (main/core/search/)
//   dist/main/core/clip-worker.js    the thread that clips the articles of a bulk import (main/core/clip/)
//   dist/main/core/ocr-worker.js     the thread that recognises scans in the app (main/core/ocr/)
//   dist/main/core/export-worker.js  the thread that shares a long JSON Lines export (main/core/export/)
//   dist/chunks/                  code the two share, and code loaded only when needed
//                                 (the HTML clipper and jsdom, which take half a second)
//   dist/preload/index.cjs        the preload (CommonJS: sandboxed preloads cannot load ESM)
//   dist/renderer/                the window: main.js, index.html, styles.css (bundled from
//                                 renderer/styles/), and reader.css for the reader's frame
// Why esbuild and not electron-vite: four entry points and a copy step fit in one short
// file that a newcomer can read, and it builds in well under a second.
import { build } from 'esbuild';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const watchless = { logLevel: 'warning', sourcemap: true, target: 'es2023', bundle: true };

// Everything but dist/extension/, the browser extension's own build (build-extension.mjs),
// which the unit tests' rebuild of the app must not take away from the end-to-end tests.
for (const entry of await readdir(out).catch(() => [])) if (entry !== 'extension') await rm(join(out, entry), { recursive: true, force: true });

const nodeCommon = {
  ...watchless,
  platform: 'node',
  format: 'esm',
  // Dependencies stay in node_modules (jsdom cannot be bundled); electron is provided at run time.
  packages: 'external',
};

await Promise.all([
  build({
    ...nodeCommon,
    entryPoints: [
      { in: join(root, 'main/index.ts'), out: 'main/index' },
      { in: join(root, 'main/cli/cuttings.ts'), out: 'main/cli/cuttings' },
      // The workers keep their dist names whatever folder of main/core holds them: the app,
      // the CLI, the harness and the packages load them from there.
      { in: join(root, 'main/core/search/search-worker.ts'), out: 'main/core/search-worker' },
      { in: join(root, 'main/core/clip/clip-worker.ts'), out: 'main/core/clip-worker' },
      { in: join(root, 'main/core/ocr/ocr-worker.ts'), out: 'main/core/ocr-worker' },
      { in: join(root, 'main/core/export/export-worker.ts'), out: 'main/core/export-worker' },
    ],
    outdir: out,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  }),
  build({
    ...watchless,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    entryPoints: [join(root, 'preload/index.ts')],
    outfile: join(out, 'preload/index.cjs'),
  }),
  build({
    ...watchless,
    platform: 'browser',
    format: 'esm',
    entryPoints: [join(root, 'renderer', 'main.ts')],
    outfile: join(out, 'renderer/main.js'),
  }),
  // Each stylesheet is bundled from its @imports into one file (the window's policy allows only
  // its own files, no inline styles), served beside index.html: the reader's frame asks for
  // reader.css by that URL.
  build({
    ...watchless,
    entryPoints: { styles: join(root, 'renderer', 'styles.css'), reader: join(root, 'renderer', 'reader', 'reader.css') },
    outdir: join(out, 'renderer'),
  }),
]);

await mkdir(join(out, 'renderer'), { recursive: true });
await cp(join(root, 'renderer', 'index.html'), join(out, 'renderer', 'index.html'));
