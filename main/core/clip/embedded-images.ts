/**
 * Images carried inside a page as `data:` URIs, as SingleFile saves every image of a page.
 * The sanitiser keeps them aside as `data-src` (an article never loads anything itself); the
 * library then stores them in the asset store like downloaded ones (fetch/download-images.ts),
 * or drops them when the page is not one whose images are kept (an import line, a paste).
 */

/** A base64 image of a kind the asset store keeps (never SVG, which can carry scripts). */
const EMBEDDED_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif);base64,/iu;

/**
 * Shorter data URIs are lazy-loading placeholders (a transparent pixel is under 100
 * characters), not pictures worth keeping.
 */
const MIN_EMBEDDED_IMAGE_CHARS = 1000;

/** Whether an `<img src>` is a picture embedded in the page that is worth keeping. */
export function isEmbeddedImage(src: string): boolean {
  return src.length >= MIN_EMBEDDED_IMAGE_CHARS && EMBEDDED_IMAGE.test(src);
}

/** The bytes of an embedded image's data URI; null for any other address. */
export function embeddedImageBytes(url: string): Buffer | null {
  const prefix = EMBEDDED_IMAGE.exec(url);
  return prefix ? Buffer.from(url.slice(prefix[0].length), 'base64') : null;
}

/** Sanitised HTML without the embedded images the sanitiser set aside (a data URI is a copy of the image). */
export function withoutEmbeddedImages(html: string): string {
  if (!html.includes('data-src="data:')) return html;
  return html.replace(/\sdata-src="data:[^"]*"/giu, '');
}
