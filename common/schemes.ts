/**
 * The app's own URL schemes, spelled once. The window is served from `cuttings-app://app/`
 * (never `file://`); stored images are `cuttings-asset:<sha256>.<ext>`, served from the open
 * library's asset store and nothing else. Main registers both, the sender check and the
 * navigation policy test for the first, clipping writes the second, and the reader's frame
 * allows only the second for images.
 */

/** The scheme the renderer is served from (main/index.ts registers it). */
export const APP_SCHEME = 'cuttings-app';
/** The host part of the renderer's origin: `cuttings-app://app/index.html`. */
export const APP_HOST = 'app';
/** The renderer's origin. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The scheme of stored images, without its colon (as Electron's protocol module wants it). */
export const ASSET_SCHEME = 'cuttings-asset';
/** The same with its colon, as it starts an image address (`cuttings-asset:…`). */
export const ASSET_PROTOCOL = `${ASSET_SCHEME}:`;

/**
 * The address of a stored image.
 *
 * @example assetUrl('9f86…08.png') // 'cuttings-asset:9f86…08.png'
 */
export function assetUrl(name: string): string {
  return `${ASSET_PROTOCOL}${name}`;
}
