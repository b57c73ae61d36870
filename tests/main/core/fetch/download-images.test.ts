import { readdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { imageExtension, localiseImages } from '../../../../main/core/fetch/download-images';
import { readAsset } from '../../../../main/core/storage/assets';
import { makeTempFolder } from '../../../paths';
import { PNG, startTestServer, type TestServer } from './test-server';

let server: TestServer;
let folder: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  folder = await makeTempFolder();
});
afterEach(() => folder.remove());

describe('localiseImages', () => {
  it('stores each image once by its hash and points the article at it', async () => {
    const url = server.url('/img/harbour.png');
    const html = `<p>a</p><img alt="one" data-src="${url}"><img data-src="${url}" alt="again">`;
    const result = await localiseImages(folder.path, html);
    expect(result.stored).toHaveLength(1);
    expect(result.skipped).toEqual([]);
    const name = result.stored[0]!;
    expect(result.html).toBe(`<p>a</p><img src="cuttings-asset:${name}" alt="one" data-src="${url}"><img src="cuttings-asset:${name}" data-src="${url}" alt="again">`);
    expect((await readAsset(folder.path, name))?.bytes.equals(PNG)).toBe(true);
  });

  it('leaves what is not an image, or cannot be had, remote and says why', async () => {
    const html = `<img data-src="${server.url('/guardian')}"><img data-src="${server.url('/missing')}">`;
    const result = await localiseImages(folder.path, html);
    expect(result.html).toBe(html);
    expect(result.skipped).toEqual([
      { url: server.url('/guardian'), reason: 'not an image Cuttings keeps (served as text/html)' },
      { url: server.url('/missing'), reason: `fetch: ${server.url('/missing')}: the server answered HTTP 404 Not Found` },
    ]);
    await expect(readdir(`${folder.path}/assets`)).rejects.toThrow();
  });

  it('keeps to the count and size limits', async () => {
    const html = `<img data-src="${server.url('/img/harbour.png')}"><img data-src="${server.url('/image.png')}">`;
    const counted = await localiseImages(folder.path, html, { maxImages: 1 });
    expect(counted.skipped).toEqual([{ url: server.url('/image.png'), reason: 'more than 1 images in the article' }]);
    const sized = await localiseImages(folder.path, `<img data-src="${server.url('/endless')}">`, { maxImageBytes: 64 * 1024 });
    expect(sized.skipped[0]!.reason).toMatch(/the page is larger than 64 KB/u);
  });
});

describe('readAsset', () => {
  it('serves only names of the asset form, never a path', async () => {
    expect(await readAsset(folder.path, '../cuttings.json')).toBeNull();
    expect(await readAsset(folder.path, `${'a'.repeat(64)}.svg`)).toBeNull();
  });
});

describe('imageExtension', () => {
  it('knows images by their first bytes and refuses SVG', () => {
    expect(imageExtension(PNG)).toBe('png');
    expect(imageExtension(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpg');
    expect(imageExtension(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull();
  });
});
