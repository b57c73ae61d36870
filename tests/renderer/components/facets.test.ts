/** The facet panel's queries: what a facet adds to the search, and what it leaves out. */
import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../../common/query';
import { appliedFilters, facetClause, topFacets } from '../../../renderer/components/facets';

describe('facetClause', () => {
  it('quotes tags and sources, so that spaces and slashes stay in the value', () => {
    expect(facetClause('tag', 'ukraine')).toBe('tag:"ukraine"');
    expect(facetClause('tag', 'new york/city hall')).toBe('tag:"new york/city hall"');
    expect(facetClause('source', 'BBC News')).toBe('source:"BBC News"');
    expect(facetClause('source', 'Reuters’ wire (UK)')).toBe('source:"Reuters’ wire (UK)"');
  });

  it('gives a year as published:YYYY', () => {
    expect(facetClause('year', '2022')).toBe('published:2022');
    expect(facetClause('year', '22')).toBeNull();
  });

  it('escapes quotation marks in a value, straight or curly, and gives nothing for a blank one', () => {
    expect(facetClause('source', 'The "Daily" News')).toBe('source:"The \\"Daily\\" News"');
    expect(facetClause('tag', '„quoted“')).toBe('tag:"\\„quoted\\“"');
    expect(facetClause('tag', '  ')).toBeNull();
  });

  it('gives filters the parser reads back as the same value', () => {
    for (const [field, value] of [
      ['tag', 'new york'],
      ['source', 'Le Monde (Paris)'],
      ['tag', 'a:b'],
      ['source', 'The "Daily" News'],
      ['tag', 'the “big” story'],
      ['tag', 'back\\slash'],
    ] as const) {
      const parsed = parseSearchQuery(facetClause(field, value) ?? '');
      expect(parsed.ok && parsed.query).toEqual({ kind: 'filter', field, value });
    }
  });
});

describe('topFacets', () => {
  it('gives the eight commonest values, ties in name order', () => {
    const counts = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((name, index) => [name, index % 3]));
    expect(topFacets(counts).map(([name]) => name)).toEqual(['c', 'f', 'i', 'b', 'e', 'h', 'a', 'd']);
    expect(topFacets({ x: 1 }, 8)).toEqual([['x', 1]]);
  });
});

describe('appliedFilters', () => {
  it('collects the tags, sources and whole years every result must have', () => {
    const applied = appliedFilters('lavrov tag:"Ukraine/Diplomacy" source:"bbc news" published:2022');
    expect([...applied.tags]).toEqual(['ukraine/diplomacy']);
    expect([...applied.sources]).toEqual(['bbc news']);
    expect([...applied.years]).toEqual(['2022']);
  });

  it('leaves out filters under OR or NOT, months, and queries that do not parse', () => {
    const applied = appliedFilters('(tag:a OR tag:b) -source:x published:2022-01');
    expect([...applied.tags, ...applied.sources, ...applied.years]).toEqual([]);
    expect([...appliedFilters('tag:"unclosed').tags]).toEqual([]);
  });
});
