import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipUrl } from '../../../../main/core/fetch/clip-url';
import { readOriginal } from '../../../../main/core/storage/captures';
import { verifyLibrary } from '../../../../main/core/library/verify';
import { PNG, startTestServer, type TestServer } from './test-server';
import { useTempLibrary } from '../../../temp-library';

let server: TestServer;
const temp = useTempLibrary();

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Asserts that nothing was stored: no catalog entry and no capture folder. */
async function expectLibraryEmpty(): Promise<void> {
  expect(temp.library.list()).toEqual([]);
  expect(await readdir(join(temp.library.path, 'articles'))).toEqual([]);
}

describe('clipUrl', () => {
  it('clips a page reached through redirects and records where it came from', async () => {
    const outcome = await clipUrl(temp.library, { url: server.url('/redirect/1'), tags: ['whales'] });
    expect(outcome.status).toBe('added');
    if (outcome.status !== 'added') return;
    const article = await temp.library.get(outcome.article.id);
    expect(article.title).toContain('Māori');
    expect(article.tags).toEqual(['whales']);
    // The page's own address, as its metadata gives it (which scheme is the extractor's call).
    expect(article.url).toMatch(/^https?:\/\/www\.theguardian\.com\/environment\/2019\/jan\/03\/what-is-the-sea-telling-us-maori-tribes-fearful-over-whale-strandings$/u);
    expect(article.provenance).toMatchObject({
      method: 'url',
      originalUrl: server.url('/redirect/1'),
      finalUrl: server.url('/guardian'),
      canonicalUrl: article.url,
      httpStatus: 200,
      contentType: 'text/html',
    });
    expect(article.provenance.captured).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/u);
    expect(article.provenance.textSketch).toMatch(/^[0-9a-f]{128}$/u);
    const original = await readOriginal(temp.library.path, article.id);
    expect(original?.kind).toBe('html');
    expect(article.provenance.originalSha256).toBe(sha256(original!.bytes));
    expect(article.provenance.textSha256).toBe(sha256(Buffer.from(article.text, 'utf8')));
    expect((await verifyLibrary(temp.library)).problems).toEqual([]);
  });

  it('keeps the bytes as received for a compressed page: the decoded body', async () => {
    const outcome = await clipUrl(temp.library, { url: server.url('/brotli') });
    if (outcome.status !== 'added') throw new Error('not added');
    const original = await readOriginal(temp.library.path, outcome.article.id);
    expect(original!.bytes.toString('utf8')).toContain('<html');
  });

  it('decodes a page in the charset it declares', async () => {
    const outcome = await clipUrl(temp.library, { url: server.url('/latin1') });
    if (outcome.status !== 'added') throw new Error('not added');
    expect((await temp.library.get(outcome.article.id)).text).toContain('The pound (£) rose');
  });

  it('stores a PDF with its text extracted and its bytes as the original', async () => {
    const outcome = await clipUrl(temp.library, { url: server.url('/doc.pdf') });
    if (outcome.status !== 'added') throw new Error('not added');
    const article = await temp.library.get(outcome.article.id);
    expect(article.title).toBe('Geneva talks');
    expect(article.text).toContain('Talks on the border went on late into the night, officials said.');
    expect(article.provenance.contentType).toBe('application/pdf');
    const original = await readOriginal(temp.library.path, article.id);
    expect(original?.kind).toBe('pdf');
    expect(original!.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await verifyLibrary(temp.library)).problems).toEqual([]);
  });

  it.each([
    ['/fake.html', 'not a web page: served as text/html, but it is a PNG image'],
    ['/image.png', 'not a web page or a PDF: its content type is image/png; Cuttings clips text/html, application/xhtml+xml and application/pdf'],
    ['/data.json', 'not a web page or a PDF: its content type is application/json; Cuttings clips text/html, application/xhtml+xml and application/pdf'],
    ['/missing', 'the server answered HTTP 404 Not Found'],
    ['/loop/a', /^redirect loop: /u],
  ])('refuses %s naming the URL and why, storing nothing', async (path, reason) => {
    const error = await clipUrl(temp.library, { url: server.url(path) }).then(() => null, (e: Error) => e);
    expect(error).not.toBeNull();
    const prefix = `fetch: ${server.url(path)}: `;
    expect(error!.message.startsWith(prefix)).toBe(true);
    if (typeof reason === 'string') expect(error!.message.slice(prefix.length)).toBe(reason);
    else expect(error!.message.slice(prefix.length)).toMatch(reason);
    await expectLibraryEmpty();
  });

  it('refuses a page with no article, naming the URL', async () => {
    await expect(clipUrl(temp.library, { url: server.url('/no-article') })).rejects.toThrow(`clip: ${server.url('/no-article')} has no article in it`);
    await expectLibraryEmpty();
  });

  it('refuses an oversized body and a timeout, storing nothing', async () => {
    await expect(clipUrl(temp.library, { url: server.url('/endless') }, { maxBytes: 256 * 1024 })).rejects.toThrow(/the page is larger than 256 KB/u);
    await expect(clipUrl(temp.library, { url: server.url('/slow') }, { timeoutMs: 200 })).rejects.toThrow(`fetch: ${server.url('/slow')}: timed out after 0.2 s`);
    await expectLibraryEmpty();
  });

  it('clips a page whose images are served too, keeping them offline in the asset store', async () => {
    const outcome = await clipUrl(temp.library, { url: server.url('/with-images') });
    if (outcome.status !== 'added') throw new Error('not added');
    const article = await temp.library.get(outcome.article.id);
    expect(article.title).toBe('Pictures of the harbour');
    const name = `${sha256(PNG)}.png`;
    expect(article.html).toContain(`src="cuttings-asset:${name}"`);
    expect(article.html).toContain(`data-src="${server.url('/img/harbour.png')}"`);
    expect((await readFile(join(temp.library.path, 'assets', name))).equals(PNG)).toBe(true);
    expect((await verifyLibrary(temp.library)).problems).toEqual([]);
    // An altered image is found by verify.
    await writeFile(join(temp.library.path, 'assets', name), Buffer.from('not the image'));
    expect((await verifyLibrary(temp.library)).problems).toEqual([
      `article ${article.id} ("Pictures of the harbour"): its image assets/${name} does not match its SHA-256`,
      `article ${article.id} ("Pictures of the harbour"): the image ${name} does not match the SHA-256 in its signed manifest`,
    ]);
  });

  it('downloads no images when told not to, and none for a skipped duplicate', async () => {
    const outcome = await clipUrl(temp.library, { url: server.url('/with-images') }, { images: false });
    if (outcome.status !== 'added') throw new Error('not added');
    expect((await temp.library.get(outcome.article.id)).html).not.toContain('cuttings-asset:');
    const hits = server.hits.get('/img/harbour.png') ?? 0;
    await clipUrl(temp.library, { url: server.url('/with-images'), onDuplicate: 'skip' });
    expect(server.hits.get('/img/harbour.png') ?? 0).toBe(hits);
    await expect(readdir(join(temp.library.path, 'assets'))).rejects.toThrow();
  });
});

describe('clipUrl and duplicates', () => {
  it('catches the same page under a tracking address, and stores nothing when asked or told to skip', async () => {
    const first = await clipUrl(temp.library, { url: server.url('/guardian') });
    if (first.status !== 'added') throw new Error('not added');
    for (const onDuplicate of ['ask', 'skip'] as const) {
      const again = await clipUrl(temp.library, { url: `${server.url('/guardian')}?utm_source=twitter&fbclid=abc#comments`, onDuplicate });
      expect(again).toMatchObject({ status: 'duplicate', duplicate: { id: first.article.id, reason: 'same-url' } });
    }
    expect(temp.library.list()).toHaveLength(1);
  });

  it('keeps both, or keeps the second as a version of the first, when told to', async () => {
    const first = await clipUrl(temp.library, { url: server.url('/guardian') });
    if (first.status !== 'added') throw new Error('not added');
    const kept = await clipUrl(temp.library, { url: server.url('/gzip'), onDuplicate: 'keep' });
    expect(kept).toMatchObject({ status: 'added', duplicate: { id: first.article.id } });
    if (kept.status !== 'added') return;
    expect((await temp.library.get(kept.article.id)).provenance.versionOf).toBeUndefined();
    const version = await clipUrl(temp.library, { url: server.url('/brotli'), onDuplicate: 'version' });
    expect(version).toMatchObject({ status: 'added', versionOf: first.article.id });
    if (version.status !== 'added') return;
    expect((await temp.library.get(version.article.id)).provenance.versionOf).toBe(first.article.id);
    expect((await temp.library.versions(version.article.id)).map((r) => r.id)).toEqual([first.article.id, version.article.id]);
    expect(temp.library.list()).toHaveLength(3);
  });

  it('catches a syndicated copy of a story under another header and footer', async () => {
    const first = await clipUrl(temp.library, { url: server.url('/bbc/business/001') });
    if (first.status !== 'added') throw new Error('not added');
    const copy = await clipUrl(temp.library, { url: server.url('/wire/business/001') });
    expect(copy).toMatchObject({ status: 'duplicate', duplicate: { id: first.article.id, reason: 'similar-text' } });
    if (copy.status === 'duplicate') expect(copy.duplicate.similarity).toBeGreaterThanOrEqual(0.8);
  });
});
