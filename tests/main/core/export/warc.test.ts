/**
 * `--format warc`, read back with Webrecorder's warcio (npm), the reader ReplayWeb.page is
 * built on: every record parses, every block digest is the SHA-256 of the block as read,
 * every payload digest is the hash the library stored (the original's SHA-256, an image's
 * name), and each cutting is the records it should be.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_HTTP_KEPT, type CuttingMetadata } from '../../../../main/core/archive/cutting-metadata';
import { exportArticles } from '../../../../main/core/export';
import { useTempLibrary } from '../../../temp-library';
import { readWarc, type ReadRecord } from '../archive/read-warc';
import { fillHarbourLibrary, startHarbourServer, STORY_HTML, type HarbourCuttings } from '../archive/web-archive-library';

const sha256 = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

describe('WARC export, read back with warcio', () => {
  const temp = useTempLibrary({}, 'file');
  let server: Awaited<ReturnType<typeof startHarbourServer>>;
  let ids: HarbourCuttings;
  let records: ReadRecord[];

  beforeAll(async () => {
    server = await startHarbourServer();
    ids = await fillHarbourLibrary(temp.library, server.url);
    const path = join(temp.folder, 'harbour.warc.gz');
    await exportArticles(temp.library, 'warc', {}, path);
    records = await readWarc(path);
  });
  afterAll(() => server.close());

  const metadataOf = (id: string) => {
    const found = records.filter((record) => record.type === 'metadata').map((record) => JSON.parse(record.block.toString('utf8')) as CuttingMetadata).find((metadata) => metadata.record.id === id);
    if (!found) throw new Error(`no metadata record for ${id}`);
    return found;
  };
  const byId = (id: string) => records.find((record) => record.fields['warc-record-id'] === id)!;

  it('starts with a warcinfo record and writes WARC 1.1 records whose block digests match their blocks', () => {
    expect(records[0]!.type).toBe('warcinfo');
    expect(records[0]!.block.toString('utf8')).toContain('software: Cuttings');
    for (const record of records) {
      expect(record.fields['warc-block-digest']).toBe(sha256(record.block));
      expect(Number(record.fields['content-length'])).toBe(record.block.length);
      expect(record.fields['warc-record-id']).toMatch(/^<urn:uuid:[0-9a-f-]{36}>$/u);
    }
    expect(new Set(records.map((record) => record.fields['warc-record-id'])).size).toBe(records.length);
  });

  it('gives every payload digest as the SHA-256 the library stored, and as the bytes read', async () => {
    const withPayload = records.filter((record) => record.fields['warc-payload-digest']);
    expect(withPayload.length).toBeGreaterThan(5);
    for (const record of withPayload) expect(record.fields['warc-payload-digest']).toBe(sha256(record.payload));
    for (const id of Object.values(ids)) {
      const metadata = metadataOf(id);
      const original = byId(metadata.original.record);
      expect(original.fields['warc-payload-digest']).toBe(`sha256:${temp.library.record(id).provenance.originalSha256}`);
      for (const image of metadata.images) expect(byId(image.record).fields['warc-payload-digest']).toBe(`sha256:${image.asset.split('.')[0]}`);
    }
  });

  it('writes a fetched page as its request and response, the response’s body decoded and its encoding named aside', () => {
    const { original } = metadataOf(ids.story);
    const response = byId(original.record);
    expect(response.type).toBe('response');
    expect(response.fields['warc-target-uri']).toBe(server.url('/story'));
    expect(response.head).toMatch(/^HTTP\/1\.1 200 OK\r\n/u);
    expect(response.head).toContain('X-Cuttings-Orig-Content-Encoding: gzip');
    expect(response.head).not.toMatch(/^Content-Encoding:/imu);
    expect(response.head).toContain(`Content-Length: ${Buffer.byteLength(STORY_HTML)}`);
    expect(response.head).toContain('Cache-Control: max-age=300');
    expect(response.payload.toString('utf8')).toBe(STORY_HTML);
    const request = records.find((record) => record.type === 'request' && record.fields['warc-concurrent-to'] === original.record)!;
    expect(request.head).toMatch(/^GET \/story HTTP\/1\.1\r\nHost: 127\.0\.0\.1:\d+\r\nUser-Agent: /u);
  });

  it('writes each image the cutting shows once, as fetched, and the page’s redirects before it', () => {
    const story = metadataOf(ids.story);
    expect(story.images.map((image) => image.url).sort()).toEqual([server.url('/img/fleet.png'), server.url('/img/quay.gif')]);
    expect(story.images.map((image) => byId(image.record).type)).toEqual(['response', 'response']);
    const moved = metadataOf(ids.moved);
    const responses = records.filter((record) => record.type === 'response' && /\/(ferry|ferry-2|news\/ferry)$/u.test(record.fields['warc-target-uri']!));
    expect(responses.map((record) => record.head.split('\r\n')[0])).toEqual(['HTTP/1.1 301 Moved Permanently', 'HTTP/1.1 302 Found', 'HTTP/1.1 200 OK']);
    // The first redirect's body is kept whole, as the second's (empty).
    expect(responses[0]!.payload.toString('utf8')).toBe('<a href="/ferry-2">moved</a>');
    expect(responses[0]!.fields['warc-truncated']).toBeUndefined();
    expect(responses[1]!.payload.length).toBe(0);
    expect(byId(moved.original.record)).toBe(responses[2]);
  });

  it('writes pasted text, a saved file and a page fetched before headers were kept as resource records, and says so', () => {
    const pasted = metadataOf(ids.pasted);
    expect(byId(pasted.original.record)).toMatchObject({ type: 'resource', fields: { 'warc-target-uri': `urn:cuttings:${ids.pasted}`, 'content-type': 'text/plain; charset=utf-8' } });
    expect(pasted.http).toBe('none');
    const saved = metadataOf(ids.saved);
    expect(byId(saved.original.record).fields['warc-target-uri']).toBe('https://harbour.example/lighthouse');
    const old = metadataOf(ids.old);
    expect(byId(old.original.record)).toMatchObject({ type: 'resource', fields: { 'warc-target-uri': 'https://harbour.example/old-pier', 'content-type': 'text/html' } });
    expect(old.http).toBe(NO_HTTP_KEPT);
    expect(metadataOf(ids.story).http).toBe('kept');
  });

  it('carries title, tags, note, highlights and provenance in a metadata record that refers to the page', () => {
    const story = metadataOf(ids.story);
    const record = temp.library.record(ids.story);
    expect(story.record).toEqual(record);
    expect(story.record.tags).toEqual(['harbour', 'fishing/fleet']);
    expect(story.record.note).toBe('Ask the **harbour master** about the late boats.');
    expect(story.record.highlights?.[0]?.quote).toBe('never come home');
    const metadata = records.find((candidate) => candidate.type === 'metadata' && candidate.block.includes(ids.story))!;
    expect(metadata.fields['warc-refers-to']).toBe(story.original.record);
    expect(metadata.fields['content-type']).toBe('application/vnd.cuttings.cutting+json');
    expect(metadata.fields['warc-target-uri']).toBe(server.url('/story'));
  });
});
