import { describe, expect, it } from 'vitest';
import { scorePage, scoreSet, shingles } from '../../../bench/extraction/shingle-score';

describe('the shingle score of the extraction benchmarks', () => {
  it('counts 4-word shingles of \\w+ words, a short text as one shingle', () => {
    expect([...shingles('One two, three four five.')]).toEqual([['One two three four', 1], ['two three four five', 1]]);
    expect([...shingles('Just two')]).toEqual([['Just two', 1]]);
    expect(shingles(' — ').size).toBe(0);
  });

  it('scores precision and recall per page, and F1 of their means over pages', () => {
    const truth = 'a b c d e f g h';
    expect(scorePage('a b c d e f g h', truth)).toEqual({ precision: 1, recall: 1 });
    expect(scorePage('a b c d e', truth)).toEqual({ precision: 1, recall: 2 / 5 });
    expect(scorePage('', truth)).toEqual({ precision: 1, recall: 0 });
    expect(scorePage('', '')).toEqual({ precision: 1, recall: 1 });
    const set = scoreSet([{ precision: 1, recall: 0.5 }, { precision: 0.5, recall: 1 }]);
    expect(set).toEqual({ pages: 2, precision: 0.75, recall: 0.75, f1: 0.75 });
  });
});
