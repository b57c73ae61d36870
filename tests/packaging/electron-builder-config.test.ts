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
    // The .deb first: it installs the AppArmor profile Ubuntu 24.04 asks of Chromium's sandbox.
    expect(config.linux.target).toEqual(['deb', 'AppImage']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('sets the fuses: no RunAsNode, NODE_OPTIONS or inspect, encrypted cookies, asar checked and required, and signs again on macOS', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // Flipping fuses breaks the ad-hoc signature; an unsigned Apple Silicon build is killed without a new one.
      resetAdHocDarwinSignature: true,
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

  it('has a real 512×512 PNG icon for every OS', async () => {
    const icon = await readFile(join(REPO_ROOT, 'build', 'icons', '512x512.png'));
    expect(icon.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);
    expect(config.linux.icon).toBe('build/icons');
    expect(config.mac.icon).toBe('build/icons/512x512.png');
    expect(config.win.icon).toBe('build/icons/512x512.png');
  });

  it('owns .cuttings everywhere and offers web pages without taking them over on any OS', () => {
    /** The associations electron-builder registers on one OS: the top level's and the platform's. */
    const associations = (os: 'mac' | 'win' | 'linux') => [...(config.fileAssociations ?? []), ...(config[os].fileAssociations ?? [])] as { ext: string | string[]; rank?: string; mimeType?: string }[];
    const extensions = (os: 'mac' | 'win' | 'linux') => associations(os).flatMap((association) => association.ext).sort();
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'cuttings', mimeType: 'application/x-cuttings-archive', rank: 'Owner' })]);
    // macOS: listed under Open With, never the default (LSHandlerRank Alternate).
    expect(extensions('mac')).toEqual(['cuttings', 'htm', 'html']);
    expect(associations('mac').find((association) => association.ext.includes('html'))?.rank).toBe('Alternate');
    // Windows: NSIS would make any association the default handler, so HTML is not one; the
    // installer script adds Cuttings to Open With only (tests/packaging/nsis-installer.test.ts).
    expect(extensions('win')).toEqual(['cuttings']);
    expect(config.nsis.include).toBe('build/installer.nsh');
    // Linux: text/html in the desktop entry only (tests/packaging/linux-packages.test.ts).
    expect(extensions('linux')).toEqual(['cuttings']);
    expect(config.linux.mimeTypes).toEqual(['text/html']);
  });

  it('registers the cuttings: scheme the browser extension links to, and leaves the extension out of the app', () => {
    expect(config.protocols).toEqual([{ name: 'Cuttings link', schemes: ['cuttings'] }]);
    expect(packs('dist/extension/chromium/background.js')).toBe(false);
    expect(packs('dist/main/index.js')).toBe(true);
  });
});
