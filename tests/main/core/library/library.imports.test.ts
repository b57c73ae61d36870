/**
 * What opening a library loads. The HTML parsers (jsdom, linkedom), sharp and tesseract.js
 * took 1.2 s to load before a library could open, in the CLI and in the crash test's writer,
 * and in the app's main process before its window, though a library only needs them once a
 * page is clipped or a scan recognised. These tests follow the static imports (esbuild's
 * metafile, as the build bundles them) from the library, the CLI's entry and the app's, and
 * fail when one of those packages comes back onto that path.
 */
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const HEAVY = ['jsdom', 'linkedom', 'sharp', 'tesseract.js', 'dompurify', '@mozilla/readability'];

/** The packages `entry` loads before any of its code runs: its static imports, followed through the source. */
async function packagesLoadedBy(entry: string): Promise<Set<string>> {
  const { metafile } = await build({ entryPoints: [join(root, entry)], bundle: true, write: false, outdir: join(root, 'dist-unused'), format: 'esm', platform: 'node', packages: 'external', external: ['electron'], metafile: true, logLevel: 'silent' });
  const inputs: Metafile['inputs'] = metafile.inputs;
  const seen = new Set([entry]);
  const queue = [entry];
  const packages = new Set<string>();
  while (queue.length > 0) {
    for (const imported of inputs[queue.shift()!]?.imports ?? []) {
      if (imported.kind === 'dynamic-import' || seen.has(imported.path)) continue;
      seen.add(imported.path);
      if (inputs[imported.path]) queue.push(imported.path);
      else if (!imported.path.startsWith('node:')) packages.add(imported.path);
    }
  }
  return packages;
}

describe('what opening a library loads', () => {
  it('is neither an HTML parser nor the OCR engine, which load when a page or a scan comes', async () => {
    const packages = await packagesLoadedBy('main/core/library/index.ts');
    expect(packages.has('lowdb')).toBe(true);
    expect(HEAVY.filter((name) => packages.has(name))).toEqual([]);
  });

  it('is the same for the CLI, whose commands load on use', async () => {
    const packages = await packagesLoadedBy('main/cli/cuttings.ts');
    expect(HEAVY.filter((name) => packages.has(name))).toEqual([]);
  });

  it('is the same for the app, whose main process opens the library before the window shows', async () => {
    const packages = await packagesLoadedBy('main/index.ts');
    expect(packages.has('electron')).toBe(true);
    expect(HEAVY.filter((name) => packages.has(name))).toEqual([]);
  });
});
