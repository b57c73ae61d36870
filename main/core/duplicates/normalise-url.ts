/**
 * The key under which two addresses of one story compare equal: tracking parameters
 * (`utm_*`, `fbclid`, `gclid`…) stripped, host lower-cased, default port and fragment
 * dropped, the remaining query parameters sorted, a trailing slash dropped, and http read as
 * https (a site serves one story under both; pages still name the old scheme in their
 * metadata). The path keeps its case (servers differ).
 */

/** Query parameters that only say how a reader arrived, never which page it is. */
const TRACKING_PARAMETERS = new Set([
  'fbclid', 'gclid', 'dclid', 'gclsrc', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id', 'igshid', 'mc_cid', 'mc_eid',
  '_ga', '_gl', '_hsenc', '_hsmi', 'hsctatracking', 'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'rb_clickid', 'vero_id',
  'wickedid', 'ncid', 'cmpid', 'ocid', 'sr_share', 'at_medium', 'at_campaign', 'ref_src', 'ref_url', 'smid', 'spm',
  'share', 'origin_ref', 'ito', 'icid', 'ns_mchannel', 'ns_source', 'ns_campaign', 'ns_linkname', 'ns_fee',
]);

/** Prefixes of whole families of tracking parameters. */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hmb_', 'at_', 'ga_'];

/** True if a query parameter name only tracks the reader. */
export function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMETERS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * The comparison key of an http(s) address, or null for anything else.
 * `normaliseUrl('HTTPS://News.Example.org:443/a/b?utm_source=x&id=7#top')` →
 * `'https://news.example.org/a/b?id=7'`; `http://x.org:80/a/` → `'https://x.org/a'`.
 */
export function normaliseUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  return plainUrlKey(trimmed) ?? urlKeyByParser(trimmed);
}

/** The distinct keys of some addresses (those that are http(s) addresses), each worked out once. */
export function normalisedKeys(urls: Iterable<string | null | undefined>): Set<string> {
  const keys = new Set<string>();
  for (const url of new Set(urls)) {
    const key = normaliseUrl(url);
    if (key !== null) keys.add(key);
  }
  return keys;
}

/**
 * An address's key by the WHATWG URL parser: what every address can be given to. Exported for
 * the test that holds plainUrlKey to the same answers.
 */
export function urlKeyByParser(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // URL already lower-cases the host and drops a default port; the rest is ours.
  url.protocol = 'https:';
  url.hash = '';
  url.username = '';
  url.password = '';
  url.hostname = url.hostname.replace(/\.$/u, '');
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParameter(name));
  kept.sort(byNameThenValue);
  url.search = new URLSearchParams(kept).toString();
  // `/story/` and `/story` are one page on nearly every news site.
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/u, '');
  return url.href;
}

function byNameThenValue([a, x]: [string, string], [b, y]: [string, string]): number {
  return a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0;
}

/**
 * An address in the plain form nearly every news address has: lower-case http(s) scheme and
 * host name (letters, digits, hyphens; a top-level label that is not a number, so no IP
 * address; no `xn--` label, which the parser checks as IDNA), no port, no user, a path of
 * characters the parser leaves as they are and no `.`, `..` or `%2e` segment for it to
 * resolve, and a query of name=value pairs of characters URLSearchParams writes back as they
 * came. Anything else answers undefined and goes to the parser.
 */
const PLAIN_URL = /^https?:\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*)(\/[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*)?(?:\?([A-Za-z0-9*\-._=&]*))?(?:#.*)?$/u;
const PLAIN_QUERY_PART = /^[A-Za-z0-9*\-._]*$/u;

/**
 * The key of a plain address (PLAIN_URL) worked out with string operations, or undefined for
 * any other. It gives what the parser gives (a property test holds it to that), in a tenth of
 * the time: parsing and re-setting a URL cost about 8 µs an address, and the duplicate index
 * (duplicate-index.ts) keys every address of every article in the library.
 */
function plainUrlKey(raw: string): string | null | undefined {
  const match = PLAIN_URL.exec(raw);
  if (!match) return undefined;
  const [, host, rawPath = '/', query = ''] = match;
  // The last label starts with a letter (PLAIN_URL), so the parser never reads the host as an IPv4 address.
  if (host!.includes('xn--')) return undefined;
  const segments = rawPath.split('/');
  if (segments.some((segment) => segment === '.' || segment === '..' || /%2e/iu.test(segment))) return undefined;
  let path = rawPath;
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/u, '') || '/';
  const kept: [string, string][] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const [name, value] = equals < 0 ? [part, ''] : [part.slice(0, equals), part.slice(equals + 1)];
    if (!PLAIN_QUERY_PART.test(value)) return undefined;
    if (!isTrackingParameter(name)) kept.push([name, value]);
  }
  kept.sort(byNameThenValue);
  const search = kept.length > 0 ? `?${kept.map(([name, value]) => `${name}=${value}`).join('&')}` : '';
  return `https://${host}${path}${search}`;
}
