/**
 * URL rules shared by metadata and sanitising: which addresses a cutting may keep.
 */

/**
 * The URL of documents that have no known address. `.invalid` is reserved (RFC 2606), so a
 * link that resolves to this origin was relative on a page whose address nobody told us.
 */
export const PLACEHOLDER_BASE_URL = 'https://cuttings.invalid/';

const PLACEHOLDER_ORIGIN = new URL(PLACEHOLDER_BASE_URL).origin;

/**
 * Resolves `raw` against `base` and returns it if it is an http(s) URL that points somewhere
 * real, else null. `resolveHttpUrl('/a', 'https://x.org/b')` → `'https://x.org/a'`.
 */
export function resolveHttpUrl(raw: string | null | undefined, base?: string | null): string | null {
  const value = raw?.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = base ? new URL(value, base) : new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.origin === PLACEHOLDER_ORIGIN) return null;
  return url.href;
}

/** True for an http(s) URL that is only a site's home page (`https://x.org/`). */
export function isSiteRoot(url: string): boolean {
  const parsed = new URL(url);
  return parsed.pathname === '/' && parsed.search === '';
}

/**
 * The host a page is from: its URL's, or for a copy in the Wayback Machine
 * (`https://web.archive.org/web/2014…/http://www.example.org/a`) the archived page's.
 * Null for no URL or one that does not parse.
 */
export function pageHost(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    const archived = /^\/web\/[^/]+\/(https?:\/\/.+)$/i.exec(parsed.pathname + parsed.search);
    if (parsed.hostname === 'web.archive.org' && archived?.[1]) return new URL(archived[1]).hostname.toLowerCase();
    return parsed.hostname.toLowerCase();
  } catch {
    return null;
  }
}
