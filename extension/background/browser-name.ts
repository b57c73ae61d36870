/**
 * The browser's name and major version as Cuttings records it in provenance and shows it in
 * the pairing dialog ("Chromium 156", "Firefox 140", "Microsoft Edge 141"). Chromium-based
 * browsers name themselves in User-Agent Client Hints (`navigator.userAgentData.brands`, with a
 * made-up "Not A Brand" entry to skip); Firefox has no hints, and its User-Agent says it plainly.
 */

/** One brand of `navigator.userAgentData.brands`. */
export interface Brand {
  brand: string;
  version: string;
}

/** The names preferred over the engine's own, most specific first. */
const PRODUCTS = ['Microsoft Edge', 'Brave', 'Opera', 'Vivaldi', 'Google Chrome', 'Chromium'];

/** "Chromium 156" from the brands, else from the User-Agent string; "a browser" if neither says. */
export function browserName(userAgent: string, brands: readonly Brand[] | undefined): string {
  const known = (brands ?? []).filter((brand) => !/not.a.brand/iu.test(brand.brand));
  for (const product of PRODUCTS) {
    const found = known.find((brand) => brand.brand === product);
    if (found) return `${found.brand} ${found.version}`;
  }
  if (known[0]) return `${known[0].brand} ${known[0].version}`;
  const firefox = /Firefox\/(\d+)/u.exec(userAgent);
  if (firefox) return `Firefox ${firefox[1]}`;
  const chrome = /Chrome\/(\d+)/u.exec(userAgent);
  if (chrome) return `Chromium ${chrome[1]}`;
  return 'a browser';
}
