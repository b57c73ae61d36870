/**
 * The stored-entry zip a WACZ is written as, opened by readers that are not ours: yauzl (what
 * imports use), Info-ZIP's `unzip -t` and Python's zipfile; with its ZIP64 records forced on,
 * as a WACZ past 4 GiB has them, so that they are checked without writing 4 GiB.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoredZipWriter } from '../../../../main/core/archive/stored-zip';
import { makeTempFolder } from '../../../paths';
import { readZip } from './read-zip';

let folder: Awaited<ReturnType<typeof makeTempFolder>>;
beforeEach(async () => {
  folder = await makeTempFolder();
});
afterEach(async () => {
  await folder.remove();
});

/** Writes a zip of three entries (one streamed in chunks) and returns its path and what each entry came to. */
async function writeZip(name: string, zip64From?: number) {
  const chunks: Buffer[] = [];
  const zip = new StoredZipWriter({ write: async (chunk) => void chunks.push(Buffer.from(chunk)) }, new Date('2024-05-06T07:08:10Z'), zip64From);
  const results = [await zip.add('datapackage.json', Buffer.from('{"a":1}\n'))];
  const streamed = await zip.entry('archive/data-00001.warc.gz');
  const parts = [Buffer.alloc(70_000, 1), Buffer.from('middle'), Buffer.alloc(3, 2)];
  for (const part of parts) await streamed.write(part);
  results.push(await streamed.end());
  results.push(await zip.add('pages/pages.jsonl', Buffer.alloc(0)));
  await zip.end();
  const path = join(folder.path, name);
  await writeFile(path, Buffer.concat(chunks));
  return { path, results, warc: Buffer.concat(parts) };
}

describe('StoredZipWriter', () => {
  for (const [label, zip64From] of [['a small zip', undefined], ['a zip with ZIP64 records', 0]] as const) {
    it(`writes ${label} that yauzl, unzip and Python's zipfile read, every entry stored with its size and SHA-256`, async () => {
      const { path, results, warc } = await writeZip('test.zip', zip64From);
      const entries = await readZip(path);
      expect([...entries.keys()]).toEqual(['datapackage.json', 'archive/data-00001.warc.gz', 'pages/pages.jsonl']);
      expect(entries.get('archive/data-00001.warc.gz')!.bytes.equals(warc)).toBe(true);
      for (const entry of entries.values()) expect(entry.method).toBe(0);
      expect(results[1]).toEqual({ name: 'archive/data-00001.warc.gz', bytes: warc.length, sha256: createHash('sha256').update(warc).digest('hex') });
      expect(execFileSync('unzip', ['-t', path], { encoding: 'utf8' })).toContain('No errors detected');
      const python = execFileSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip(), [(i.filename, i.file_size, i.compress_type, i.date_time) for i in z.infolist()])', path], { encoding: 'utf8' });
      expect(python).toContain("None [('datapackage.json', 8, 0, (2024, 5, 6, 7, 8, 10)), ('archive/data-00001.warc.gz', 70009, 0,");
    });
  }

  it('refuses a second entry while one is open', async () => {
    const zip = new StoredZipWriter({ write: async () => undefined }, new Date());
    await zip.entry('a');
    await expect(zip.entry('b')).rejects.toThrow('zip: b started while another entry is open');
  });
});
