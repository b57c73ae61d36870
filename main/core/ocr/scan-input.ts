/**
 * A scan's pages, read with sharp within the limits of scan-formats.ts: at most
 * MAX_SCAN_PIXELS a page (a 100-megapixel photo is read, shrunk as it is decoded) and
 * MAX_SCAN_PAGES in a cutting (a 300-page TIFF is a book, not a cutting).
 */
import sharp, { type Metadata, type Sharp } from 'sharp';
import { CuttingsError } from '../../../common/errors';
import { MAX_SCAN_PIXELS } from './scan-formats';

/** sharp over an image's bytes, with the limits above; `page` picks a page of a TIFF. */
export function openImage(bytes: Uint8Array, page = 0): Sharp {
  return sharp(bytes, { page, limitInputPixels: MAX_SCAN_PIXELS, failOn: 'truncated', sequentialRead: true });
}

/** Why sharp could not read an image, in words: a damaged or cut-short file, or one too large. */
export function unreadableImage(error: unknown, name: string): CuttingsError {
  if (error instanceof CuttingsError) return error;
  const message = (error as Error).message;
  if (/pixel limit/iu.test(message)) return new CuttingsError('bad-content', `ocr: ${name} has more than ${MAX_SCAN_PIXELS / 1_000_000} million pixels; scan or photograph it at a lower resolution`);
  const damaged = /premature end|truncated|corrupt|unexpected end|bad|invalid|not a|unsupported/iu.test(message);
  return new CuttingsError('bad-content', `ocr: cannot read ${name}: ${damaged ? 'the image is damaged or cut short' : 'it is not an image sharp can decode'} (${message.split('\n')[0]})`);
}

/** How many pages an image holds (a TIFF can hold many), checked against the limits. */
export async function imagePages(bytes: Uint8Array, name: string): Promise<number> {
  let metadata: Metadata;
  try {
    metadata = await openImage(bytes).metadata();
  } catch (error) {
    throw unreadableImage(error, name);
  }
  const pixels = (metadata.width ?? 0) * (metadata.height ?? 0);
  if (pixels > MAX_SCAN_PIXELS) throw unreadableImage(new Error('pixel limit'), name);
  return metadata.pages ?? 1;
}
