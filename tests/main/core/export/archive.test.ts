import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportArchive, type ArchiveManifest } from '../../../../main/core/export/archive';
import { importArchive } from '../../../../main/core/import/archive';
import { Library } from '../../../../main/core/library';
import { readCapture, readOriginal } from '../../../../main/core/storage/captures';
import { verifyLibrary } from '../../../../main/core/library/verify';
import { makeTempFolder, SHARED } from '../../../paths';
import { libraryWith, storedArticles } from './random-articles';

let folder: Awaited<ReturnType<typeof makeTempFolder>>;
beforeEach(async () => {
  folder = await makeTempFolder();
});
afterEach(async () => {
  await folder.remove();
});

const all = (library: Library) => library.list().map((a) => library.record(a.id));

async function manifestOf(path: string): Promise<ArchiveManifest> {
  return JSON.parse(Buffer.from(unzipSync(await readFile(path))['manifest.json']!).toString('utf8'));
}

describe('the Cuttings archive', () => {
  it('export, import into an empty library, export again: the same manifest apart from the time (random articles)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(storedArticles, async (items) => {
        run++;
        const first = join(folder.path, `first${run}.zip`);
        const second = join(folder.path, `second${run}.zip`);
        const a = await libraryWith(join(folder.path, `a${run}`), items);
        await exportArchive(a, all(a), first, { now: new Date('2024-01-01T00:00:00Z') }).finally(() => a.close());
        const b = await Library.open(join(folder.path, `b${run}`));
        try {
          const report = await importArchive(b, first);
          expect(report).toEqual({ format: 'archive', imported: items.length, urlOnly: 0, duplicates: [], failed: [], unfetched: [] });
          await exportArchive(b, all(b), second, { now: new Date('2025-02-02T00:00:00Z') });
          for (const item of items) {
            expect(b.record(item.record.id)).toEqual(item.record);
            const content = await readCapture(b.path, item.record.id);
            expect(content.text).toBe(item.content.text);
            expect(content.html).toBe(item.content.html);
            expect((await readOriginal(b.path, item.record.id))?.bytes.equals(Buffer.from(item.original))).toBe(true);
          }
        } finally {
          await b.close();
        }
        const [one, two] = [await manifestOf(first), await manifestOf(second)];
        expect(two.exported).not.toBe(one.exported);
        expect({ ...two, exported: '' }).toEqual({ ...one, exported: '' });
      }),
      { numRuns: 15 },
    );
  });

  it('lists every file with its size and SHA-256, and a re-import skips what is there', async () => {
    const a = await Library.open(join(folder.path, 'a'));
    const text = await readFile(join(SHARED, 'corpora', 'bbc', 'politics', '001.txt'), 'latin1');
    await a.addText({ text, tags: ['politics'] });
    await a.addHtml({ html: await readFile(join(SHARED, 'corpora', 'readability-pages', '001', 'source.html'), 'utf8') });
    const path = join(folder.path, 'a.zip');
    const manifest = await exportArchive(a, all(a), path).finally(() => a.close());
    const files = unzipSync(await readFile(path));
    expect(Object.keys(files).sort()).toEqual([...manifest.files.map((file) => file.path), 'manifest.json'].sort());
    const { createHash } = await import('node:crypto');
    for (const file of manifest.files) {
      expect(files[file.path]!.byteLength).toBe(file.bytes);
      expect(createHash('sha256').update(files[file.path]!).digest('hex')).toBe(file.sha256);
    }
    const b = await Library.open(join(folder.path, 'b'));
    try {
      expect((await importArchive(b, path)).imported).toBe(2);
      expect((await verifyLibrary(b)).problems).toEqual([]);
      const again = await importArchive(b, path);
      expect(again.imported).toBe(0);
      expect(again.duplicates.map((d) => d.reason)).toEqual(expect.arrayContaining([expect.stringMatching(/^an article with id \w{26} is already in the library$/u)]));
      expect(b.info().articles).toBe(2);
    } finally {
      await b.close();
    }
  });
});
