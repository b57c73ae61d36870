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
  let url: URL;
  try {
    url = new URL(raw.trim());
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
  kept.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  // `/story/` and `/story` are one page on nearly every news site.
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/u, '');
  return url.href;
}
