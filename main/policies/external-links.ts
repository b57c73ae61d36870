/** Which links may leave the app for the system browser. Free of electron, so it is unit-tested. */

/** Schemes a link in the app may hand to the system browser. */
const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** True when `url` parses and is http, https or mailto. */
export function isSafeExternalUrl(url: string): boolean {
  return externalUrlToOpen(url) !== null;
}

/**
 * The address to hand to the system browser for `url`: the parsed, re-serialised address
 * when it is http, https or mailto (with no credentials in it), else null.
 *
 * @example externalUrlToOpen('HTTPS://example.org/a b') // → 'https://example.org/a%20b'
 */
export function externalUrlToOpen(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!EXTERNAL_SCHEMES.has(parsed.protocol)) return null;
  // user:password@host links are a phishing trick, never a news story.
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.protocol !== 'mailto:' && parsed.hostname === '') return null;
  return parsed.href;
}
