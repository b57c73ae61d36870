/**
 * What a fetch keeps of its requests and responses (storage/http-exchange.ts): the request as
 * the server received it, and the response heads as the server sent them, for every hop of a
 * redirect; a clipped page keeps them in its capture, its images' too.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage } from '../../../../main/core/fetch/fetch-page';
import { clipUrl } from '../../../../main/core/fetch/clip-url';
import { readCapture } from '../../../../main/core/storage/captures';
import { useTempLibrary } from '../../../temp-library';
import { PNG } from './test-server';

const PAGE = `<html><head><title>Harbour news</title></head><body><article><h1>Harbour news</h1>
<p>${'The harbour was full of boats this morning as the fleet came home. '.repeat(10)}</p>
<img src="/boat.png" alt="A boat"><p>${'Fishermen said the catch was the best in years. '.repeat(10)}</p></article></body></html>`;

/** Every request the server saw: its line and its headers exactly as they arrived. */
const received: { line: string; headers: string[] }[] = [];
let base = '';
const server = createServer((request: IncomingMessage, response) => {
  received.push({ line: `${request.method} ${request.url} HTTP/${request.httpVersion}`, headers: request.rawHeaders });
  if (request.url === '/old') {
    response.writeHead(301, 'Moved For Good', [['Location', '/story'], ['X-Hop', 'one']].flat());
    response.end('gone');
  } else if (request.url === '/story') {
    // Two Set-Cookie headers and mixed case: kept as they came, in order.
    response.writeHead(200, [['Content-Type', 'text/html; charset=utf-8'], ['set-cookie', 'a=1'], ['Set-Cookie', 'b=2'], ['Content-Encoding', 'gzip']].flat());
    response.end(gzipSync(PAGE));
  } else if (request.url === '/boat.png') {
    response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=60' });
    response.end(PNG);
  } else {
    response.writeHead(404);
    response.end();
  }
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fetchPage keeps the exchanges', () => {
  it('keeps each request as the server received it and each response head as sent, redirect first', async () => {
    received.length = 0;
    const page = await fetchPage(`${base}/old`);
    expect(page.exchanges).toHaveLength(2);
    const [hop, last] = page.exchanges;
    // What went on the wire is what was kept: every header, in order, nothing added by Node.
    expect(received.map((request) => request.headers)).toEqual(page.exchanges.map((exchange) => exchange.request.headers.flat()));
    expect(received.map((request) => request.line)).toEqual([`GET /old HTTP/1.1`, `GET /story HTTP/1.1`]);
    expect(hop!.request.url).toBe(`${base}/old`);
    expect(hop!.response).toMatchObject({ httpVersion: '1.1', status: 301, statusText: 'Moved For Good' });
    expect(hop!.response.headers.slice(0, 2)).toEqual([['Location', '/story'], ['X-Hop', 'one']]);
    expect(last!.response.status).toBe(200);
    expect(last!.response.headers.slice(0, 4)).toEqual([['Content-Type', 'text/html; charset=utf-8'], ['set-cookie', 'a=1'], ['Set-Cookie', 'b=2'], ['Content-Encoding', 'gzip']]);
    expect(Date.parse(hop!.sent)).toBeLessThanOrEqual(Date.parse(last!.sent));
    // The body is the decoded page, as before.
    expect(page.body.toString('utf8')).toBe(PAGE);
  });
});

describe('a page clipped by address', () => {
  const temp = useTempLibrary();

  it('keeps its exchanges and its images’ in the capture', async () => {
    const outcome = await clipUrl(temp.library, { url: `${base}/old` });
    if (outcome.status !== 'added') throw new Error('expected the page to be added');
    const content = await readCapture(temp.path, outcome.article.id);
    expect(content.http?.page?.map((exchange) => exchange.response.status)).toEqual([301, 200]);
    expect(content.http?.images).toHaveLength(1);
    const image = content.http!.images![0]!;
    expect(image.url).toBe(`${base}/boat.png`);
    expect(content.html).toContain(`cuttings-asset:${image.asset}`);
    expect(image.exchanges[0]!.response.headers).toContainEqual(['cache-control', 'max-age=60']);
  });
});
