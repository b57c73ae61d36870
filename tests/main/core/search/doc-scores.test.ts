// DocScores behaves as the Map it stands in for: membership, scores, deletion and order.
import { describe, expect, it } from 'vitest';
import { DocScores } from '../../../../main/core/search/doc-scores';

describe('DocScores', () => {
  it('keeps members with their scores in the order first added, and forgets deleted ones', () => {
    const set = new DocScores(10);
    set.set(7, 1.5).set(2, 0).set(7, 2.5);
    expect(set.size).toBe(2);
    expect([set.has(7), set.get(7), set.has(2), set.get(2), set.has(3), set.get(3)]).toEqual([true, 2.5, true, 0, false, undefined]);
    expect(set.delete(7)).toBe(true);
    expect(set.delete(7)).toBe(false);
    expect(set.size).toBe(1);
    expect(set.docs()).toEqual([2]);
    set.set(9, 4);
    set.set(7, 1);
    const visited: [number, number][] = [];
    set.forEach((score, doc) => visited.push([doc, score]));
    // 7 came back: it is visited once, in the place it was first added.
    expect(visited).toEqual([[7, 1], [2, 0], [9, 4]]);
    expect(set.docs()).toEqual([7, 2, 9]);
    expect(set.size).toBe(3);
  });
});
