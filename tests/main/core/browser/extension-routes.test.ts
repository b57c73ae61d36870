import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserPairingRequest } from '../../../../common/api';
import { ENDPOINT_PATHS, type ExtensionClip } from '../../../../common/browser-protocol';
import { startBrowserEndpoint, type BrowserEndpoint } from '../../../../main/core/browser/browser-endpoint';
import { ExtensionPairings } from '../../../../main/core/browser/extension-pairings';
import { useTempLibrary } from '../../../temp-library';
import { bbcPage, PNG, startTestServer, type TestServer } from '../fetch/test-server';
import { postJson, sendRaw } from './endpoint-client';

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const OTHER_EXTENSION = 'moz-extension://0d3c1f2a-5b6e-4c7d-8e9f-a0b1c2d3e4f5';
const PAGE_URL = 'https://news.example/business/2005/markets';
const IMAGE_URL = 'https://images.news.example/pictures/trader.png';

const temp = useTempLibrary();
let endpoint: BrowserEndpoint;
let pairings: ExtensionPairings;
let asked: BrowserPairingRequest[];
let server: TestServer;

beforeEach(async () => {
  asked = [];
  pairings = new ExtensionPairings({ saved: [], persist: async () => undefined, onRequest: (request) => asked.push(request) });
  endpoint = await startBrowserEndpoint({ library: () => temp.library, pairings, maxExtensionBodyBytes: 4 * 1024 * 1024 });
});
afterEach(async () => {
  await endpoint.close();
});
// One server for the file: it builds a 64 MB gzip bomb when it starts.
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** Pairs the extension as its popup does, the user accepting; returns its token. */
async function pair(origin = EXTENSION): Promise<string> {
  const ask = await postJson(endpoint.port, ENDPOINT_PATHS.pair, { browser: 'Chromium 156', extension: { origin, name: 'Cuttings', version: '0.1.0' } }, { origin });
  expect(ask.status).toBe(202);
  await pairings.answer(ask.json.requestId, true);
  const answer = await postJson(endpoint.port, ENDPOINT_PATHS.pairStatus, { requestId: ask.json.requestId }, { origin });
  expect(answer.json.state).toBe('accepted');
  return answer.json.token as string;
}

/** A page as the extension sends it: the BBC story with a picture from another host. */
function pageClip(extra: Partial<ExtensionClip> = {}): ExtensionClip {
  const html = bbcPage('business/001.txt').replace('</h1>', `</h1><figure><img src="${IMAGE_URL}" alt="A trader"></figure>`);
  return { kind: 'page', url: PAGE_URL, pageTitle: 'Ad sales boost Time Warner profit', html, browser: 'Chromium 156', ...extra };
}

describe('the extension\'s addresses', () => {
  it('pairs through the window: ask, the user accepts, the token is picked up', async () => {
    const ask = await postJson(endpoint.port, ENDPOINT_PATHS.pair, { browser: 'Chromium 156', extension: { origin: EXTENSION, name: 'Cuttings', version: '0.1.0' } }, { origin: EXTENSION });
    expect(ask.status).toBe(202);
    expect(ask.headers['access-control-allow-origin']).toBe(EXTENSION);
    expect(asked).toMatchObject([{ origin: EXTENSION, browser: 'Chromium 156', requestId: ask.json.requestId }]);
    const waiting = await postJson(endpoint.port, ENDPOINT_PATHS.pairStatus, { requestId: ask.json.requestId }, { origin: EXTENSION });
    expect(waiting.json).toEqual({ ok: true, state: 'waiting' });
    await pairings.answer(ask.json.requestId, true);
    const accepted = await postJson(endpoint.port, ENDPOINT_PATHS.pairStatus, { requestId: ask.json.requestId }, { origin: EXTENSION });
    expect(accepted.json).toMatchObject({ ok: true, state: 'accepted' });
    const tags = await postJson(endpoint.port, ENDPOINT_PATHS.tags, {}, { origin: EXTENSION, 'x-cuttings-token': accepted.json.token });
    expect(tags.json).toEqual({ ok: true, tags: [] });
  });

  it('takes no request from a web page, whatever it carries', async () => {
    const token = await pair();
    for (const path of [ENDPOINT_PATHS.pair, ENDPOINT_PATHS.clip, ENDPOINT_PATHS.tags]) {
      const answer = await postJson(endpoint.port, path, pageClip(), { origin: 'https://news.example', 'x-cuttings-token': token });
      expect(answer.status).toBe(403);
      expect(answer.json.error).toBe(`browser endpoint: ${path} is for the Cuttings browser extension; refused a request from "https://news.example"`);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    }
    expect(temp.library.list()).toEqual([]);
  });

  it('refuses an unpaired extension with 401, and another extension\'s token with 403', async () => {
    const none = await postJson(endpoint.port, ENDPOINT_PATHS.clip, pageClip(), { origin: EXTENSION });
    expect(none.status).toBe(401);
    expect(none.json.error).toBe('browser endpoint: the extension is not paired with Cuttings; pair it from its popup');
    const wrong = await postJson(endpoint.port, ENDPOINT_PATHS.clip, pageClip(), { origin: EXTENSION, 'x-cuttings-token': 'a-token-nobody-was-given-000' });
    expect(wrong.status).toBe(401);
    const token = await pair();
    const stolen = await postJson(endpoint.port, ENDPOINT_PATHS.clip, pageClip(), { origin: OTHER_EXTENSION, 'x-cuttings-token': token });
    expect(stolen.status).toBe(403);
    expect(stolen.json.error).toBe(`browser endpoint: the token of ${EXTENSION} was sent by ${OTHER_EXTENSION}`);
    expect(temp.library.list()).toEqual([]);
  });

  it('clips the page as the reader sees it, with the pictures the extension sent, tags, note and provenance', async () => {
    const token = await pair();
    const picture = Buffer.concat([PNG, Buffer.alloc(2000, 7)]);
    const clip = pageClip({ tags: ['markets', 'Time Warner'], note: 'Ask the **press office**.', images: { [IMAGE_URL]: picture.toString('base64') } });
    const answer = await postJson(endpoint.port, ENDPOINT_PATHS.clip, clip, { origin: EXTENSION, 'x-cuttings-token': token });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ ok: true, status: 'added', title: 'Ad sales boost Time Warner profit' });
    const article = await temp.library.get(answer.json.id);
    expect(article.tags).toEqual(['markets', 'Time Warner']);
    expect(article.note).toBe('Ask the **press office**.');
    expect(article.provenance).toMatchObject({ method: 'browser', clipper: 'extension', browser: 'Chromium 156', originalUrl: PAGE_URL, finalUrl: PAGE_URL });
    // The picture came from the extension (images.news.example does not exist), and is kept offline.
    const asset = /src="cuttings-asset:([0-9a-f]{64}\.png)"/u.exec(article.html)?.[1];
    expect(asset).toBeDefined();
    expect(existsSync(join(temp.path, 'assets', asset!))).toBe(true);
    // The note is searchable like one written in the app.
    expect((await temp.library.search('press office')).hits.map((hit) => hit.id)).toEqual([answer.json.id]);
  });

  it('previews the title and the duplicate, and offers the app\'s three answers to a duplicate', async () => {
    const token = await pair();
    const headers = { origin: EXTENSION, 'x-cuttings-token': token };
    const preview = await postJson(endpoint.port, ENDPOINT_PATHS.preview, pageClip(), headers);
    expect(preview.json).toEqual({ ok: true, title: 'Ad sales boost Time Warner profit', duplicate: null });
    expect(temp.library.list()).toEqual([]);

    const first = await postJson(endpoint.port, ENDPOINT_PATHS.clip, pageClip(), headers);
    const again = await postJson(endpoint.port, ENDPOINT_PATHS.preview, pageClip(), headers);
    expect(again.json.duplicate).toMatchObject({ id: first.json.id, reason: 'same-url' });

    const asked = await postJson(endpoint.port, ENDPOINT_PATHS.clip, pageClip(), headers);
    expect(asked.json).toMatchObject({ ok: true, status: 'duplicate', duplicate: { id: first.json.id } });
    const skipped = await postJson(endpoint.port, ENDPOINT_PATHS.clip, pageClip({ onDuplicate: 'skip' }), headers);
    expect(skipped.json.status).toBe('duplicate');
    expect(temp.library.list()).toHaveLength(1);
    const kept = await postJson(endpoint.port, ENDPOINT_PATHS.clip, pageClip({ onDuplicate: 'keep' }), headers);
    expect(kept.json).toMatchObject({ status: 'added', duplicate: { id: first.json.id } });
    const versioned = await postJson(endpoint.port, ENDPOINT_PATHS.clip, pageClip({ onDuplicate: 'version' }), headers);
    expect(temp.library.record(versioned.json.id).provenance.versionOf).toBe(first.json.id);
    expect(temp.library.list()).toHaveLength(3);
  });

  it('clips a selection under the page\'s title, and a link by fetching it', async () => {
    const token = await pair();
    const headers = { origin: EXTENSION, 'x-cuttings-token': token };
    const words = 'Fishermen said the catch was the best in years. '.repeat(8).trim();
    const selection = await postJson(endpoint.port, ENDPOINT_PATHS.clip, { kind: 'selection', url: PAGE_URL, pageTitle: 'Harbour news', selectionHtml: `<p>${words}</p>` }, headers);
    expect(selection.json).toMatchObject({ status: 'added', title: 'Harbour news' });
    expect((await temp.library.get(selection.json.id)).text).toBe(words);

    const link = await postJson(endpoint.port, ENDPOINT_PATHS.clip, { kind: 'link', url: PAGE_URL, linkUrl: server.url('/bbc/business/001'), tags: ['linked'], browser: 'Firefox 140' }, headers);
    expect(link.json).toMatchObject({ status: 'added', title: 'Ad sales boost Time Warner profit' });
    const stored = await temp.library.get(link.json.id);
    expect(stored.tags).toEqual(['linked']);
    expect(stored.provenance).toMatchObject({ method: 'browser', clipper: 'extension', browser: 'Firefox 140', originalUrl: server.url('/bbc/business/001'), httpStatus: 200 });
  });

  it('stops a revoked extension at once', async () => {
    const token = await pair();
    await pairings.revoke(pairings.list()[0]!.id);
    const answer = await postJson(endpoint.port, ENDPOINT_PATHS.clip, pageClip(), { origin: EXTENSION, 'x-cuttings-token': token });
    expect(answer.status).toBe(401);
    expect(answer.json.error).toBe('browser endpoint: Cuttings no longer accepts this extension (its pairing was revoked or never made); pair it again from its popup');
    expect(temp.library.list()).toEqual([]);
  });

  it('takes Firefox\'s requests without an Origin, known by the token', async () => {
    const token = await pair(OTHER_EXTENSION);
    const answer = await postJson(endpoint.port, ENDPOINT_PATHS.clip, pageClip(), { 'x-cuttings-token': token });
    expect(answer.json.status).toBe('added');
    const preflight = await sendRaw(endpoint.port, { path: ENDPOINT_PATHS.clip, method: 'OPTIONS', headers: { origin: OTHER_EXTENSION, 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(OTHER_EXTENSION);
  });

  it('refuses bad clips with one line each, storing nothing', async () => {
    const token = await pair();
    const headers = { origin: EXTENSION, 'x-cuttings-token': token };
    const cases: [unknown, string][] = [
      [{ kind: 'page', url: 'file:///home/ann/story.html', html: '<p>x</p>' }, 'browser endpoint: "url" must be the page\'s http(s) address, not "file:///home/ann/story.html"'],
      [{ kind: 'page', url: 'chrome://settings', html: '<p>x</p>' }, 'browser endpoint: "url" must be the page\'s http(s) address, not "chrome://settings"'],
      [{ kind: 'tab', url: PAGE_URL }, 'browser endpoint: "kind" must be "page", "selection" or "link", not "tab"'],
      [{ kind: 'page', url: PAGE_URL }, 'browser endpoint: a page clip needs "html", the page as the browser holds it'],
      [{ kind: 'link', url: PAGE_URL, linkUrl: 'javascript:alert(1)' }, 'browser endpoint: a link clip needs "linkUrl", an http(s) address, not "javascript:alert(1)"'],
      [pageClip({ note: 'n'.repeat(100_001) }), 'browser endpoint: the note has 100,001 characters; a note may have at most 100,000'],
      [pageClip({ images: { [IMAGE_URL]: 'not base64!' } }), `browser endpoint: the image ${IMAGE_URL} is not base64`],
    ];
    for (const [body, error] of cases) {
      const answer = await postJson(endpoint.port, ENDPOINT_PATHS.clip, body, headers);
      expect(answer.status, error).toBe(400);
      expect(answer.json.error).toBe(error);
    }
    const big = await postJson(endpoint.port, ENDPOINT_PATHS.clip, pageClip({ html: 'x'.repeat(5 * 1024 * 1024) }), headers);
    expect(big.status).toBe(413);
    expect(big.json.error).toBe('browser endpoint: the body is larger than 4 MB, the most it accepts');
    const empty = await postJson(endpoint.port, ENDPOINT_PATHS.clip, { kind: 'page', url: PAGE_URL, html: '<html><body><nav>Home</nav></body></html>' }, headers);
    expect(empty.status).toBe(422);
    expect(empty.json.error).toMatch(/^clip: /u);
    expect(temp.library.list()).toEqual([]);
  });
});

describe('the endpoint\'s hello', () => {
  it('says it is Cuttings, to any local caller, and nothing of the library', async () => {
    const answer = await sendRaw(endpoint.port, { path: ENDPOINT_PATHS.hello, method: 'GET' });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ app: 'cuttings', version: expect.any(String) });
    const rebound = await sendRaw(endpoint.port, { path: ENDPOINT_PATHS.hello, method: 'GET', headers: { host: `attacker.example:${endpoint.port}` } });
    expect(rebound.status).toBe(403);
  });
});
