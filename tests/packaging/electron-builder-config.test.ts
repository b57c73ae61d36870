// The packaging configuration, checked without building a package (that needs a network):
// it parses, names the targets for each OS, sets the fuses, and packs only the built app.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../paths';

const config = parse(await readFile(join(REPO_ROOT, 'electron-builder.yml'), 'utf8'));
const packageJson = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8'));

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

  it('packs the built app and nothing from the tests or the corpora', () => {
    expect(config.files).toContain('dist/**/*');
    expect(config.files).toContain('!tests/**');
    expect(config.files.some((pattern: string) => pattern.startsWith('tests') || pattern.includes('shared'))).toBe(false);
    expect(config.extraMetadata.main).toBe(packageJson.main);
  });
});
