import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsStore } from '../../../../main/core/settings/settings-store';
import { makeTempFolder } from '../../../paths';

let folder: { path: string; remove: () => Promise<void> };
let file: string;
beforeEach(async () => {
  folder = await makeTempFolder();
  file = join(folder.path, 'settings.json');
});
afterEach(async () => folder.remove());

describe('SettingsStore', () => {
  it('starts from the defaults when there is no file, and writes a change to disk before resolving', async () => {
    const store = await SettingsStore.open(file);
    expect(store.current).toEqual(DEFAULT_SETTINGS);
    expect(await store.update({ theme: 'dark', libraryPath: '/data/cuttings' })).toEqual({
      version: 1,
      theme: 'dark',
      libraryPath: '/data/cuttings',
    });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(store.current);
    expect((await SettingsStore.open(file)).current).toEqual(store.current);
  });

  it('creates the profile folder on the first write', async () => {
    const nested = join(folder.path, 'profile', 'Cuttings', 'settings.json');
    const store = await SettingsStore.open(nested);
    await store.update({ theme: 'light' });
    expect(JSON.parse(await readFile(nested, 'utf8'))).toMatchObject({ theme: 'light' });
  });

  it('refuses a bad value with a message naming it, and writes nothing', async () => {
    const store = await SettingsStore.open(file);
    await store.update({ theme: 'light' });
    await expect(store.update({ theme: 'blue' as never, libraryPath: '/data/other' })).rejects.toThrow('settings: theme must be system, light or dark, not "blue"');
    await expect(store.update({ libraryPath: '  ' })).rejects.toThrow('settings: libraryPath must be a folder or null, not "  "');
    expect(store.current).toEqual({ version: 1, theme: 'light', libraryPath: null });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, theme: 'light', libraryPath: null });
  });

  it('moves a file that is not JSON aside, keeps it, and says so', async () => {
    await writeFile(file, '{"theme": "dark"');
    const store = await SettingsStore.open(file);
    expect(store.current).toEqual(DEFAULT_SETTINGS);
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]).toMatch(/^settings: .*settings\.json was damaged \(it is not JSON .*\); it was moved to .*settings\.json\.damaged-.* and the defaults are used$/u);
    const aside = (await readdir(folder.path)).filter((name) => name.startsWith('settings.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(folder.path, aside[0]!), 'utf8')).toBe('{"theme": "dark"');
  });

  it('keeps the good fields of a file with a bad one, and names the bad one', async () => {
    await writeFile(file, JSON.stringify({ version: 1, theme: 'purple', libraryPath: '/data/lib' }));
    const store = await SettingsStore.open(file);
    expect(store.current).toEqual({ version: 1, theme: 'system', libraryPath: '/data/lib' });
    expect(store.notices).toEqual([`settings: ${file}: theme "purple" is not system, light or dark; the default is used instead`]);
  });

  it('lets go of the browserEndpoint switch an earlier version wrote, without a notice', async () => {
    await writeFile(file, JSON.stringify({ version: 1, theme: 'dark', browserEndpoint: true, libraryPath: '/data/lib' }));
    const store = await SettingsStore.open(file);
    expect(store.current).toEqual({ version: 1, theme: 'dark', libraryPath: '/data/lib' });
    expect(store.notices).toEqual([]);
  });
});
