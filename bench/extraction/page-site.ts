/**
 * Which site a corpus page comes from, so that folds can be split by site (no site's pages
 * both in training and in testing: a model that learnt one site's template would otherwise
 * look better than it is). The benchmark sets give no URL for most pages, so the site is read
 * from the page: its canonical or OpenGraph address, its `<base>`, a browser's "saved from"
 * comment, else the domain most of its absolute links and sources point to, leaving out the
 * ad servers, social networks and CDNs every site links to.
 */

/** Third parties whose links say nothing of whose page it is. */
const THIRD_PARTY =
  /(?:^|\.)(?:doubleclick\.net|google\.com|googlesyndication\.com|google-analytics\.com|googleadservices\.com|gstatic\.com|googleapis\.com|facebook\.com|facebook\.net|fbcdn\.net|twitter\.com|twimg\.com|addthis\.com|sharethis\.com|digg\.com|del\.icio\.us|delicious\.com|stumbleupon\.com|reddit\.com|technorati\.com|newsvine\.com|linkedin\.com|myspace\.com|yahoo\.com|feedburner\.com|w3\.org|adobe\.com|macromedia\.com|apple\.com|microsoft\.com|adtech\.de|adtechus\.com|atdmt\.com|2mdn\.net|yieldmanager\.com|quantserve\.com|scorecardresearch\.com|omniture\.com|2o7\.net|revsci\.net|wordpress\.com|gravatar\.com|blogger\.com|youtube\.com|flickr\.com|amazon\.com|amazonaws\.com|akamai\.net|akamaihd\.net|cloudfront\.net|disqus\.com|outbrain\.com|taboola\.com|typepad\.com|pinterest\.com|tumblr\.com|statcounter\.com|sitemeter\.com|mozilla\.org|mozilla\.com|creativecommons\.org|wikipedia\.org|bit\.ly|ad\.[^.]+\.[^.]+|ads\.[^.]+\.[^.]+)$/i;

/** Second-level labels under which a country's sites register (bbc.co.uk, smh.com.au). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or', 'go', 'gv', 'nic', 'mil', 'ltd', 'plc', 'sch', 'nom', 'info', 'asn', 'id']);

/** `news.bbc.co.uk` → `bbc.co.uk`, `blogs.nfl.com` → `nfl.com`: the domain a site registered. */
export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const [second, top] = labels.slice(-2) as [string, string];
  const keep = top.length === 2 && SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname;
    return host.includes('.') ? host : null;
  } catch {
    return null;
  }
}

/** The page's own address where it names one. */
const OWN_ADDRESS = [
  /<link[^>]+rel=["']?canonical["']?[^>]*href=["']?(https?:\/\/[^"'\s>]+)/i,
  /<link[^>]+href=["']?(https?:\/\/[^"'\s>]+)["']?[^>]*rel=["']?canonical/i,
  /<meta[^>]+property=["']og:url["'][^>]*content=["'](https?:\/\/[^"']+)/i,
  /<base[^>]+href=["']?(https?:\/\/[^"'\s>]+)/i,
  /saved from url=\(\d+\)(https?:\/\/\S+)/i,
];

/**
 * The registrable domain of the site a page comes from (`bbc.co.uk`), from its address when
 * known, else from the page; `unknown:<fallback>` when nothing tells.
 */
export function pageSite(html: string, url: string | undefined, fallback: string): string {
  const known = hostOf(url);
  if (known) return registrableDomain(known);
  for (const pattern of OWN_ADDRESS) {
    const host = hostOf(pattern.exec(html)?.[1]);
    if (host && !THIRD_PARTY.test(registrableDomain(host))) return registrableDomain(host);
  }
  const counts = new Map<string, number>();
  for (const match of html.matchAll(/(?:href|src|action)=["']?(https?:\/\/[^"'\s>/]+)/gi)) {
    const host = hostOf(match[1]);
    if (!host) continue;
    const domain = registrableDomain(host);
    if (THIRD_PARTY.test(domain) || THIRD_PARTY.test(host)) continue;
    counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  let best: [string, number] | null = null;
  for (const entry of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) if (!best || entry[1] > best[1]) best = entry;
  return best ? best[0] : `unknown:${fallback}`;
}
