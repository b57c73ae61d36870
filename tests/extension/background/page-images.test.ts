import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPageImages, toBase64 } from '../../../extension/background/page-images';
import { PNG } from '../../main/core/fetch/test-server';

let server: Server;
let base: string;
const picture = Buffer.concat([PNG, Buffer.alloc(1000, 1)]);

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/a.png' || request.url === '/b.png') {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(picture);
    } else if (request.url === '/big.png') {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(Buffer.alloc(5000));
    } else if (request.url === '/page.html') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<p>not a picture</p>');
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fetchPageImages', () => {
  it('fetches each picture once, as base64, leaving out what is not a picture or cannot be had', async () => {
    const images = await fetchPageImages([`${base}/a.png`, `${base}/a.png`, `${base}/page.html`, `${base}/missing.png`, 'http://127.0.0.1:1/unreachable.png', `${base}/b.png`]);
    expect(Object.keys(images)).toEqual([`${base}/a.png`, `${base}/b.png`]);
    expect(Buffer.from(images[`${base}/a.png`]!, 'base64')).toEqual(picture);
  });

  it('keeps to the limits: the count, each picture\'s size, and the total in page order', async () => {
    const limits = { maxImages: 2, maxImageBytes: 2000, maxImagesBytes: 4000 };
    expect(Object.keys(await fetchPageImages([`${base}/big.png`, `${base}/a.png`, `${base}/b.png`], limits))).toEqual([`${base}/a.png`]);
    expect(Object.keys(await fetchPageImages([`${base}/a.png`, `${base}/b.png`], { ...limits, maxImagesBytes: picture.length + 10 }))).toEqual([`${base}/a.png`]);
  });

  it('encodes large pictures without overflowing the stack', () => {
    const bytes = new Uint8Array(300_000).map((_, i) => i % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
