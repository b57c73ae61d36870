// The search service hands added articles to its engine without waiting, and says when few
// enough are still waiting, so that a bulk import does not pile up texts faster than they are indexed.
import { describe, expect, it } from 'vitest';
import type { SearchEngine } from '../../../../main/core/search/search-engine';
import type { IndexableArticle } from '../../../../main/core/search/search-index';
import { SearchService } from '../../../../main/core/search/search-service';
import type { ArticleRecord } from '../../../../main/core/storage/article-record';
import type { Catalog } from '../../../../main/core/storage/catalog';

/** An engine whose adds finish only when the test lets them, one at a time, in order. */
function heldEngine() {
  const held: (() => void)[] = [];
  const added: string[] = [];
  const engine = {
    load: async () => null,
    reset: async () => undefined,
    addStored: async () => undefined,
    add: (articles: IndexableArticle[]) =>
      new Promise<void>((resolve) =>
        held.push(() => {
          added.push(...articles.map((article) => article.id));
          resolve();
        }),
      ),
  } as unknown as SearchEngine;
  const release = async () => {
    // Lets the chain reach the next add before it is released.
    for (let i = 0; i < 5 && held.length === 0; i++) await new Promise((resolve) => setImmediate(resolve));
    held.shift()!();
  };
  return { engine, added, release };
}

const emptyCatalog = { size: 0, ids: () => [], shardVersions: () => ({}), loadAll: () => Promise.resolve() } as unknown as Catalog;
const article = (id: string) => ({ record: { id, title: id, tags: [] } as unknown as ArticleRecord, text: `Text of ${id}` });
const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('SearchService.caughtUpTo', () => {
  it('resolves once no more than the limit of added articles wait to be indexed', async () => {
    const { engine, added, release } = heldEngine();
    const service = new SearchService('/nowhere', engine, emptyCatalog);
    await service.ensureReady();
    service.added([article('A'), article('B'), article('C')]);
    service.added([article('D'), article('E')]);
    expect(await settled(service.caughtUpTo(5))).toBe(true);
    const fewer = service.caughtUpTo(2);
    expect(await settled(fewer)).toBe(false);
    await release();
    expect(await settled(fewer)).toBe(true);
    expect(added).toEqual(['A', 'B', 'C']);
    const none = service.caughtUpTo(0);
    expect(await settled(none)).toBe(false);
    await release();
    expect(await settled(none)).toBe(true);
  });

  it('does not wait for articles added before the index was asked for (the catch-up at load finds them)', async () => {
    const { engine } = heldEngine();
    const service = new SearchService('/nowhere', engine, emptyCatalog);
    service.added([article('A')]);
    expect(await settled(service.caughtUpTo(0))).toBe(true);
  });
});
