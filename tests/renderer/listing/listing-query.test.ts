/** What is listed, in the query language: the search text with the sidebar's tag, and a filter added to narrow it. */
import { describe, expect, it } from 'vitest';
import { hasTag, listedQuery, refineQuery, withTag } from '../../../renderer/listing/listing-query';

describe('withTag', () => {
  it('adds the tag as tag:"…", and leaves out a tag that has a quote, straight or curly', () => {
    expect(withTag('lavrov', 'ukraine/diplomacy')).toBe('lavrov tag:"ukraine/diplomacy"');
    expect(withTag('lavrov', null)).toBe('lavrov');
    expect(withTag('lavrov', 'the "war"')).toBe('lavrov');
    expect(withTag('lavrov', 'the “war”')).toBe('lavrov');
    expect(withTag('lavrov', '„krieg“')).toBe('lavrov');
  });
});

describe('hasTag', () => {
  it('finds the tag or one below it, whatever the case, and not a tag that merely starts the same', () => {
    expect(hasTag({ tags: ['Ukraine/Diplomacy'] }, 'ukraine')).toBe(true);
    expect(hasTag({ tags: ['ukraine'] }, 'ukraine')).toBe(true);
    expect(hasTag({ tags: ['ukrainewar'] }, 'ukraine')).toBe(false);
    expect(hasTag({ tags: ['ukraine'] }, 'ukraine/diplomacy')).toBe(false);
  });
});

describe('listedQuery', () => {
  it('is the search with the tag, the tag alone, or empty for every article', () => {
    expect(listedQuery('lavrov', 'ukraine')).toBe('lavrov tag:"ukraine"');
    expect(listedQuery('', 'ukraine')).toBe('tag:"ukraine"');
    expect(listedQuery('lavrov', null)).toBe('lavrov');
    expect(listedQuery('', null)).toBe('');
  });

  it('is null when the tag cannot be said in a query', () => {
    expect(listedQuery('', 'the "war"')).toBeNull();
    expect(listedQuery('lavrov', 'the "war"')).toBeNull();
    // A curly quote closes a quoted run too: tag:"the “big” story" would list the tag "the ".
    expect(listedQuery('', 'the “big” story')).toBeNull();
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

