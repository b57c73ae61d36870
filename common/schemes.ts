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

/**
 * The scheme the OS hands to Cuttings (the packages and main/index.ts register it): links
 * from the browser extension that open the app, a cutting, or the browser settings.
 * `cuttings://open`, `cuttings://article/<id>`, `cuttings://browser-clipping`; main's
 * launch-argument parser (main/policies/launch-arguments.ts) reads them.
 */
export const OPEN_SCHEME = 'cuttings';

/** The places a `cuttings:` link can name, by their host part. */
export const OPEN_LINK_HOSTS = { app: 'open', article: 'article', browserClipping: 'browser-clipping' } as const;

/**
 * The link that opens a cutting in the app.
 *
 * @example cuttingLink('01JH3V5Q7M0X2K9T4B6N8C1D2E') // 'cuttings://article/01JH3V5Q7M0X2K9T4B6N8C1D2E'
 */
export function cuttingLink(id: string): string {
  return `${OPEN_SCHEME}://${OPEN_LINK_HOSTS.article}/${encodeURIComponent(id)}`;
}

/** The link that starts the app (or brings it to the front). */
export const OPEN_APP_LINK = `${OPEN_SCHEME}://${OPEN_LINK_HOSTS.app}`;

/** The link that opens the app's "Clip from the browser" dialog, to turn it on or pair. */
export const BROWSER_CLIPPING_LINK = `${OPEN_SCHEME}://${OPEN_LINK_HOSTS.browserClipping}`;
