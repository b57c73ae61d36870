/**
 * The content-addressed asset store: `<library>/assets/<sha256>.<ext>`, an article's images
 * kept once however many articles show them, named by their SHA-256 so that the name proves
 * the content (`cuttings verify` checks it). Articles point at them as
 * `cuttings-asset:<sha256>.<ext>`, which the app serves from this folder and nothing else.
 */
import { createHash } from 'node:crypto';
import { access, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CuttingsError } from '../../../common/errors';
import { writeFileDurably } from './durable-file';
import { ASSET_PROTOCOL } from '../../../common/schemes';

/** The image kinds kept, by extension, with the media type they are served as. */
export const ASSET_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  // A scan's further originals (storage/scan-capture.ts) may be TIFFs.
  tif: 'image/tiff',
};

/** A valid asset name: 64 hex digits, a dot, a known extension. */
export const ASSET_NAME = /^[0-9a-f]{64}\.(?:png|jpg|gif|webp|avif|tif)$/u;


/** The assets folder of a library. */
export function assetsFolder(root: string): string {
  return join(root, 'assets');
}

/** Stores bytes (if not already there) and returns the asset's name (`<sha256>.<ext>`). */
export async function storeAsset(root: string, bytes: Uint8Array, extension: string): Promise<string> {
  if (!(extension in ASSET_TYPES)) throw new CuttingsError('bad-content', `assets: cannot store a .${extension} file; images are kept as ${Object.keys(ASSET_TYPES).join(', ')}`);
  const name = `${createHash('sha256').update(bytes).digest('hex')}.${extension}`;
  const folder = assetsFolder(root);
  const path = join(folder, name);
  try {
    await access(path);
    return name;
  } catch {
    // Not stored yet.
  }
  await mkdir(folder, { recursive: true });
  await writeFileDurably(path, bytes);
  return name;
}

/**
 * Reads a stored asset for serving; null for a name that is not an asset's (no path can be
 * smuggled in: the name must match {@link ASSET_NAME}) or that is not stored.
 */
export async function readAsset(root: string, name: string): Promise<{ bytes: Buffer; type: string } | null> {
  if (!ASSET_NAME.test(name)) return null;
  try {
    return { bytes: await readFile(join(assetsFolder(root), name)), type: ASSET_TYPES[name.split('.')[1]!]! };
  } catch {
    return null;
  }
}

/** An asset's address inside stored HTML; group 1 is its name. */
const ASSET_REFERENCE = new RegExp(`${ASSET_PROTOCOL}([0-9a-f]{64}\\.[a-z]+)`, 'gu');

/** The asset names an article's HTML points at. */
export function assetReferences(html: string): string[] {
  return [...new Set([...html.matchAll(ASSET_REFERENCE)].map((match) => match[1]!))];
}
