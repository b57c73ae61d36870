/** The edit distance a fuzzy query measures words by, against the whole table worked out cell by cell. */
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../../main/core/search/index-terms';

/** Levenshtein distance, every cell of the table. */
function fullDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[b.length]!;
}

/** A pseudo-random word over a small alphabet, so that near words are common. */
function word(seed: number): string {
  let x = seed * 2654435761;
  const length = x % 13;
  let result = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    result += 'abcé'[x % 4];
  }
  return result;
}

describe('editDistance', () => {
  it('gives the distance when it is at most max, and max + 1 otherwise, as the whole table does', () => {
    for (let pair = 0; pair < 20_000; pair++) {
      const a = word(pair * 2 + 1);
      const b = word(pair * 2 + 2);
      const max = pair % 7;
      const expected = fullDistance(a, b);
      expect(editDistance(a, b, max), `${a} ~ ${b}, max ${max}`).toBe(expected <= max ? expected : max + 1);
    }
  });

  it('measures known pairs, and words longer than any before it', () => {
    expect(editDistance('electoin', 'election', 2)).toBe(2);
    expect(editDistance('goverment', 'government', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('', 'ab', 2)).toBe(2);
    expect(editDistance('x'.repeat(300), `${'x'.repeat(299)}y`, 6)).toBe(1);
  });
});
