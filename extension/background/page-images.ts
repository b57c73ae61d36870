/**
 * The pictures of a clipped page, fetched by the extension with the browser's cookies — so a
 * picture shown only to a logged-in reader comes along — and sent to the app as base64 beside
 * the page. The app stores each in its asset store under the address it came from, and fetches
 * only those the extension could not send.
 *
 * The limits are the app's for a fetched page (common/browser-protocol.ts: 30 pictures, 5 MB
 * each, 25 MB in all); a picture over them, or one that fails, is left out without failing the
 * clip. Each has 15 s, and they are fetched four at a time: pages hold a dozen pictures or
 * so, and four keeps a slow host from holding up the rest without flooding the browser.
 */
import { EXTENSION_LIMITS } from '../../common/browser-protocol';

/** How long one picture may take. */
const IMAGE_TIMEOUT_MS = 15_000;
/** Pictures fetched at once. */
const PARALLEL = 4;

/** The limits, which tests may lower. */
export interface ImageLimits {
  maxImages: number;
  maxImageBytes: number;
  maxImagesBytes: number;
}

/** Fetches the pictures at `urls` (in page order); returns address → base64 for those within the limits. */
export async function fetchPageImages(urls: readonly string[], limits: ImageLimits = EXTENSION_LIMITS, fetcher: typeof fetch = fetch): Promise<Record<string, string>> {
  const wanted = [...new Set(urls)].slice(0, limits.maxImages);
  const fetched: (Uint8Array | null)[] = new Array(wanted.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < wanted.length) {
      const index = next++;
      fetched[index] = await fetchImage(wanted[index]!, limits.maxImageBytes, fetcher);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  // Within the total, in page order: the first pictures are the article's own.
  const images: Record<string, string> = {};
  let budget = limits.maxImagesBytes;
  wanted.forEach((url, index) => {
    const bytes = fetched[index];
    if (!bytes || bytes.length > budget) return;
    budget -= bytes.length;
    images[url] = toBase64(bytes);
  });
  return images;
}

/** One picture's bytes, or null if it cannot be had within the limit or is not a picture. */
async function fetchImage(url: string, maxBytes: number, fetcher: typeof fetch): Promise<Uint8Array | null> {
  try {
    const response = await fetcher(url, { credentials: 'include', signal: AbortSignal.timeout(IMAGE_TIMEOUT_MS) });
    if (!response.ok) return null;
    const type = response.headers.get('content-type') ?? '';
    if (type !== '' && !type.toLowerCase().startsWith('image/')) return null;
    if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
      await response.body?.cancel();
      return null;
    }
    const reader = response.body?.getReader();
    if (!reader) return null;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  } catch {
    return null;
  }
}

/** Base64 of bytes, 32 KB at a time (String.fromCharCode takes its arguments on the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}
