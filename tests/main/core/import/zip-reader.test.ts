import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ZIP_LIMITS, SafeZip, unsafeName } from '../../../../main/core/import/zip-reader';
import { makeTempFolder } from '../../../paths';

let folder: Awaited<ReturnType<typeof makeTempFolder>>;
beforeEach(async () => {
  folder = await makeTempFolder();
});
afterEach(async () => {
  await folder.remove();
});

/** Writes a zip made here and now with fflate, which writes whatever names it is given. */
async function zipFile(name: string, files: Zippable): Promise<string> {
  const path = join(folder.path, name);
  await writeFile(path, zipSync(files));
  return path;
}

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('opening a zip to import', () => {
  it('refuses an entry that climbs out with ..', async () => {
    const path = await zipFile('dots.zip', { 'manifest.json': bytes('{}'), 'articles/../../evil.sh': bytes('rm -rf ~') });
    await expect(SafeZip.open(path)).rejects.toThrow(`archive: refused ${path}: entry "articles/../../evil.sh" climbs out of the archive with ".."`);
  });

  it('refuses absolute paths, drive letters and backslashes', async () => {
    for (const [name, fault] of [
      ['/etc/passwd', 'is an absolute path'],
      ['C:/Windows/win.ini', 'starts with a drive letter'],
      ['articles\\..\\evil', 'has a backslash in its name'],
    ]) {
      const path = await zipFile(`bad-${fault!.length}.zip`, { [name!]: bytes('x') });
      await expect(SafeZip.open(path)).rejects.toThrow(`entry ${JSON.stringify(name)} ${fault}`);
    }
  });

  it('refuses a symbolic link', async () => {
    const path = await zipFile('link.zip', { 'articles/link': [bytes('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] });
    await expect(SafeZip.open(path)).rejects.toThrow(`archive: refused ${path}: entry "articles/link" is a symbolic link`);
  });

  it('refuses a zip bomb: an entry that inflates hundreds of times', async () => {
    const path = await zipFile('bomb.zip', { 'catalog.jsonl': [new Uint8Array(50 * 1024 * 1024), { level: 9 }] });
    await expect(SafeZip.open(path)).rejects.toThrow(/entry "catalog\.jsonl" inflates \d+ times \(\d+ → 52428800 bytes\), more than the 200 allowed: a zip bomb/u);
  });

  it('refuses too many entries, too many bytes in all, and one entry too large', async () => {
    const files: Zippable = {};
    for (let i = 0; i < 20; i++) files[`f${i}.txt`] = [bytes(`file ${i} `.repeat(50)), { level: 0 }];
    const path = await zipFile('many.zip', files);
    await expect(SafeZip.open(path, { ...DEFAULT_ZIP_LIMITS, maxEntries: 10 })).rejects.toThrow('it has 20 entries, more than the 10 allowed');
    await expect(SafeZip.open(path, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 5000 })).rejects.toThrow('it would unpack to more than the 5000 bytes allowed');
    await expect(SafeZip.open(path, { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 100 })).rejects.toThrow(/entry "f0\.txt" would unpack to \d+ bytes, more than the 100 allowed for one file/u);
    const zip = await SafeZip.open(path);
    expect(zip.entries.size).toBe(20);
    expect((await zip.read('f3.txt')).toString()).toBe('file 3 '.repeat(50));
    zip.close();
  });

  it('says plainly when the file is not a zip at all', async () => {
    const path = join(folder.path, 'not.zip');
    await writeFile(path, 'just text');
    await expect(SafeZip.open(path)).rejects.toThrow(`archive: ${path} is not a readable zip file`);
  });

  it('accepts ordinary relative names', () => {
    expect(unsafeName('articles/01ABC/article.json')).toBeNull();
    expect(unsafeName('a..b/c')).toBeNull();
    expect(unsafeName('')).toBe('has an empty name');
  });
});
