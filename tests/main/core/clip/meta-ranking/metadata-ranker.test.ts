import { describe, expect, it } from 'vitest';
import { CandidatePool, KINDS, META_FIELDS } from '../../../../../main/core/clip/meta-ranking/candidate-pool';
import { candidateKey, featureNames } from '../../../../../main/core/clip/meta-ranking/field-features';
import { checkRankers, rankedValue, shippedRankers } from '../../../../../main/core/clip/meta-ranking/metadata-ranker';
import type { FieldRanker } from '../../../../../main/core/clip/meta-ranking/metadata-ranker';
import stored from '../../../../../main/core/clip/meta-ranking/metadata-rankers.json' with { type: 'json' };

/** A one-tree ranker for `field`: log-odds +3 for a candidate from `kind`, -3 otherwise. */
function trustOnly(field: 'title' | 'author' | 'date', kind: string, margin = 0): FieldRanker {
  return {
    margin,
    model: {
      format: 'cuttings-boosted-trees',
      features: featureNames(field),
      base: 0,
      threshold: 0.5,
      trees: [{ f: [featureNames(field).indexOf(`from:${kind}`), -1, -1], t: [0.5, -3, 3], r: [2, -1, -1] }],
    },
  };
}

function poolWith(entries: Array<[field: 'title' | 'author' | 'date', kind: string, value: string]>): CandidatePool {
  const pool = new CandidatePool(candidateKey);
  for (const [field, kind, value] of entries) pool.add(field, kind, value);
  return pool;
}

describe('the metadata ranker', () => {
  it('chooses the candidate its model scores best, whatever the rules chose', () => {
    const pool = poolWith([
      ['title', 'rules', 'Harbour Gazette'],
      ['title', 'og-title', 'New ferry timetable starts on Monday'],
    ]);
    expect(rankedValue(pool, 'title', trustOnly('title', 'og-title'))).toBe('New ferry timetable starts on Monday');
    expect(rankedValue(pool, 'title', trustOnly('title', 'rules'))).toBe('Harbour Gazette');
  });

  it("keeps the rules' answer unless another candidate is more probable by more than the margin", () => {
    const pool = poolWith([
      ['date', 'rules', '2021-03-14'],
      ['date', 'ld-modified', '2021-03-20'],
    ]);
    // The model gives 0.953 to the modified date and 0.047 to the rules': 0.906 apart.
    expect(rankedValue(pool, 'date', trustOnly('date', 'ld-modified', 0.9))).toBe('2021-03-20');
    expect(rankedValue(pool, 'date', trustOnly('date', 'ld-modified', 0.95))).toBe('2021-03-14');
  });

  it('gives no author the rules did not find unless its best candidate reaches the threshold', () => {
    const pool = poolWith([['author', 'byline-in-text', 'Mara Quint']]);
    expect(rankedValue(pool, 'author', trustOnly('author', 'ld-author'))).toBeNull();
    expect(rankedValue(pool, 'author', trustOnly('author', 'byline-in-text'))).toBe('Mara Quint');
    expect(rankedValue(new CandidatePool(candidateKey), 'date', trustOnly('date', 'url'))).toBeNull();
  });

  it('merges candidates that name the same day or the same people in another order', () => {
    const pool = poolWith([
      ['date', 'url', '2021-03-14'],
      ['date', 'ld-published', '2021-03-14T10:00:00Z'],
      ['author', 'meta-author', 'Mara Quint, Ole Brand'],
      ['author', 'markup', 'Ole Brand und Mara Quint'],
    ]);
    expect(pool.candidates.date.map((candidate) => candidate.value)).toEqual(['2021-03-14T10:00:00Z']);
    expect(pool.candidates.author.map((candidate) => candidate.value)).toEqual(['Mara Quint, Ole Brand']);
  });

  it('refuses a source no field knows, naming it', () => {
    expect(() => new CandidatePool(candidateKey).add('date', 'horoscope', '2021-03-14')).toThrow("meta-ranking: 'horoscope' is not a source of the date");
  });

  it('loads the shipped rankers from their JSON, each trained on the features of today', () => {
    const shipped = shippedRankers();
    for (const field of META_FIELDS) {
      const model = (stored.fields as Record<string, unknown>)[field];
      expect(shipped[field] !== undefined).toBe(Boolean(model));
      if (shipped[field]) expect(shipped[field]?.model.features).toEqual(featureNames(field));
    }
  });

  it('refuses stored rankers of another make or of other features', () => {
    expect(() => checkRankers({ fields: {} }, 'old.json')).toThrow('meta-ranking: old.json is not a set of metadata rankers');
    const ranker = trustOnly('title', 'og-title');
    expect(() => checkRankers({ format: 'cuttings-metadata-rankers', fields: { title: ranker.model } }, 'old.json')).toThrow('meta-ranking: old.json (title) has no margin');
    const stale = { ...ranker, model: { ...ranker.model, features: ['from:rules', 'from:og'] } };
    expect(() => checkRankers({ format: 'cuttings-metadata-rankers', fields: { title: stale } }, 'old.json')).toThrow(
      "clip: old.json (title) was trained on other features (column 1: 'from:og', expected 'from:ld-headline'); run npm run train:extraction",
    );
  });

  it('has one column per source kind before the value columns', () => {
    for (const field of META_FIELDS) expect(featureNames(field).slice(0, KINDS[field].length)).toEqual(KINDS[field].map((kind) => `from:${kind}`));
  });
});
