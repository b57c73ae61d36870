/**
 * A real HTTP server on 127.0.0.1 (port 0) for the fetch tests: corpus pages, redirects and a
 * loop, a slow response, an endless body, a gzip bomb, errors, a PDF, an image pretending to
 * be HTML, and a page whose images are served too. No network beyond loopback.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { SHARED } from '../../../paths';
import { makePdf } from '../capture/make-pdf';

export const READABILITY = join(SHARED, 'corpora', 'readability-pages');
export const BBC = join(SHARED, 'corpora', 'bbc');

/** A 1×1 PNG. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

/** A BBC corpus story as a web page, optionally inside another site's header and footer. */
export function bbcPage(file: string, wrapper?: { site: string; url?: string }): string {
  const raw = readFileSync(join(BBC, file), 'latin1');
  const [title = '', ...rest] = raw.split('\n');
  const paragraphs = rest.join('\n').split(/\n\s*\n/u).map((p) => p.trim()).filter(Boolean);
  // A wire copy also differs inside the article, as syndicated copies do: a dateline before the
  // first paragraph and a credit line after the last.
  const lines = wrapper ? [`LONDON (${wrapper.site}) - ${paragraphs[0] ?? ''}`, ...paragraphs.slice(1), `Reporting by the ${wrapper.site} business desk; editing by the night staff.`] : paragraphs;
  const body = lines.map((p) => `<p>${p.replace(/&/gu, '&amp;').replace(/</gu, '&lt;')}</p>`).join('\n');
  const header = wrapper
    ? `<header><nav><a href="/">${wrapper.site}</a> | <a href="/world">World</a> | <a href="/business">Business</a></nav></header>
       <p class="byline">From our wire service. Published by ${wrapper.site}. Share this story on Facebook and Twitter.</p>`
    : '';
  const footer = wrapper
    ? `<p>Copyright 2005 ${wrapper.site}. All rights reserved. Sign up to our morning newsletter for the best stories of the day, every day.</p>
       <footer><a href="/about">About ${wrapper.site}</a> <a href="/contact">Contact us</a></footer>`
    : '';
  const canonical = wrapper?.url ? `<link rel="canonical" href="${wrapper.url}">` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${canonical}</head>
<body>${header}<article><h1>${title}</h1>${body}</article>${footer}</body></html>`;
}

/** A running server; `url(path)` gives an address on it; close it when done. */
export interface TestServer {
  url(path: string): string;
  /** How many requests each path has had. */
  hits: Map<string, number>;
  /** Replaces what a path serves (for re-capture tests); null takes it away (404). */
  set(path: string, body: string | Buffer | null, type?: string): void;
  close(): Promise<void>;
}

type Route = (request: IncomingMessage, response: ServerResponse) => void;

export async function startTestServer(): Promise<TestServer> {
  const guardian = readFileSync(join(READABILITY, 'guardian-1', 'source.html'));
  const bbc = readFileSync(join(READABILITY, 'bbc-1', 'source.html'));
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
  const pdf = makePdf([['Ministers meet in Geneva', 'Talks on the border went on late into the night, officials said.'], ['They will meet again next week.']], 'Geneva talks');
  const custom = new Map<string, { body: Buffer; type: string }>();
  const send = (type: string, body: string | Buffer, headers: Record<string, string> = {}): Route => (_request, response) => {
    response.writeHead(200, { 'content-type': type, ...headers });
    response.end(body);
  };
  const redirect = (to: string, status = 302): Route => (_request, response) => {
    response.writeHead(status, { location: to });
    response.end();
  };
  const routes: Record<string, Route> = {
    '/guardian': send('text/html; charset=utf-8', guardian),
    '/bbc': send('text/html', bbc),
    '/gzip': send('text/html; charset=utf-8', gzipSync(guardian), { 'content-encoding': 'gzip' }),
    '/deflate': send('text/html; charset=utf-8', deflateSync(guardian), { 'content-encoding': 'deflate' }),
    '/brotli': send('text/html; charset=utf-8', brotliCompressSync(guardian), { 'content-encoding': 'br' }),
    '/latin1': send('text/html; charset=iso-8859-1', Buffer.from(`<html><head><title>Prices</title></head><body><article><h1>Prices</h1><p>${'The pound (£) rose against the euro again today, traders said. '.repeat(12)}</p></article></body></html>`, 'latin1')),
    '/redirect/1': redirect('/redirect/2', 301),
    '/redirect/2': redirect('/redirect/3', 302),
    '/redirect/3': redirect('/guardian', 307),
    '/loop/a': redirect('/loop/b'),
    '/loop/b': redirect('/loop/a'),
    '/to-ftp': redirect('ftp://127.0.0.1/file'),
    '/slow': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<html><body><p>Loading');
      // Never finished: the client's total timeout must end it.
    },
    '/endless': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (response.write(chunk)) { /* fill the socket buffer */ }
        response.once('drain', pump);
      };
      response.on('close', () => response.removeAllListeners('drain'));
      pump();
    },
    '/bomb': send('text/html', bomb, { 'content-encoding': 'gzip' }),
    '/missing': (_request, response) => {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<h1>Not found</h1>');
    },
    '/broken': (_request, response) => {
      response.writeHead(503, { 'content-type': 'text/html' });
      response.end('<h1>Down</h1>');
    },
    '/doc.pdf': send('application/pdf', pdf),
    '/fake.html': send('text/html', PNG),
    '/image.png': send('image/png', PNG),
    '/data.json': send('application/json', '{"a":1}'),
    '/no-article': send('text/html', '<html><head><title>Menu</title></head><body><nav><a href="/">Home</a> <a href="/a">A</a></nav><footer>© 2024</footer></body></html>'),
    '/with-images': send('text/html', `<html><head><title>Pictures of the harbour</title></head><body><article><h1>Pictures of the harbour</h1>
      <p>${'The harbour was full of boats this morning as the fishing fleet came home. '.repeat(8)}</p>
      <img src="/img/harbour.png" alt="The harbour"><p>${'Fishermen said the catch was the best in years. '.repeat(8)}</p></article></body></html>`),
    '/img/harbour.png': send('image/png', PNG),
    '/bbc/business/001': send('text/html; charset=utf-8', bbcPage('business/001.txt')),
    '/wire/business/001': send('text/html; charset=utf-8', bbcPage('business/001.txt', { site: 'The Daily Courier', url: 'https://courier.example/wire/markets-001' })),
  };
  const hits = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const replaced = custom.get(path);
    if (replaced) return send(replaced.type, replaced.body)(request, response);
    const route = routes[path];
    if (!route) {
      response.writeHead(404);
      response.end();
      return;
    }
    route(request, response);
  });
  const { port, close } = await listenOnLoopback(server);
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hits,
    set: (path, body, type = 'text/html; charset=utf-8') => {
      if (body === null) custom.delete(path);
      else custom.set(path, { body: Buffer.from(body), type });
    },
    close,
  };
}

/**
 * Starts a test server on 127.0.0.1 (any free port); `close` drops its open connections first
 * (a page that never finishes would keep it open for ever).
 */
export async function listenOnLoopback(server: Server): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
