/**
 * What a scan file is, from its bytes (not its name: a JPEG called `.png` is still read as
 * the JPEG it is, and a text file called `.png` is refused), and the limits a scan is read
 * within: MAX_SCAN_PIXELS a page and MAX_SCAN_PAGES a cutting. Kept apart from scan-input.ts,
 * which reads the pages with sharp, so that what only asks "is this file a scan?" (adding a
 * file: capture/read-article-file.ts, capture/scan-item.ts) does not load sharp.
 */
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
