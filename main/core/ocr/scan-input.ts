/**
 * What a scan file is, from its bytes (not its name: a JPEG called `.png` is still read as
 * the JPEG it is, and a text file called `.png` is refused), and its pages, within limits:
 * at most MAX_SCAN_PIXELS a page (a 100-megapixel photo is read, shrunk as it is decoded)
 * and MAX_SCAN_PAGES in a cutting (a 300-page TIFF is a book, not a cutting).
 */
import sharp, { type Metadata, type Sharp } from 'sharp';
import { CuttingsError } from '../../../common/errors';

/** The kinds of scan read, by the extension their original is kept under. */
export type ScanKind = 'jpg' | 'png' | 'tif' | 'webp' | 'pdf';

/** Each kind's media type. */
export const SCAN_MEDIA_TYPES: Readonly<Record<ScanKind, string>> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
  webp: 'image/webp',
  pdf: 'application/pdf',
};

/** File extensions taken as scans. */
export const SCAN_EXTENSIONS: Readonly<Record<string, ScanKind>> = {
  '.jpg': 'jpg',
  '.jpeg': 'jpg',
  '.png': 'png',
  '.tif': 'tif',
  '.tiff': 'tif',
  '.webp': 'webp',
};

/** Pixels a page may have: 250 million (a 100-megapixel photo is fine; a 20,000 × 20,000 scan is not). */
export const MAX_SCAN_PIXELS = 250_000_000;
/** Pages recognised into one cutting at most. */
export const MAX_SCAN_PAGES = 100;

/** The kind of scan the bytes are, or null if they are none. */
export function sniffScan(bytes: Uint8Array): ScanKind | null {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0xff, 0xd8, 0xff)) return 'jpg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'tif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes.length >= 12 && starts(0x52, 0x49, 0x46, 0x46) && Buffer.from(bytes.subarray(8, 12)).toString('latin1') === 'WEBP') return 'webp';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
  return null;
}

/** The kind of a scan file, refusing bytes that are no image or PDF with a message naming the file. */
export function scanKind(bytes: Uint8Array, name: string): ScanKind {
  const kind = sniffScan(bytes);
  if (kind) return kind;
  const said = SCAN_EXTENSIONS[name.slice(name.lastIndexOf('.')).toLowerCase()];
  const what = said ? `a ${said.toUpperCase()} image` : 'an image';
  throw new CuttingsError('bad-content', `ocr: ${name} is not ${what} (its bytes are not those of a JPEG, PNG, TIFF, WebP or PDF)`);
}

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
