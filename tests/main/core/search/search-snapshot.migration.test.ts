// A library whose search snapshot cannot be used — written by version 7 (header first,
// postings loaded whole), cut short, or gone — opens, rebuilds the index from the catalog and
// captures, answers as before, and saves a snapshot of the current version in its place.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_VERSION, snapshotPath } from '../../../../main/core/search/search-snapshot';
import { TERMS_VERSION } from '../../../../main/core/search/search-terms';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary();

/** The file as version 7 laid it out: magic line, u32 header length, JSON header, then the sections. */
function version7Snapshot(): Buffer {
  const header = Buffer.from(JSON.stringify({ version: 7, terms: TERMS_VERSION, coverage: { shardVersions: {}, shards: [], ids: [], signatures: [] }, sections: [] }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.byteLength, 0);
  return Buffer.concat([Buffer.from('CUTTINGS-INDEX\n', 'latin1'), length, header, Buffer.alloc(64)]);
}

describe('a search snapshot that cannot be used', () => {
  it('is rebuilt from the catalog when it is of version 7, cut short or missing', async () => {
    const lavrov = await temp.library.addText({ text: 'Talks\n\nLavrov met the envoys in Geneva.' });
    const harbour = await temp.library.addText({ text: 'Harbour news\n\nThe harbour reopened after the storm.' });
    await temp.library.prepareSearch();
    await temp.library.close();
    const path = snapshotPath(temp.path);
    const current = await readFile(path);
    const damaged: [string, () => Promise<void>][] = [
      ['version 7', () => writeFile(path, version7Snapshot())],
      ['cut short', () => writeFile(path, current.subarray(0, current.length - 100))],
      ['missing', () => rm(path)],
    ];
    for (const [, damage] of damaged) {
      await mkdir(join(temp.path, 'index'), { recursive: true });
      await damage();
      await temp.reopen();
      expect((await temp.library.search('lavrov')).hits.map((hit) => hit.id)).toEqual([lavrov.id]);
      expect((await temp.library.search('harbour')).hits.map((hit) => hit.id)).toEqual([harbour.id]);
      await temp.library.close();
      // Saved anew at close, in the current format: the header at the end, its length in the last four bytes.
      const saved = await readFile(path);
      const headerLength = saved.readUInt32LE(saved.length - 4);
      expect(JSON.parse(saved.toString('utf8', saved.length - 4 - headerLength, saved.length - 4))).toMatchObject({ version: SNAPSHOT_VERSION, terms: TERMS_VERSION });
    }
    await temp.reopen();
  });
});
