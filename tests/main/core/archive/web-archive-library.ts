/**
 * A library holding one cutting of every kind a web-archive export writes differently, served
 * from a real HTTP server on 127.0.0.1: a page fetched by address (sent gzipped, with two
 * images, one of them shown twice), a page reached through two redirects, pasted text, a saved
 * page read from a file, and a page "fetched before Cuttings kept HTTP headers" (stored as the
 * older versions stored it: by address, no exchange). Tags, notes and highlights on them, as
 * a researcher leaves them. The WARC, WACZ, import and replay tests share it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { encodeRecord } from '../../../../main/core/archive/warc-record';
import type { Library } from '../../../../main/core/library';
import { clipUrl } from '../../../../main/core/fetch/clip-url';

/** A 1×1 PNG and a 1×1 GIF (real images; the asset store knows them by their first bytes). */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
export const GIF = Buffer.from('47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b', 'hex');

/** A 40×30 grey PNG (a picture a browser shows with its size, for the replay test). */
export const FLEET_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000280000001e0802000000d1bfcb8a0000002849444154789cedcd310100000c022083d93f9731b6030a901e89582c168bc562b1582c168bffc6037aff4bee6d0f31380000000049454e44ae426082',
  'hex',
);

/** The story's words, which every replay and import must show. */
export const STORY_SENTENCE = 'The harbour master said the fleet had never come home so late in the season.';

/** The harbour story: a headline, paragraphs, two pictures (the first twice). */
export const STORY_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fleet home late | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times"><meta name="author" content="Jane Doe"></head>
<body><header><nav><a href="/">Harbour Times</a></nav></header><article><h1>Fleet home late</h1>
<p>${STORY_SENTENCE} ${'Boats were still coming in after dark, their crews tired but glad of the catch. '.repeat(6)}</p>
<figure><img src="/img/fleet.png" alt="The fleet at dusk" width="40" height="30"><figcaption>The fleet at dusk</figcaption></figure>
<p>${'Fishermen said the autumn storms had kept them at sea for days longer than planned. '.repeat(6)}</p>
<img src="/img/quay.gif" alt="The quay"><img src="/img/fleet.png" alt="The fleet again">
<p>${'The market opened an hour late to take the whole catch, traders said. '.repeat(6)}</p></article>
<footer>© Harbour Times</footer></body></html>`;

/** The second story, reached through two redirects. */
export const MOVED_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry timetable changes</title></head>
<body><article><h1>Ferry timetable changes</h1><p>${'The winter ferry timetable starts next week with two fewer sailings a day. '.repeat(8)}</p></article></body></html>`;

/** The site's front page, linking to both stories (what a crawl starts from). */
export const INDEX_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour Times</title></head>
<body><h1>Harbour Times</h1><ul><li><a href="/story">Fleet home late</a></li><li><a href="/ferry">Ferry timetable changes</a></li></ul>
<p>${'The Harbour Times reports on the harbour, the fleet and the ferries every week. '.repeat(5)}</p></body></html>`;

/** A page saved to a file. */
export const SAVED_HTML = `<!doctype html><html><head><title>Lighthouse keepers remembered</title><link rel="canonical" href="https://harbour.example/lighthouse"></head>
<body><article><h1>Lighthouse keepers remembered</h1><p>${'A plaque now names every keeper who served at the point since 1850. '.repeat(8)}</p></article></body></html>`;

/** A story "fetched before Cuttings kept headers". */
export const OLD_HTML = `<!doctype html><html><head><title>Old pier to close</title></head>
<body><article><h1>Old pier to close</h1><p>${'The council voted to close the old pier to the public over the winter. '.repeat(8)}</p></article></body></html>`;

/** A server of the pages above; the story goes out gzipped. */
export async function startHarbourServer(): Promise<{ url: (path: string) => string; close: () => Promise<void>; fleetPng: Buffer }> {
  const fleetPng = FLEET_PNG;
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/index') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(INDEX_HTML);
    } else if (path === '/story') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'gzip', 'Cache-Control': 'max-age=300' });
      response.end(gzipSync(STORY_HTML));
    } else if (path === '/img/fleet.png') {
      response.writeHead(200, { 'Content-Type': 'image/png' });
      response.end(fleetPng);
    } else if (path === '/img/quay.gif') {
      response.writeHead(200, { 'Content-Type': 'image/gif' });
      response.end(GIF);
    } else if (path === '/ferry') {
      response.writeHead(301, { Location: '/ferry-2' });
      response.end('<a href="/ferry-2">moved</a>');
    } else if (path === '/ferry-2') {
      response.writeHead(302, { Location: '/news/ferry' });
      response.end();
    } else if (path === '/news/ferry') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(MOVED_HTML);
    } else {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    fleetPng,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The ids of the cuttings in {@link fillHarbourLibrary}'s library, by kind. */
export interface HarbourCuttings {
  story: string;
  moved: string;
  pasted: string;
  saved: string;
  old: string;
}

/** Fills a library with one cutting of each kind, with tags, notes and a highlight. */
export async function fillHarbourLibrary(library: Library, url: (path: string) => string): Promise<HarbourCuttings> {
  const added = async (outcome: Awaited<ReturnType<typeof clipUrl>>) => {
    if (outcome.status !== 'added') throw new Error('expected a new cutting');
    return outcome.article.id;
  };
  const story = await added(await clipUrl(library, { url: url('/story'), tags: ['harbour', 'fishing/fleet'] }));
  const moved = await added(await clipUrl(library, { url: url('/ferry'), tags: ['transport'] }));
  const pasted = (await library.addText({ text: 'Notes from the quay\n\nThe harbour master will speak to the council on Monday about the winter moorings.', tags: ['harbour'] })).id;
  const saved = (await library.addHtml({ html: SAVED_HTML, fileName: 'lighthouse.html' }, 'file')).id;
  const old = await added(
    await library.addChecked(
      {
        kind: 'html',
        request: { html: OLD_HTML },
        original: Buffer.from(OLD_HTML, 'utf8'),
        method: 'url',
        pageUrl: 'https://harbour.example/old-pier',
        name: 'https://harbour.example/old-pier',
        provenance: { originalUrl: 'https://harbour.example/old-pier', finalUrl: 'https://harbour.example/old-pier', httpStatus: 200, contentType: 'text/html' },
      },
      'keep',
    ),
  );
  await library.setNote(story, 'Ask the **harbour master** about the late boats.');
  const text = (await library.get(story)).text;
  const at = text.indexOf('never come home');
  await library.addHighlight({ id: story, quote: 'never come home', prefix: text.slice(Math.max(0, at - 32), at), suffix: text.slice(at + 15, at + 47), comment: 'check the log' });
  await library.setNote(pasted, 'Follow up on Monday.');
  return { story, moved, pasted, saved, old };
}

/** A WARC as a crawler writes one, gzipped: one `response` record holding `html` as it came over HTTP. */
export function crawlerWarc(html: string, record: { url: string; id: string; date: string }): Buffer {
  const http = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(html)}\r\n\r\n${html}`);
  const encoded = encodeRecord({ type: 'response', id: record.id, date: record.date, targetUri: record.url, contentType: 'application/http; msgtype=response', block: [http] });
  return gzipSync(encoded.bytes);
}
