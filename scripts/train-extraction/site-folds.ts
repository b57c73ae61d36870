/**
 * Folds split by site: every page of a site in the same fold, so that a model is always
 * scored on sites it never saw in training. Sites are dealt out largest first to the fold
 * with the fewest pages so far (ties to the lower fold, sites of equal size by name), which
 * balances the folds and gives the same folds on every run.
 */

/** The fold of every site, for pages given as their sites. */
export function siteFolds(sites: string[], folds: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const site of sites) counts.set(site, (counts.get(site) ?? 0) + 1);
  const order = [...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  const sizes = new Array<number>(folds).fill(0);
  const fold = new Map<string, number>();
  for (const [site, count] of order) {
    let smallest = 0;
    for (let k = 1; k < folds; k++) if ((sizes[k] as number) < (sizes[smallest] as number)) smallest = k;
    fold.set(site, smallest);
    sizes[smallest] = (sizes[smallest] as number) + count;
  }
  return fold;
}

/** One fold's pages: trained on, and held back to test on. */
export interface FoldSplit<Page> {
  train: Page[];
  test: Page[];
}

/** The pages of each fold split into training and test pages, by their site's fold. */
export function splitBySite<Page extends { site: string }>(pages: Page[], folds: number): Array<FoldSplit<Page>> {
  const foldOf = siteFolds(pages.map((page) => page.site), folds);
  return Array.from({ length: folds }, (_, fold) => ({
    train: pages.filter((page) => foldOf.get(page.site) !== fold),
    test: pages.filter((page) => foldOf.get(page.site) === fold),
  }));
}
