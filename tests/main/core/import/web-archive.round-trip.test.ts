/**
 * A library exported to WACZ (or WARC) and imported into an empty one: the same cuttings —
 * ids, texts, tags, notes, highlights, provenance and hashes — and their images, every hash
 * checked by `cuttings verify`; imported again, each is a duplicate.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportArticles } from '../../../../main/core/export';
import { importPath } from '../../../../main/core/import';
import { Library } from '../../../../main/core/library';
import { verifyLibrary } from '../../../../main/core/library/verify';
import { readCapture, readOriginal } from '../../../../main/core/storage/captures';
import { readAsset, assetReferences } from '../../../../main/core/storage/assets';
import { useTempLibrary } from '../../../temp-library';
import { fillHarbourLibrary, startHarbourServer } from '../archive/web-archive-library';

describe('web archives, there and back', () => {
  const temp = useTempLibrary({}, 'file');
  let server: Awaited<ReturnType<typeof startHarbourServer>>;

  beforeAll(async () => {
    server = await startHarbourServer();
    await fillHarbourLibrary(temp.library, server.url);
  });
  afterAll(() => server.close());

  for (const format of ['wacz', 'warc'] as const) {
    it(`${format}: an empty library gets the same cuttings, texts, tags, notes, highlights and hashes, and its images`, async () => {
      const path = join(temp.folder, `harbour.${format === 'wacz' ? 'wacz' : 'warc.gz'}`);
      await exportArticles(temp.library, format, {}, path);
      const copy = await Library.open(join(temp.folder, `copy-${format}`));
      try {
        const report = await importPath(copy, path);
        expect(report).toMatchObject({ format, imported: 5, duplicates: [], failed: [] });
        const ids = temp.library.list().map((summary) => summary.id).sort();
        expect(copy.list().map((summary) => summary.id).sort()).toEqual(ids);
        for (const id of ids) {
          expect(copy.record(id)).toEqual(temp.library.record(id));
          expect(await copy.get(id)).toEqual(await temp.library.get(id));
          expect(await readCapture(copy.path, id)).toEqual(await readCapture(temp.path, id));
          expect((await readOriginal(copy.path, id)).bytes.equals((await readOriginal(temp.path, id)).bytes)).toBe(true);
          for (const asset of assetReferences((await copy.get(id)).html)) expect(await readAsset(copy.path, asset)).not.toBeNull();
        }
        expect((await verifyLibrary(copy)).problems).toEqual([]);
        // Found by search like any cutting.
        expect((await copy.search('harbour master')).total).toBeGreaterThan(0);
        // And again: every one is already there.
        const again = await importPath(copy, path);
        expect(again.imported).toBe(0);
        expect(again.duplicates).toHaveLength(5);
        expect(again.duplicates[0]!.reason).toMatch(/^an article with id .* is already in the library$/u);
      } finally {
        await copy.close();
      }
    });
  }
});
