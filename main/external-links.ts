/** Which links may leave the app for the system browser. Free of electron, so it is unit-tested. */

/** Schemes a link in the app may hand to the system browser. */
const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** True when `url` parses and is http, https or mailto. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return EXTERNAL_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}
