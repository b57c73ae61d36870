// The facet cache gives back each document's facet numbers as first worked out, however many
// there are, works them out again once forgotten, and grows with the documents.
import { describe, expect, it } from 'vitest';
import { FacetCache } from '../../../../main/core/search/facet-cache';

const visited = (cache: FacetCache, doc: number, keys: number[]) => {
  const seen: number[] = [];
  let worked = 0;
  cache.visit(
    doc,
    () => {
      worked++;
      return keys;
    },
    (key) => seen.push(key),
  );
  return { seen, worked };
};

describe('FacetCache', () => {
  it('keeps few and many numbers a document, until the document is forgotten', () => {
    const cache = new FacetCache();
    cache.ensure(2);
    expect(visited(cache, 0, [3, 1])).toEqual({ seen: [3, 1], worked: 1 });
    expect(visited(cache, 0, [9])).toEqual({ seen: [3, 1], worked: 0 });
    // More than fit inline: a tag three levels deep, another tag, a source and a year.
    expect(visited(cache, 1, [4, 5, 6, 7, 8, 2])).toEqual({ seen: [4, 5, 6, 7, 8, 2], worked: 1 });
    expect(visited(cache, 1, [])).toEqual({ seen: [4, 5, 6, 7, 8, 2], worked: 0 });
    expect(visited(cache, 0, [])).toEqual({ seen: [3, 1], worked: 0 });
    cache.forget(1);
    expect(visited(cache, 1, [7])).toEqual({ seen: [7], worked: 1 });
    // A document past the end it was made for, and one with no numbers at all.
    expect(visited(cache, 5000, [])).toEqual({ seen: [], worked: 1 });
    expect(visited(cache, 5000, [1])).toEqual({ seen: [], worked: 0 });
    cache.clear();
    expect(visited(cache, 0, [2])).toEqual({ seen: [2], worked: 1 });
  });
});
