/**
 * A scan's files as received, read back from a library: the first from its capture, the
 * others from the asset store (storage/scan-capture.ts). What `cuttings ocr` recognises again,
 * and what an export or a signature takes of a scan: bytes, SHA-256 and media type.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CuttingsError } from '../../../common/errors';
import { assetsFolder } from '../storage/assets';
import { readCapture, readOriginal } from '../storage/captures';
import type { StoredScan } from '../storage/scan-capture';
import type { LibraryContext } from './library-context';

/** A scan's file as received. */
export interface ScanOriginalFile {
  name: string;
  mediaType: string;
  sha256: string;
  bytes: Buffer;
}

/** An article's scan and its files; `not-found` for an unknown id, `invalid-input` for an article that is no scan. */
export async function scanOriginals(context: LibraryContext, id: string): Promise<{ scan: StoredScan; files: ScanOriginalFile[] }> {
  context.record(id);
  const content = await readCapture(context.root, id);
  const scan = content.scan;
  if (!scan) throw new CuttingsError('invalid-input', `ocr: article ${id} is not a scan (it was not recognised from an image or a scanned PDF)`);
  const files: ScanOriginalFile[] = [];
  for (const [index, original] of scan.originals.entries()) {
    const bytes = index === 0 || !original.asset ? (await readOriginal(context.root, id)).bytes : await readFile(join(assetsFolder(context.root), original.asset)).catch(() => null);
    if (!bytes) throw new CuttingsError('library', `library: the scan ${original.name} of article ${id} is missing from ${assetsFolder(context.root)}`);
    files.push({ name: original.name, mediaType: original.mediaType, sha256: original.sha256, bytes });
  }
  return { scan, files };
}
