// Writing many files with one flush: data given as text or made by a function as it is
// written; a file whose data cannot be made leaves every target as it was and no temporary file.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFilesDurably } from '../../../../main/core/storage/durable-file';
import { makeTempFolder } from '../../../paths';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await makeTempFolder();
});
afterEach(() => folder.remove());

describe('writeFilesDurably', () => {
  it('writes text, bytes and data made by a function, many more files than it makes at once', async () => {
    const files: Parameters<typeof writeFilesDurably>[0] = Array.from({ length: 40 }, (_, i) => {
      const path = join(folder.path, `f${i}.json`);
      if (i % 3 === 0) return [path, `text ${i}`];
      if (i % 3 === 1) return [path, Buffer.from(`bytes ${i}`)];
      return [path, async () => `made ${i}`];
    });
    expect((await writeFilesDurably(files)).size).toBe(0);
    expect(await readFile(join(folder.path, 'f0.json'), 'utf8')).toBe('text 0');
    expect(await readFile(join(folder.path, 'f1.json'), 'utf8')).toBe('bytes 1');
    expect(await readFile(join(folder.path, 'f38.json'), 'utf8')).toBe('made 38');
    expect((await readdir(folder.path)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('throws when a file\'s data cannot be made, leaving every target as it was and no temporary file', async () => {
    await writeFile(join(folder.path, 'a.json'), 'old a');
    const files: Parameters<typeof writeFilesDurably>[0] = [
      [join(folder.path, 'a.json'), 'new a'],
      [join(folder.path, 'b.json'), async () => Promise.reject(new Error('cannot make b'))],
      ...Array.from({ length: 30 }, (_, i): [string, string] => [join(folder.path, `c${i}.json`), 'c']),
    ];
    await expect(writeFilesDurably(files)).rejects.toThrow('cannot make b');
    expect((await readdir(folder.path)).sort()).toEqual(['a.json']);
    expect(await readFile(join(folder.path, 'a.json'), 'utf8')).toBe('old a');
  });
});
