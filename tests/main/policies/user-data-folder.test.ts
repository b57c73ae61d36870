import { existsSync, statSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareUserDataFolder } from '../../../main/policies/user-data-folder';

let folder = '';
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cuttings-user-data-'));
});
afterEach(async () => {
  await chmod(folder, 0o700);
  await rm(folder, { recursive: true, force: true });
});

describe('prepareUserDataFolder', () => {
  it('resolves a relative path against the launch folder and creates it, parents and all', () => {
    const prepared = prepareUserDataFolder('profiles/work', folder);
    expect(prepared).toBe(join(folder, 'profiles', 'work'));
    expect(statSync(prepared!).isDirectory()).toBe(true);
    // Again, on the folder that now exists: the same answer, no error.
    expect(prepareUserDataFolder(`./profiles/../profiles/work`, folder)).toBe(prepared);
  });

  it('keeps an absolute path as it is', () => {
    const absolute = join(folder, 'profile');
    expect(prepareUserDataFolder(absolute, '/somewhere/else')).toBe(absolute);
    expect(existsSync(absolute)).toBe(true);
  });

  it('is null when the variable is unset or empty', () => {
    expect(prepareUserDataFolder(undefined, folder)).toBeNull();
    expect(prepareUserDataFolder('', folder)).toBeNull();
    expect(prepareUserDataFolder('  ', folder)).toBeNull();
  });

  it('says in one line why a path cannot be the profile folder', async () => {
    await writeFile(join(folder, 'taken'), 'a file');
    expect(() => prepareUserDataFolder('taken', folder)).toThrow(`cuttings: CUTTINGS_USER_DATA ${join(folder, 'taken')} cannot be used as the profile folder: a file of that name is in the way`);
    expect(() => prepareUserDataFolder('taken/profile', folder)).toThrow(`cuttings: CUTTINGS_USER_DATA ${join(folder, 'taken', 'profile')} cannot be used as the profile folder: a file stands where a folder should be`);
  });

  it.skipIf(process.getuid?.() === 0)('names a folder it may not write (not as root, who may write anywhere)', async () => {
    await chmod(folder, 0o500);
    expect(() => prepareUserDataFolder('profile', folder)).toThrow(/cannot be used as the profile folder: permission denied$/u);
  });
});
