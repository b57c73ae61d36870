/**
 * Small printed pages for the OCR tests, made at test time with sharp's own text renderer
 * (Pango, with the fonts of the machine): black text on white, at 300 dpi, optionally turned
 * and as a JPEG, a PNG or a TIFF. The quality run (bench/ocr/) renders whole newspaper pages
 * in Chromium instead.
 */
import sharp from 'sharp';

/** Options for textImage. */
export interface TextImageOptions {
  /** Pango font description: family and size in points. */
  font?: string;
  /** Width of the text in pixels (lines wrap within it). */
  width?: number;
  /** Degrees to turn the page (clockwise). */
  rotate?: number;
  format?: 'png' | 'jpeg' | 'tiff' | 'webp';
}

function escapeMarkup(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** A page of `text` (lines as given, wrapped to `width`), as image bytes. */
export async function textImage(text: string, options: TextImageOptions = {}): Promise<Buffer> {
  const rendered = await sharp({
    text: { text: `<span font="${options.font ?? 'Liberation Serif 11'}">${escapeMarkup(text)}</span>`, dpi: 300, width: options.width ?? 1800, rgba: false },
  })
    .negate()
    .png()
    .toBuffer();
  let page = sharp(await sharp(rendered).extend({ top: 150, bottom: 150, left: 150, right: 150, background: '#ffffff' }).greyscale().png().toBuffer());
  if (options.rotate) page = sharp(await page.rotate(options.rotate, { background: '#ffffff' }).png().toBuffer());
  const format = options.format ?? 'png';
  return format === 'jpeg' ? page.jpeg({ quality: 85 }).toBuffer() : format === 'tiff' ? page.tiff().toBuffer() : format === 'webp' ? page.webp().toBuffer() : page.png().toBuffer();
}

/**
 * A TIFF of `pages` white pages, written by hand (sharp writes one page a file). The pages
 * are one pixel unless `width` and `height` say more — then only the header says so (the one
 * byte of pixels is what a decoder would find short), which is all a size check reads.
 */
export function manyPageTiff(pages: number, width = 1, height = 1): Buffer {
  return writeTiff(Array.from({ length: pages }, () => ({ width, height, pixels: Buffer.from([255]) })));
}

/** A multi-page TIFF of the given images (each page an image's grey pixels), as a scanner's feeder writes one. */
export async function multiPageTiff(images: Buffer[]): Promise<Buffer> {
  const pages = await Promise.all(
    images.map(async (image) => {
      const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
      return { width: info.width, height: info.height, pixels: data };
    }),
  );
  return writeTiff(pages);
}

/** An uncompressed, 8-bit grey TIFF with one page (IFD) for each entry, its pixels in one strip. */
function writeTiff(pages: { width: number; height: number; pixels: Buffer }[]): Buffer {
  const entries = 8;
  const ifdSize = 2 + entries * 12 + 4;
  const header = 8;
  const buffer = Buffer.alloc(header + pages.reduce((total, page) => total + ifdSize + page.pixels.length, 0));
  buffer.write('II', 0, 'latin1');
  buffer.writeUInt16LE(42, 2);
  buffer.writeUInt32LE(header, 4);
  let at = header;
  pages.forEach(({ width, height, pixels }, index) => {
    const strip = at + ifdSize;
    buffer.writeUInt16LE(entries, at);
    const tags: [number, number, number][] = [
      [256, 4, width], // width
      [257, 4, height], // height
      [258, 3, 8], // bits per sample
      [259, 3, 1], // no compression
      [262, 3, 1], // black is zero
      [273, 4, strip], // strip offset
      [278, 4, height], // rows per strip: all of them
      [279, 4, pixels.length], // strip byte count
    ];
    tags.forEach(([tag, type, value], i) => {
      const entry = at + 2 + i * 12;
      buffer.writeUInt16LE(tag, entry);
      buffer.writeUInt16LE(type, entry + 2);
      buffer.writeUInt32LE(1, entry + 4);
      if (type === 3) buffer.writeUInt16LE(value, entry + 8);
      else buffer.writeUInt32LE(value, entry + 8);
    });
    const next = strip + pixels.length;
    buffer.writeUInt32LE(index === pages.length - 1 ? 0 : next, at + 2 + entries * 12);
    pixels.copy(buffer, strip);
    at = next;
  });
  return buffer;
}
