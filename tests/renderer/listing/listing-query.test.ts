/** What is listed, in the query language: the search text with the sidebar's tag, and a filter added to narrow it. */
import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../../common/query';
import { listedQuery, refineQuery, withTag } from '../../../renderer/listing/listing-query';

describe('withTag', () => {
  it('adds the tag as tag:"…", a quote in it, straight or curly, escaped', () => {
    expect(withTag('lavrov', 'ukraine/diplomacy')).toBe('lavrov tag:"ukraine/diplomacy"');
    expect(withTag('lavrov', null)).toBe('lavrov');
    expect(withTag('lavrov', 'the "war"')).toBe('lavrov tag:"the \\"war\\""');
    expect(withTag('lavrov', 'the “war”')).toBe('lavrov tag:"the \\“war\\”"');
  });
});

describe('listedQuery', () => {
  it('is the search with the tag, the tag alone, or empty for every article', () => {
    expect(listedQuery('lavrov', 'ukraine')).toBe('lavrov tag:"ukraine"');
    expect(listedQuery('', 'ukraine')).toBe('tag:"ukraine"');
    expect(listedQuery('lavrov', null)).toBe('lavrov');
    expect(listedQuery('', null)).toBe('');
  });

  it('says every tag, whatever quotes it holds, as the filter of that tag', () => {
    for (const tag of ['the "war"', 'the “big” story', '„Krieg“', 'a\\b']) {
      expect(parseSearchQuery(listedQuery('', tag))).toEqual({ ok: true, query: { kind: 'filter', field: 'tag', value: tag } });
    }
  });
});

describe('refineQuery', () => {
  it('adds the filter after the query', () => {
    expect(refineQuery('lavrov', 'tag:"ukraine"')).toBe('lavrov tag:"ukraine"');
    expect(refineQuery('  lavrov -sport ', 'published:2022')).toBe('lavrov -sport published:2022');
    expect(refineQuery('', 'tag:"ukraine"')).toBe('tag:"ukraine"');
  });

  it('keeps an OR whole, so that the filter narrows both sides', () => {
    expect(refineQuery('kyiv OR kiev', 'tag:"ukraine"')).toBe('(kyiv OR kiev) tag:"ukraine"');
    expect(refineQuery('(kyiv OR kiev) talks', 'tag:"ukraine"')).toBe('(kyiv OR kiev) talks tag:"ukraine"');
  });
});

