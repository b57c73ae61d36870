/**
 * Keeps a fetched article's images offline: each `<img data-src="https://…">` the sanitiser
 * left (it never lets an article load anything) is downloaded with the same limits as a
 * page, checked to be an image by its first bytes, stored in the content-addressed asset
 * store, and pointed at as `src="cuttings-asset:<sha256>.<ext>"`; `data-src` stays as the
 * record of where it came from. An image carried inside the page as a data: URI (a
 * SingleFile save) is stored from the page itself, and its data: copy dropped. An image that cannot be had is left as it was and named in
 * the result, never failing the clip.
 */
import { assetReferences, storeAsset } from '../storage/assets';
import { embeddedImageBytes, withoutEmbeddedImages } from '../clip/embedded-images';
import { unescapeAttribute } from '../clip/escape-html';
import { fetchPage } from './fetch-page';
import { assetUrl } from '../../../common/schemes';
import type { ImageLimits } from '../capture/batch-item';
import type { CapturedImage } from '../storage/http-exchange';

/** What downloading did. */
export interface LocalisedImages {
  html: string;
  /** Asset names now referenced. */
  stored: string[];
  /** Images left remote, with why. */
  skipped: { url: string; reason: string }[];
  /** The images fetched from the web, with the requests and responses (kept with the capture, for WARC). */
  fetched: CapturedImage[];
}

const DATA_SRC = /<img\b[^>]*?\sdata-src="([^"]+)"[^>]*>/giu;

/** Downloads the images of sanitised article HTML into the library at `root`. */
export async function localiseImages(root: string, html: string, limits: ImageLimits = {}): Promise<LocalisedImages> {
  const maxImages = limits.maxImages ?? 30;
  const maxImageBytes = limits.maxImageBytes ?? 5 * 1024 * 1024;
  let budget = limits.maxTotalBytes ?? 25 * 1024 * 1024;
  const names = new Map<string, string>();
  const skipped: LocalisedImages['skipped'] = [];
  const fetched: CapturedImage[] = [];
  const urls = [...new Set([...html.matchAll(DATA_SRC)].map((match) => unescapeAttribute(match[1]!)))];
  for (const [index, url] of urls.entries()) {
    if (index >= maxImages) {
      skipped.push({ url, reason: `more than ${maxImages} images in the article` });
      continue;
    }
    try {
      const at = (await limits.embedded?.get(url)) ?? embeddedImageBytes(url);
      if (!at && limits.fetchRemote === false) {
        skipped.push({ url, reason: 'not in the file, and images of files are not fetched' });
        continue;
      }
      if (at && at.length > Math.min(maxImageBytes, budget)) {
        skipped.push({ url, reason: `larger than ${Math.round(Math.min(maxImageBytes, budget) / 1024)} KB` });
        continue;
      }
      const image = at
        ? { body: at, contentType: '', exchanges: null }
        : await fetchPage(url, { ...limits.fetch, maxBytes: Math.min(maxImageBytes, budget), timeoutMs: limits.timeoutMs ?? 15_000 });
      const extension = imageExtension(image.body);
      if (!extension) {
        skipped.push({ url, reason: `not an image Cuttings keeps (served as ${image.contentType || 'no type'})` });
        continue;
      }
      budget -= image.body.length;
      const asset = await storeAsset(root, image.body, extension);
      names.set(url, asset);
      if (image.exchanges) fetched.push({ url, asset, exchanges: image.exchanges });
    } catch (error) {
      skipped.push({ url, reason: (error as Error).message });
    }
  }
  const rewritten = html.replace(DATA_SRC, (tag: string, raw: string) => {
    const name = names.get(unescapeAttribute(raw));
    if (!name || /\ssrc=/iu.test(tag)) return tag;
    return tag.replace(/^<img\b/iu, `<img src="${assetUrl(name)}"`);
  });
  // An image that came inside the page keeps no data: copy of itself: the asset is that copy.
  const kept = withoutEmbeddedImages(rewritten);
  return { html: kept, stored: assetReferences(kept), fetched, skipped: skipped.map((image) => (image.url.startsWith('data:') ? { ...image, url: `${image.url.slice(0, 40)}…` } : image)) };
}

/** The extension for an image's bytes, from its signature; null if not a kept kind (SVG is not: it can carry scripts). */
export function imageExtension(bytes: Uint8Array): string | null {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif';
  const ascii = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 12 && ascii(4, 8) === 'ftyp' && /^avi[fs]$/u.test(ascii(8, 12))) return 'avif';
  return null;
}
