/**
 * Bad web archives, each refused with one line naming the file and the fault, and nothing of
 * them in the library: a truncated .warc.gz, a WACZ whose files do not match their hashes, a
 * record claiming 10 GB, a zip entry that climbs out (zip slip), a WARC with no HTML page,
 * and a file that is no WARC at all. Run through `cuttings import` for the exit status and
 * the one line on stderr.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRecord } from '../../../../main/core/archive/warc-record';
import { exportArticles } from '../../../../main/core/export';
import { Library } from '../../../../main/core/library';
import { makeTempFolder } from '../../../paths';
import { runCli } from '../../cli/run-cli';
import { fillHarbourLibrary, PNG, startHarbourServer } from '../archive/web-archive-library';

let folder: Awaited<ReturnType<typeof makeTempFolder>>;
let warc: Buffer;
let wacz: Buffer;

beforeAll(async () => {
  folder = await makeTempFolder();
  const server = await startHarbourServer();
  const library = await Library.open(join(folder.path, 'source'));
  try {
    await fillHarbourLibrary(library, server.url);
    await exportArticles(library, 'warc', {}, join(folder.path, 'good.warc.gz'));
    await exportArticles(library, 'wacz', {}, join(folder.path, 'good.wacz'));
  } finally {
    await library.close();
    await server.close();
  }
  warc = await readFile(join(folder.path, 'good.warc.gz'));
  wacz = await readFile(join(folder.path, 'good.wacz'));
});
afterAll(async () => {
  await folder.remove();
});

let round = 0;
/** Imports `bytes` saved as `name` into a new library; resolves to the one line on stderr, checking that nothing was stored. */
async function refused(name: string, bytes: Buffer): Promise<string> {
  const path = join(folder.path, name);
  await writeFile(path, bytes);
  const library = join(folder.path, `library-${++round}`);
  const result = await runCli(['import', path], { CUTTINGS_LIBRARY: library });
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  // Nothing partial: no article, no capture, no image.
  const opened = await Library.open(library);
  try {
    expect(opened.list()).toEqual([]);
    expect(await readdir(join(library, 'articles')).catch(() => [])).toEqual([]);
    expect(await readdir(join(library, 'assets')).catch(() => [])).toEqual([]);
  } finally {
    await opened.close();
  }
  return result.stderr.trimEnd().replace(`${folder.path}/`, '');
}

/** A WACZ with one stored entry's bytes changed in place (the zip still reads). */
function tampered(entry: string, change: (bytes: Buffer) => void): Buffer {
  const copy = Buffer.from(wacz);
  const at = copy.indexOf(Buffer.from(entry)) + entry.length;
  change(copy.subarray(at, at + 400));
  return copy;
}

describe('bad web archives', () => {
  it('a truncated .warc.gz', async () => {
    const line = await refused('cut.warc.gz', warc.subarray(0, Math.floor(warc.length * 0.7)));
    expect(line).toMatch(/^cuttings: warc: cut\.warc\.gz is truncated: its gzip data ends in or after record \d+ \((request|response|resource|metadata) [^)]+\)$/u);
  });

  it('a .warc whose last record is cut short', async () => {
    const plain = Buffer.concat([encodeRecord({ type: 'resource', date: '2024-01-01T00:00:00Z', targetUri: 'https://x.example/', contentType: 'text/html', block: [Buffer.from('<p>hello</p>'.repeat(50))] }).bytes]);
    const line = await refused('cut.warc', plain.subarray(0, 500));
    expect(line).toMatch(/^cuttings: warc: cut\.warc is truncated: record 1 \(resource https:\/\/x\.example\/\) has \d+ of its 600 bytes$/u);
  });

  it('a WACZ whose WARC does not match its hash in datapackage.json, naming the file', async () => {
    const line = await refused('changed.wacz', tampered('archive/data-00001.warc.gz', (bytes) => void (bytes[300] = bytes[300]! ^ 0xff)));
    expect(line).toMatch(/^cuttings: wacz: refused changed\.wacz: archive\/data-00001\.warc\.gz does not match its hash in datapackage\.json \(sha256:[0-9a-f]{64}\)$/u);
  });

  it('a WACZ whose datapackage.json does not match datapackage-digest.json', async () => {
    const copy = Buffer.from(wacz);
    const at = copy.indexOf('"title": "') + 10;
    copy[at] = copy[at] === 0x58 ? 0x59 : 0x58;
    const line = await refused('retitled.wacz', copy);
    expect(line).toMatch(/^cuttings: wacz: refused retitled\.wacz: datapackage\.json does not match its hash in datapackage-digest\.json \(sha256:[0-9a-f]{64}\)$/u);
  });

  it('a record claiming 10 GB', async () => {
    const info = encodeRecord({ type: 'warcinfo', date: '2024-01-01T00:00:00Z', contentType: 'application/warc-fields', block: [Buffer.from('software: hand\r\n')] }).bytes;
    const huge = Buffer.from('WARC/1.1\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000000>\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: https://x.example/huge\r\nContent-Type: text/html\r\nContent-Length: 10737418240\r\n\r\n<html>');
    const line = await refused('huge.warc.gz', Buffer.concat([gzipSync(info), gzipSync(huge)]));
    expect(line).toBe('cuttings: warc: huge.warc.gz: record 2 (resource https://x.example/huge) claims 10 GB (Content-Length 10737418240), more than the 256 MB Cuttings reads in one record');
  });

  it('a WACZ with an entry that climbs out of it (zip slip)', async () => {
    const slip = Buffer.from(zipSync({ 'datapackage.json': Buffer.from('{"resources":[]}'), '../../evil.sh': Buffer.from('rm -rf ~') }, { level: 0 }));
    const line = await refused('slip.wacz', slip);
    expect(line).toMatch(/^cuttings: wacz: refused .*slip\.wacz: entry "\.\.\/\.\.\/evil\.sh" climbs out of the archive with "\.\."$/u);
  });

  it('a WARC with no HTML pages', async () => {
    const records = [
      encodeRecord({ type: 'warcinfo', date: '2024-01-01T00:00:00Z', contentType: 'application/warc-fields', block: [Buffer.from('software: hand\r\n')] }),
      encodeRecord({ type: 'resource', date: '2024-01-01T00:00:00Z', targetUri: 'https://x.example/a.png', contentType: 'image/png', block: [PNG], payloadFrom: 0 }),
      encodeRecord({ type: 'resource', date: '2024-01-01T00:00:00Z', targetUri: 'https://x.example/b.png', contentType: 'image/png', block: [PNG], payloadFrom: 0 }),
    ];
    const line = await refused('images.warc.gz', Buffer.concat(records.map((record) => gzipSync(record.bytes))));
    expect(line).toBe('cuttings: warc: images.warc.gz holds no HTML pages (3 records: 1 warcinfo, 2 resource); nothing was imported');
  });

  it('a file named .warc that is a web page', async () => {
    const line = await refused('page.warc', Buffer.from('<!doctype html><html><body><p>Not an archive</p></body></html>'));
    expect(line).toBe('cuttings: warc: page.warc is not a WARC file: it does not start with a WARC version line ("<!doctype html><html><body><p>Not an arc…")');
  });
});
