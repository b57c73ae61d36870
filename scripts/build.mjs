// Builds the four things Cuttings ships, with esbuild, into dist/:
//   dist/main/index.js            the Electron main process (ESM)
//   dist/main/cli/cuttings.js     the `cuttings` command line
//   dist/main/core/search-worker.js  the search index's worker thread
//   dist/main/core/clip-worker.js    the thread that clips the articles of a bulk import
//   dist/chunks/                  code the two share, and code loaded only when needed
//                                 (the HTML clipper and jsdom, which take half a second)
//   dist/preload/index.cjs        the preload (CommonJS: sandboxed preloads cannot load ESM)
//   dist/renderer/                the window: main.js, index.html, styles
// Why esbuild and not electron-vite: four entry points and a copy step fit in one short
// file that a newcomer can read, and it builds in well under a second.
import { build } from 'esbuild';
import { cp, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const watchless = { logLevel: 'warning', sourcemap: true, target: 'es2023', bundle: true };

await rm(out, { recursive: true, force: true });

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
    entryPoints: [join(root, 'main/index.ts'), join(root, 'main/cli/cuttings.ts'), join(root, 'main/core/search-worker.ts'), join(root, 'main/core/clip-worker.ts')],
    outdir: out,
    outbase: root,
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
]);

await mkdir(join(out, 'renderer'), { recursive: true });
// The reader's stylesheet is served beside index.html: the reader frame names it by that URL.
for (const [from, to] of [['index.html', 'index.html'], ['styles.css', 'styles.css'], ['reader/reader.css', 'reader.css']]) {
  await cp(join(root, 'renderer', from), join(out, 'renderer', to));
}
