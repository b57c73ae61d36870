// PDFs and scans: a PDF half typed and half scanned keeps its typed page's own text and
// recognises the scanned one, in page order; a PDF all typed is clipped as before, never
// recognised; several images (a PNG and a WebP) become one cutting with --as-one's order, and a
// multi-page TIFF (a scanner's feeder) one cutting of its pages in order.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fileBytesToItem } from '../../../../main/core/capture/read-article-file';
import { scanFilesToItem } from '../../../../main/core/capture/scan-item';
import { multiPageTiff, textImage } from '../ocr/text-image';
import { makePdf, makeScannedPdf } from './make-pdf';

const TYPED = ['Council minutes', 'The council approved the plan for the new bridge over the river', 'after a long debate about the cost of the works and the traffic.'];
const SCANNED = 'The mayor said the bridge would open in the spring and that the ferry would keep running until then.';

async function scannedPage(): Promise<{ jpeg: Buffer; width: number; height: number }> {
  const png = await textImage(SCANNED, { font: 'Liberation Serif 14', width: 1900 });
  // A page of US Letter at 200 dpi (1700 × 2200), the text near its top as on a scanned sheet
  // (sharp resizes before it extends, hence two steps); one grey channel, as the PDF says.
  const line = await sharp(png).resize({ width: 1700 }).toBuffer();
  const { height } = await sharp(line).metadata();
  const jpeg = await sharp(line).extend({ bottom: 2200 - (height ?? 0), background: '#ffffff' }).toColourspace('b-w').jpeg().toBuffer();
  return { jpeg, width: 1700, height: 2200 };
}

describe('scanned PDFs', () => {
  it('keeps a typed page’s text and recognises a scanned page, in page order', async () => {
    const pdf = makeScannedPdf([TYPED, await scannedPage()]);
    const item = await fileBytesToItem(pdf, 'minutes.pdf', {}, { languages: ['eng'] });
    expect(item.kind).toBe('scan');
    const text = (item.request as { text: string }).text;
    expect(text.indexOf('approved the plan')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('ferry would keep running')).toBeGreaterThan(text.indexOf('approved the plan'));
    expect(item.scan!.stored.pages.map((page) => page.from)).toEqual(['text-layer', 'ocr']);
    expect(item.originalKind).toBe('pdf');
  });

  it('clips a typed PDF as text, without recognition', async () => {
    const item = await fileBytesToItem(makePdf([TYPED, TYPED]), 'typed.pdf', {}, { languages: ['eng'] });
    expect(item.kind).toBe('text');
    expect(item.scan).toBeUndefined();
  });

  it('reads every page of a multi-page TIFF, in order', async () => {
    const tiff = await multiPageTiff([
      await textImage('Bridge plan approved\n\nThe council approved the plan for the new bridge.'),
      await textImage('Continued from page one: the ferry keeps running until the spring.'),
    ]);
    const item = await fileBytesToItem(tiff, 'feeder.tif', {}, { languages: ['eng'] });
    expect(item.scan!.stored.pages.map((page) => page.page)).toEqual([1, 2]);
    expect(item.scan!.stored.originals).toEqual([{ name: 'feeder.tif', mediaType: 'image/tiff', sha256: expect.any(String) as string, size: tiff.length }]);
    const text = (item.request as { text: string }).text;
    expect(text.indexOf('ferry keeps running')).toBeGreaterThan(text.indexOf('approved the plan'));
  });

  it('makes several images one cutting, in the order given, and refuses a PDF among them', async () => {
    const first = await textImage('Bridge plan approved\n\nThe council approved the plan for the new bridge.');
    // The second a WebP (as a phone may save it), so that every image kind but TIFF is read here.
    const second = await textImage('Continued from page one: the ferry keeps running until the spring.', { format: 'webp' });
    const item = await scanFilesToItem([{ name: 'p1.png', bytes: first }, { name: 'p2.webp', bytes: second }], {}, { languages: ['eng'] });
    const text = (item.request as { text: string }).text;
    expect(text.indexOf('ferry keeps running')).toBeGreaterThan(text.indexOf('approved the plan'));
    expect(item.scan!.stored.originals.map((original) => [original.name, original.asset !== undefined])).toEqual([['p1.png', false], ['p2.webp', true]]);
    await expect(scanFilesToItem([{ name: 'p1.png', bytes: first }, { name: 'x.pdf', bytes: makePdf([TYPED]) }], {}, { languages: ['eng'] })).rejects.toThrow(
      'add: x.pdf cannot be joined with other files into one cutting; join images (.jpg, .png, .tif, .webp), and add a PDF on its own',
    );
  });
});
