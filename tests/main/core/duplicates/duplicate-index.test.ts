import { describe, expect, it } from 'vitest';
import { DuplicateIndex, INDEXED_HASHES, type DuplicateSource } from '../../../../main/core/duplicates/duplicate-index';
import { findDuplicate, type DuplicateProbe } from '../../../../main/core/duplicates/find-duplicate';
import { textSketch } from '../../../../main/core/duplicates/text-fingerprint';
import type { ArticleRecord } from '../../../../main/core/storage/article-record';
import { testRecord } from '../storage/test-record';

/** A catalog in memory that tells its watchers of changes, as storage/catalog.ts does. */
class FakeCatalog implements DuplicateSource {
  readonly records = new Map<string, ArticleRecord>();
  private readonly watchers: Parameters<DuplicateSource['watch']>[0][] = [];
  /** Everything is in memory already. */
  loadAll(): Promise<void> {
    return Promise.resolve();
  }
  ids(): string[] {
    return [...this.records.keys()];
  }
  get(id: string): ArticleRecord | undefined {
    return this.records.get(id);
  }
  watch(watcher: Parameters<DuplicateSource['watch']>[0]): void {
    this.watchers.push(watcher);
  }
  set(record: ArticleRecord | null, id = record!.id): void {
    const before = this.records.get(id);
    if (record) this.records.set(id, record);
    else if (!this.records.delete(id)) return;
    for (const watcher of this.watchers) watcher(id, record, before);
  }
}

let seed = 99;
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

// Small pools, so that addresses, texts and sketches are often shared.
const URLS = ['https://news.example.org/a', 'http://NEWS.example.org/a/?utm_source=x', 'https://news.example.org/b', 'https://wire.example.com/story?id=1', 'https://wire.example.com/story?id=2', null];
const PARAGRAPHS = Array.from({ length: 8 }, (_, i) =>
  Array.from({ length: 40 }, (_, j) => `word${(i * 37 + j * 11) % 97}`).join(' '),
);
const texts = () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(PARAGRAPHS)).join(' ');

function article(id: string): { record: ArticleRecord; text: string } {
  const text = texts();
  const url = pick(URLS);
  const base = testRecord(id, random() < 0.5 ? ['t'] : []);
  return {
    text,
    record: { ...base, url, provenance: { ...base.provenance, originalUrl: url ?? undefined, canonicalUrl: pick(URLS) ?? undefined, textSha256: `sha-${text.length % 5}`, textSketch: textSketch(text) } },
  };
}

describe('the duplicate index', () => {
  it('files 11 of each sketch\'s 16 hashes: the fewest that miss no near duplicate', () => {
    expect(INDEXED_HASHES).toBe(11);
  });

  it('hands findDuplicate every article that decides its answer: the same answer as reading the whole catalog, through adds, edits and removals', async () => {
    const catalog = new FakeCatalog();
    const textOf = new Map<string, string>();
    const index = new DuplicateIndex(catalog);
    let next = 0;
    const newId = () => `01J${String(next++).padStart(6, '0')}`;
    const addOne = () => {
      const { record, text } = article(newId());
      textOf.set(record.id, text);
      catalog.set(record);
    };
    for (let i = 0; i < 200; i++) addOne();
    const readText = async (id: string) => textOf.get(id)!;
    for (let round = 0; round < 150; round++) {
      // Between lookups, the catalog changes: new articles, changed addresses or texts, tag edits, removals.
      for (let change = 0; change < 3; change++) {
        const roll = random();
        const ids = catalog.ids();
        const id = pick(ids);
        if (roll < 0.4) addOne();
        else if (roll < 0.6) {
          const { record, text } = article(id);
          textOf.set(id, text);
          catalog.set(record);
        } else if (roll < 0.8) catalog.set({ ...catalog.get(id)!, tags: ['edited'] });
        else catalog.set(null, id);
      }
      const { record, text } = article('probe');
      const probe: DuplicateProbe = { urls: [record.url, record.provenance.canonicalUrl], text, textSha256: record.provenance.textSha256, textSketch: record.provenance.textSketch! };
      const candidates = await index.candidates(probe);
      expect(candidates.length).toBeLessThanOrEqual(catalog.records.size);
      expect(await findDuplicate(probe, candidates, readText)).toEqual(await findDuplicate(probe, [...catalog.records.values()], readText));
    }
  });

  it('finds a near duplicate whose only shared hashes are its 11th to 16th smallest: the least a candidate can share', async () => {
    const sketch = (hashes: number[]) => hashes.map((hash) => hash.toString(16).padStart(8, '0')).join('');
    const shared = [200, 210, 220, 230, 240, 250];
    const catalog = new FakeCatalog();
    const base = testRecord('01A');
    catalog.set({ ...base, provenance: { ...base.provenance, textSha256: 'one', textSketch: sketch([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, ...shared]) } });
    const index = new DuplicateIndex(catalog);
    // Of the 16 smallest hashes of both, 6 are shared: 6/16 is just over findDuplicate's 0.35.
    const probe = { urls: [], text: 'the same story', textSha256: 'two', textSketch: sketch([...shared, ...Array.from({ length: 10 }, (_, i) => 2000 + i)]) };
    const candidates = await index.candidates(probe);
    expect(candidates.map((each) => each.id)).toEqual(['01A']);
    expect(await findDuplicate(probe, candidates, async () => 'the same story')).toMatchObject({ id: '01A', reason: 'similar-text' });
  });

  it('leaves out the articles that share nothing with the probe', async () => {
    const catalog = new FakeCatalog();
    const base = testRecord('01A');
    catalog.set({ ...base, url: 'https://a.example.org/x', provenance: { ...base.provenance, textSha256: 'one', textSketch: textSketch('alpha beta gamma delta epsilon') } });
    const index = new DuplicateIndex(catalog);
    const probe = { urls: ['https://b.example.org/y'], text: 'zeta eta theta iota kappa', textSha256: 'two', textSketch: textSketch('zeta eta theta iota kappa') };
    expect(await index.candidates(probe)).toEqual([]);
    expect((await index.candidates({ ...probe, urls: ['http://A.example.org/x/'] })).map((each) => each.id)).toEqual(['01A']);
  });

  it('makes the index again at the next clip when making it failed, rather than failing every clip after', async () => {
    const catalog = new FakeCatalog();
    const base = testRecord('01A');
    catalog.set({ ...base, url: 'https://a.example.org/x' });
    let failing = true;
    const source: DuplicateSource = {
      ids: () => {
        if (failing) throw new Error('catalog: unreadable');
        return catalog.ids();
      },
      loadAll: () => catalog.loadAll(),
      get: (id) => catalog.get(id),
      watch: (watcher) => catalog.watch(watcher),
    };
    const index = new DuplicateIndex(source);
    const probe = { urls: ['https://a.example.org/x'], text: '', textSha256: 'x', textSketch: '' };
    await expect(index.candidates(probe)).rejects.toThrow('catalog: unreadable');
    failing = false;
    expect((await index.candidates(probe)).map((each) => each.id)).toEqual(['01A']);
  });
});
