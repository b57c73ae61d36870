// The packaging configuration, checked without building a package (that needs a network):
// it parses, names the targets for each OS, sets the fuses, and packs only the built app.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimatch } from 'minimatch';
import { parse } from 'yaml';
import { REPO_ROOT } from '../paths';

const config = parse(await readFile(join(REPO_ROOT, 'electron-builder.yml'), 'utf8'));
const packageJson = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8'));

// electron-builder's own schema check, the one `npm run dist` runs first (CommonJS inside).
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

/** Whether a path inside the repository would be packed, by the `files` patterns in order (last match wins). */
function packs(path: string): boolean {
  let packed = false;
  for (const pattern of config.files as string[]) {
    const negated = pattern.startsWith('!');
    if (globMatches(negated ? pattern.slice(1) : pattern, path)) packed = !negated;
  }
  return packed;
}

/** Matches as electron-builder does, with minimatch (app-builder-lib's own dependency). */
function globMatches(glob: string, path: string): boolean {
  return minimatch(path, glob, { dot: true });
}

describe('electron-builder.yml', () => {
  it('names the app and its targets for Linux, macOS and Windows', () => {
    expect(config).toMatchObject({ appId: 'org.cuttings.desktop', productName: 'Cuttings', asar: true });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('sets the fuses: no RunAsNode, NODE_OPTIONS or inspect, encrypted cookies, asar checked and required', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packs the built app and nothing from the tests, the bench, the corpora or ../shared', () => {
    expect(config.files).toContain('dist/**/*');
    expect(config.files).toContain('!tests/**');
    expect(config.files.some((pattern: string) => pattern.startsWith('tests') || pattern.includes('shared') || pattern.startsWith('..'))).toBe(false);
    expect(config.extraMetadata.main).toBe(packageJson.main);
    for (const path of ['dist/main/index.js', 'dist/preload/index.cjs', 'dist/renderer/index.html', 'package.json']) {
      expect(packs(path), path).toBe(true);
    }
    for (const path of [
      'dist/main/index.js.map',
      'tests/e2e/electron.spec.ts',
      'tests/fixtures/library-v1/cuttings.json',
      'bench/run.ts',
      'main/index.ts',
      'dist/corpora/bbc/001.txt',
      'dist/fixtures/seed-article.txt',
      'README.md',
    ]) {
      expect(packs(path), path).toBe(false);
    }
  });

  it("passes electron-builder's own schema check", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, linux: { ...config.linux, colour: 'blue' } }, new DebugLogger(false))).rejects.toThrow(/configuration\.linux/u);
  });

  it('has a real 512×512 PNG icon for every OS and opens .html, .htm and .cuttings files', async () => {
    const icon = await readFile(join(REPO_ROOT, 'build', 'icons', '512x512.png'));
    expect(icon.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);
    expect(config.linux.icon).toBe('build/icons');
    expect(config.mac.icon).toBe('build/icons/512x512.png');
    expect(config.win.icon).toBe('build/icons/512x512.png');
    const extensions = (config.fileAssociations as { ext: string | string[] }[]).flatMap((association) => association.ext);
    expect(extensions.sort()).toEqual(['cuttings', 'htm', 'html']);
  });

  it('registers the cuttings: scheme the browser extension links to, and leaves the extension out of the app', () => {
    expect(config.protocols).toEqual([{ name: 'Cuttings link', schemes: ['cuttings'] }]);
    expect(packs('dist/extension/chromium/background.js')).toBe(false);
    expect(packs('dist/main/index.js')).toBe(true);
  });
});
