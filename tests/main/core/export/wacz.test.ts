/**
 * `--format wacz`, checked against WACZ 1.1.1: every file stored, every file in
 * datapackage.json with its true size and SHA-256, datapackage-digest.json the hash of
 * datapackage.json, one page per cutting, and a CDXJ index whose every line points at the
 * record it names — the same records, offsets and lengths warcio's own CDX indexer finds.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CDXIndexer } from 'warcio';
import { getSurt } from 'warcio/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportWacz } from '../../../../main/core/export/wacz';
import { exportArticles } from '../../../../main/core/export';
import { useTempLibrary } from '../../../temp-library';
import { readZip } from '../archive/read-zip';
import { fillHarbourLibrary, startHarbourServer, type HarbourCuttings } from '../archive/web-archive-library';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** warcio's CDXJ lines for a WARC, as its `warcio index --format cdxj` writes them. */
async function warcioIndex(name: string, bytes: Buffer): Promise<{ url: string; offset: number; length: number; status: string }[]> {
  const indexer = new CDXIndexer({ format: 'cdxj' });
  const found: { url: string; offset: number; length: number; status: string }[] = [];
  for await (const cdx of indexer.iterIndex([{ filename: name, reader: [bytes] as unknown as AsyncIterable<Uint8Array> }])) {
    found.push({ url: cdx['url'], offset: Number(cdx['offset']), length: Number(cdx['length']), status: String(cdx['status']) });
  }
  return found;
}

describe('WACZ export, checked against the specification', () => {
  const temp = useTempLibrary({}, 'file');
  let server: Awaited<ReturnType<typeof startHarbourServer>>;
  let ids: HarbourCuttings;
  let entries: Map<string, { method: number; bytes: Buffer }>;

  beforeAll(async () => {
    server = await startHarbourServer();
    ids = await fillHarbourLibrary(temp.library, server.url);
    const path = join(temp.folder, 'harbour.wacz');
    await exportArticles(temp.library, 'wacz', {}, path);
    entries = await readZip(path);
  });
  afterAll(() => server.close());

  const json = (name: string) => JSON.parse(entries.get(name)!.bytes.toString('utf8'));

  it('holds the WACZ layout, every file stored uncompressed', () => {
    expect([...entries.keys()]).toEqual(['archive/data-00001.warc.gz', 'indexes/index.cdxj', 'pages/pages.jsonl', 'datapackage.json', 'datapackage-digest.json']);
    for (const entry of entries.values()) expect(entry.method).toBe(0);
  });

  it('lists every file in datapackage.json with its size and SHA-256, and hashes datapackage.json in the digest', () => {
    const datapackage = json('datapackage.json');
    expect(datapackage).toMatchObject({ profile: 'data-package', wacz_version: '1.1.1', software: expect.stringMatching(/^Cuttings /u) });
    expect(datapackage.resources.map((resource: { path: string }) => resource.path)).toEqual(['archive/data-00001.warc.gz', 'indexes/index.cdxj', 'pages/pages.jsonl']);
    for (const resource of datapackage.resources) {
      const bytes = entries.get(resource.path)!.bytes;
      expect(resource.bytes).toBe(bytes.length);
      expect(resource.hash).toBe(`sha256:${sha256(bytes)}`);
    }
    expect(json('datapackage-digest.json')).toMatchObject({ path: 'datapackage.json', hash: `sha256:${sha256(entries.get('datapackage.json')!.bytes)}` });
    // The library signs it with the user's WACZ key (tests/main/core/export/wacz.evidence.test.ts).
    expect(json('datapackage-digest.json').signedData).toMatchObject({ hash: json('datapackage-digest.json').hash });
  });

  it('lists one page per cutting, with its title and capture time', () => {
    const lines = entries.get('pages/pages.jsonl')!.bytes.toString('utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines[0]).toEqual({ format: 'json-pages-1.0', id: 'pages', title: 'All Pages' });
    const pages = lines.slice(1);
    expect(pages.map((page) => page.id).sort()).toEqual(Object.values(ids).sort());
    const story = pages.find((page) => page.id === ids.story);
    expect(story).toMatchObject({ url: server.url('/story'), title: temp.library.record(ids.story).title });
    expect(Date.parse(story.ts)).not.toBeNaN();
    expect(pages.find((page) => page.id === ids.moved).url).toBe(server.url('/news/ferry'));
  });

  it('indexes every response and resource in a sorted CDXJ whose offsets open the very record named', async () => {
    const warc = entries.get('archive/data-00001.warc.gz')!.bytes;
    const lines = entries.get('indexes/index.cdxj')!.bytes.toString('utf8').trim().split('\n');
    expect([...lines].sort()).toEqual(lines);
    const index = lines.map((line) => {
      const [key, timestamp, ...rest] = line.split(' ');
      return { key, timestamp, ...JSON.parse(rest.join(' ')) };
    });
    for (const entry of index) {
      expect(entry.filename).toBe('data-00001.warc.gz');
      expect(entry.timestamp).toMatch(/^\d{14}$/u);
      const record = gunzipSync(warc.subarray(Number(entry.offset), Number(entry.offset) + Number(entry.length))).toString('latin1');
      expect(record).toMatch(/^WARC\/1\.1\r\n/u);
      expect(record).toContain(`\r\nWARC-Target-URI: ${entry.url}\r\n`);
      expect(record).toMatch(/\r\nWARC-Type: (response|resource)\r\n/u);
      expect(record).toContain(`\r\nWARC-Payload-Digest: ${entry.digest}\r\n`);
    }
    // warcio's indexer, run over the WARC, finds the same records at the same places.
    const theirs = await warcioIndex('data-00001.warc.gz', warc);
    const ours = index.map((entry) => ({ url: entry.url, offset: Number(entry.offset), length: Number(entry.length) }));
    const pick = (list: { url: string; offset: number; length: number }[]) => list.map(({ url, offset, length }) => `${offset} ${length} ${url}`).sort();
    // warcio also indexes metadata records (Cuttings leaves them out: replay tools do not look them up).
    const metadataOffsets = new Set(theirs.filter((entry) => !index.some((ours) => Number(ours.offset) === entry.offset)).map((entry) => entry.offset));
    expect(pick(theirs.filter((entry) => !metadataOffsets.has(entry.offset)))).toEqual(pick(ours));
    for (const offset of metadataOffsets) expect(gunzipSync(warc.subarray(offset)).toString('latin1', 0, 200)).toContain('WARC-Type: metadata');
    // The page the story is, at its own address with its status; its image by its own.
    expect(index.find((entry) => entry.url === server.url('/story'))).toMatchObject({ status: '200', mime: 'text/html' });
    expect(index.find((entry) => entry.url === server.url('/img/fleet.png'))).toMatchObject({ status: '200', mime: 'image/png' });
    expect(index.find((entry) => entry.url === server.url('/ferry'))).toMatchObject({ status: '301' });
    // Keyed as ReplayWeb.page looks a URL up (warcio's getSurt), so that a lookup finds it.
    for (const entry of index) expect(entry.key).toBe(getSurt(entry.url));
  });

  it('starts a new WARC past the size given, each with its warcinfo, the index naming the right one', async () => {
    const path = join(temp.folder, 'split.wacz');
    await exportWacz(temp.library, temp.library.list().map((summary) => temp.library.record(summary.id)), path, { warcFileBytes: 1 });
    const split = await readZip(path);
    const warcs = [...split.keys()].filter((name) => name.startsWith('archive/'));
    expect(warcs).toHaveLength(5);
    for (const name of warcs) expect(gunzipSync(split.get(name)!.bytes).toString('latin1', 0, 40)).toMatch(/^WARC\/1\.1\r\nWARC-Type: warcinfo/u);
    const lines = split.get('indexes/index.cdxj')!.bytes.toString('utf8').trim().split('\n');
    for (const line of lines) {
      const entry = JSON.parse(line.slice(line.indexOf('{')));
      const record = gunzipSync(split.get(`archive/${entry.filename}`)!.bytes.subarray(Number(entry.offset), Number(entry.offset) + Number(entry.length))).toString('latin1');
      expect(record).toContain(`\r\nWARC-Target-URI: ${entry.url}\r\n`);
    }
  });

  it('lets a signature be added to datapackage-digest.json, and only there', async () => {
    const path = join(temp.folder, 'signed.wacz');
    const records = [temp.library.record(ids.story)];
    await exportWacz(temp.library, records, path, { signDigest: async (digest) => ({ signedData: { hash: digest.hash, signature: 'test-signature' } }) });
    const signed = await readZip(path);
    const digest = JSON.parse(signed.get('datapackage-digest.json')!.bytes.toString('utf8'));
    expect(digest).toEqual({ path: 'datapackage.json', hash: `sha256:${sha256(signed.get('datapackage.json')!.bytes)}`, signedData: { hash: digest.hash, signature: 'test-signature' } });
    expect((await readFile(path)).length).toBeGreaterThan(0);
  });
});
