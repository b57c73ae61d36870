import { describe, expect, it } from 'vitest';
import { siteFolds, splitBySite } from '../../../scripts/train-extraction/site-folds';

/** Pages of 40 sites, a few large and many small, shuffled so a site's pages are not together. */
function corpusPages(): Array<{ key: string; site: string }> {
  const pages: Array<{ key: string; site: string }> = [];
  for (let site = 0; site < 40; site++) for (let page = 0; page <= (site * 7) % 13; page++) pages.push({ key: `${site}/${page}`, site: `site${site}.example` });
  return pages.map((page, i) => [page, (i * 7919) % pages.length] as const).sort((a, b) => a[1] - b[1]).map(([page]) => page);
}

describe('splitBySite', () => {
  it('never puts one site in both the training and the test pages of a fold', () => {
    const splits = splitBySite(corpusPages(), 5);
    for (const { train, test } of splits) {
      expect(test.length).toBeGreaterThan(0);
      const trained = new Set(train.map((page) => page.site));
      expect(test.filter((page) => trained.has(page.site)).map((page) => page.key)).toEqual([]);
    }
  });

  it('tests every page exactly once over the folds, and trains on all the others', () => {
    const pages = corpusPages();
    const splits = splitBySite(pages, 5);
    expect(splits.flatMap((split) => split.test.map((page) => page.key)).sort()).toEqual(pages.map((page) => page.key).sort());
    for (const { train, test } of splits) expect(train.length + test.length).toBe(pages.length);
  });
});

describe('siteFolds', () => {
  it('balances the folds by pages: no fold larger than another by more than the largest site', () => {
    const sites = corpusPages().map((page) => page.site);
    const fold = siteFolds(sites, 5);
    const sizes = [0, 1, 2, 3, 4].map((k) => sites.filter((site) => fold.get(site) === k).length);
    const largest = Math.max(...[...new Set(sites)].map((site) => sites.filter((other) => other === site).length));
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(largest);
  });

  it('gives the same folds whatever the order of the pages', () => {
    const sites = corpusPages().map((page) => page.site);
    expect([...siteFolds([...sites].reverse(), 5)].sort()).toEqual([...siteFolds(sites, 5)].sort());
  });
});
