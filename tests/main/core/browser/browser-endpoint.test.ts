import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBookmarklet } from '../../../../common/bookmarklet';
import { startBrowserEndpoint, type BrowserEndpoint } from '../../../../main/core/browser/browser-endpoint';
import { SHARED } from '../../../paths';
import { useTempLibrary } from '../../../temp-library';
import { sendRaw } from './endpoint-client';

const PAGE_URL = 'https://www.theguardian.com/environment/2019/jan/03/whales';
const ORIGIN = 'https://www.theguardian.com';
const guardian = readFileSync(join(SHARED, 'corpora', 'readability-pages', 'guardian-1', 'source.html'), 'utf8');

const temp = useTempLibrary();
let endpoint: BrowserEndpoint;

beforeEach(async () => {
  endpoint = await startBrowserEndpoint({ library: () => temp.library, maxBodyBytes: 2 * 1024 * 1024 });
});
afterEach(async () => {
  await endpoint.close();
});

interface Sent {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** Sends a raw request to /clip (node:http, so that Host can be set as a rebinding page would). */
function send(request: Sent) {
  return sendRaw(endpoint.port, { path: '/clip', ...request });
}

const goodHeaders = () => ({ 'content-type': 'application/json', origin: ORIGIN, 'x-cuttings-token': endpoint.token });
const pageBody = JSON.stringify({ url: PAGE_URL, title: 'Whales', html: guardian });

describe('the browser endpoint', () => {
  it('clips a page posted with the token from its own origin', async () => {
    const response = await send({ headers: goodHeaders(), body: pageBody });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ ok: true, status: 'added' });
    expect(response.headers['access-control-allow-origin']).toBe(ORIGIN);
    const article = await temp.library.get(response.json.id!);
    expect(article.title).toContain('Māori');
    expect(article.provenance).toMatchObject({ method: 'browser', originalUrl: PAGE_URL });
  });

  it('clips only the selection when one is sent, under the page title', async () => {
    const selection = `<p>${'Whales stranded on the beach again this week, the tribe said. '.repeat(10)}</p>`;
    const response = await send({ headers: goodHeaders(), body: JSON.stringify({ url: PAGE_URL, title: 'Whale strandings', selectionHtml: selection }) });
    expect(response.json).toMatchObject({ ok: true, status: 'added', title: 'Whale strandings' });
    expect((await temp.library.get(response.json.id!)).text).toBe('Whales stranded on the beach again this week, the tribe said. '.repeat(10).trim());
  });

  it('says when the page is already in the library, storing nothing', async () => {
    await send({ headers: goodHeaders(), body: pageBody });
    const again = await send({ headers: goodHeaders(), body: pageBody });
    expect(again.json).toMatchObject({ ok: true, status: 'duplicate' });
    expect(temp.library.list()).toHaveLength(1);
  });

  it('refuses a request with no token', async () => {
    const { 'x-cuttings-token': _token, ...headers } = goodHeaders();
    const response = await send({ headers, body: pageBody });
    expect(response.status).toBe(403);
    expect(response.json.error).toBe('browser endpoint: the request has no pairing token; copy the bookmarklet from Cuttings again');
    expect(temp.library.list()).toEqual([]);
  });

  it('refuses a wrong token', async () => {
    const response = await send({ headers: { ...goodHeaders(), 'x-cuttings-token': 'guessed-token-0000000000' }, body: pageBody });
    expect(response.status).toBe(403);
    expect(response.json.error).toBe('browser endpoint: wrong pairing token; copy the bookmarklet from Cuttings again');
    expect(temp.library.list()).toEqual([]);
  });

  it('refuses a wrong Host (a DNS-rebinding page)', async () => {
    const response = await send({ headers: { ...goodHeaders(), host: `evil.example:${endpoint.port}` }, body: pageBody });
    expect(response.status).toBe(403);
    expect(response.json.error).toBe(`browser endpoint: refused a request for host "evil.example:${endpoint.port}"; only 127.0.0.1:${endpoint.port} is served`);
    expect(temp.library.list()).toEqual([]);
  });

  it('refuses a foreign Origin: a page cannot send another site\'s page', async () => {
    const response = await send({ headers: { ...goodHeaders(), origin: 'https://attacker.example' }, body: pageBody });
    expect(response.status).toBe(403);
    expect(response.json.error).toBe('browser endpoint: refused a page of https://www.theguardian.com sent from origin "https://attacker.example"; a page can only send itself');
    const none = await send({ headers: { 'content-type': 'application/json', 'x-cuttings-token': endpoint.token }, body: pageBody });
    expect(none.status).toBe(403);
    expect(temp.library.list()).toEqual([]);
  });

  it('refuses an oversized body, declared or streamed', async () => {
    const big = JSON.stringify({ url: PAGE_URL, html: 'x'.repeat(3 * 1024 * 1024) });
    const response = await send({ headers: goodHeaders(), body: big });
    expect(response.status).toBe(413);
    expect(response.json.error).toBe('browser endpoint: the body is larger than 2 MB, the most it accepts');
    const chunked = await send({ headers: { ...goodHeaders(), 'transfer-encoding': 'chunked' }, body: big });
    expect(chunked.status).toBe(413);
    expect(temp.library.list()).toEqual([]);
  });

  it('accepts JSON bodies only, and only POST to /clip', async () => {
    const form = await send({ headers: { ...goodHeaders(), 'content-type': 'application/x-www-form-urlencoded' }, body: 'url=x' });
    expect(form.status).toBe(415);
    expect(form.json.error).toBe('browser endpoint: the body must be JSON (application/json), not "application/x-www-form-urlencoded"');
    expect((await send({ method: 'GET', headers: goodHeaders() })).status).toBe(405);
    const bad = await send({ headers: goodHeaders(), body: '{"url": "file:///etc/passwd", "html": "<p>x</p>"}' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe('browser endpoint: "url" must be the page\'s http(s) address, not "file:///etc/passwd"');
  });

  it('answers a browser preflight from a web page, with Private Network Access', async () => {
    const response = await send({
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-private-network': 'true' },
    });
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(response.headers['access-control-allow-private-network']).toBe('true');
    expect(String(response.headers['access-control-allow-headers'])).toContain('x-cuttings-token');
  });

  it('makes a bookmarklet that posts to this endpoint with its token', () => {
    const bookmarklet = makeBookmarklet(endpoint.port, endpoint.token);
    expect(bookmarklet.startsWith('javascript:')).toBe(true);
    const source = decodeURIComponent(bookmarklet.slice('javascript:'.length));
    expect(source).toContain(`http://127.0.0.1:${endpoint.port}/clip`);
    expect(source).toContain(JSON.stringify(endpoint.token));
    // It parses as JavaScript.
    expect(() => new Function(source)).not.toThrow();
  });
});
