// Scans added to a library: recognised offline (no request of any kind is attempted, and the
// engine reads only files in node_modules), stored with their pages and words, found by
// search, caught as duplicates by their text; a 100-megapixel photo read; bad input refused
// with one line naming the file, and nothing stored.
import dns from 'node:dns';
import net from 'node:net';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileBytesToItem } from '../../../../main/core/capture/read-article-file';
import { verifyLibrary } from '../../../../main/core/library/verify';
import { engineFileReads } from '../../../../main/core/ocr/tesseract-engine';
import { readCapture } from '../../../../main/core/storage/captures';
import { unpackWords } from '../../../../main/core/storage/scan-capture';
import { REPO_ROOT } from '../../../paths';
import { useTempLibrary } from '../../../temp-library';
import { manyPageTiff, textImage } from '../ocr/text-image';

const STORY = [
  'Harbour budget agreed',
  '',
  'The harbour committee met on Monday and agreed a new budget for the docks. Its chairman said',
  'the recog-',
  'nised unions would be consulted before any change to the shifts of the dockers.',
].join('\n');

const temp = useTempLibrary({}, 'file');
let page: Buffer;

beforeAll(async () => {
  page = await textImage(STORY, { format: 'jpeg' });
});

/** Every way out of the process this test could see: sockets, name lookups, fetch. */
const attempts: string[] = [];
const originals = { connect: net.Socket.prototype.connect, lookup: dns.lookup, fetch: globalThis.fetch };
function cutTheNetwork(): void {
  net.Socket.prototype.connect = function (...args: unknown[]) {
    attempts.push(`connect ${JSON.stringify(args[0])}`);
    throw new Error('test: the network is unreachable');
  } as never;
  dns.lookup = ((host: string) => {
    attempts.push(`lookup ${host}`);
    throw new Error('test: the network is unreachable');
  }) as never;
  globalThis.fetch = (async (url: unknown) => {
    attempts.push(`fetch ${String(url)}`);
    throw new Error('test: the network is unreachable');
  }) as never;
}
afterEach(() => {
  net.Socket.prototype.connect = originals.connect;
  dns.lookup = originals.lookup;
  globalThis.fetch = originals.fetch;
});

describe('a scan added to the library', () => {
  it('is recognised with the network unreachable, attempting no request and reading only node_modules', async () => {
    cutTheNetwork();
    const item = await fileBytesToItem(page, 'harbour.jpg', { source: 'Harbour Gazette' }, { languages: ['eng'], printPage: '3' });
    expect(attempts).toEqual([]);
    expect(engineFileReads.length).toBeGreaterThan(0);
    for (const file of engineFileReads) expect(file.startsWith(join(REPO_ROOT, 'node_modules'))).toBe(true);
    const outcome = await temp.library.addChecked(item, 'ask');
    expect(outcome.status).toBe('added');
    const id = outcome.status === 'added' ? outcome.article.id : '';
    const article = await temp.library.get(id);
    expect(article.title).toBe('Harbour budget agreed');
    expect(article.source).toBe('Harbour Gazette');
    // The word broken at the line's end is joined again.
    expect(article.text).toContain('the recognised unions');
    expect(article.html).toContain('data-w="0"');
    expect((await temp.library.search('dockers')).total).toBe(1);
    const { scan } = await readCapture(temp.library.path, id);
    expect(scan?.printPage).toBe('3');
    expect(scan?.originals).toEqual([{ name: 'harbour.jpg', mediaType: 'image/jpeg', sha256: article.provenance.originalSha256, size: page.length }]);
    const words = unpackWords(scan!.pages[0]!.words);
    const budget = words.find((word) => word.text === 'budget')!;
    expect(article.text.slice(budget.start, budget.end)).toBe('budget');
    expect(budget.x1).toBeGreaterThan(budget.x0);
    expect(await readdir(join(temp.library.path, 'assets'))).toContain(scan!.pages[0]!.image);
    // verify checks the scan's page image with the rest, and finds nothing wrong.
    expect((await verifyLibrary(temp.library)).problems).toEqual([]);
  });

  it('is caught as a duplicate by its text when the same cutting comes again, turned on its side', async () => {
    const sideways = await sharp(page).rotate(90).jpeg().toBuffer();
    const outcome = await temp.library.addChecked(await fileBytesToItem(sideways, 'again.jpg', {}, { languages: ['eng'] }), 'ask');
    expect(outcome.status).toBe('duplicate');
  });

  it('reads a 100-megapixel photo, shrunk as it is decoded', async () => {
    const huge = await sharp(page).resize({ width: 12_000, height: 8_400, fit: 'contain', background: '#ffffff' }).jpeg({ quality: 80 }).toBuffer();
    const { width = 0, height = 0 } = await sharp(huge).metadata();
    expect(width * height).toBeGreaterThan(100_000_000);
    const item = await fileBytesToItem(huge, 'huge.jpg', {}, { languages: ['eng'] });
    expect((item.request as { text: string }).text).toContain('harbour committee');
  });

  it('refuses bad input with one line naming the file, and stores nothing', async () => {
    const before = temp.library.info().articles;
    const refuse = (bytes: Buffer, name: string) => fileBytesToItem(bytes, name, {}, { languages: ['eng'] }).then(() => 'accepted', (error: Error) => error.message);
    expect(await refuse(Buffer.from('not a picture at all'), 'cutting.png')).toBe('ocr: cutting.png is not a PNG image (its bytes are not those of a JPEG, PNG, TIFF, WebP or PDF)');
    expect(await refuse(page.subarray(0, Math.floor(page.length / 2)), 'torn.jpg')).toMatch(/^ocr: cannot read torn\.jpg: the image is damaged or cut short \(/u);
    const blank = await sharp({ create: { width: 1200, height: 1600, channels: 3, background: '#f4f1ea' } }).jpeg().toBuffer();
    expect(await refuse(blank, 'blank.jpg')).toBe('ocr: no text found in blank.jpg (it shows no lines of print)');
    expect(await refuse(manyPageTiff(1, 20_000, 14_000), 'mural.tif')).toBe('ocr: mural.tif has more than 250 million pixels; scan or photograph it at a lower resolution');
    expect(await refuse(manyPageTiff(300), 'book.tif')).toBe('ocr: book.tif brings the cutting to 300 pages; Cuttings recognises at most 100 pages as one cutting (add them as several)');
    expect(temp.library.info().articles).toBe(before);
  });
});
