// A correction keeps every word on the scan: kept words follow their new places, a replaced
// word points at its replacement (checked: confidence 100), a removed one loses its place.
import { describe, expect, it } from 'vitest';
import { carryWords } from '../../../../main/core/ocr/carry-words';

describe('carrying words over to a corrected text', () => {
  it('follows kept words, points replaced ones at their replacement and drops removed ones', () => {
    const before = 'The harbour cornmittee met on Monday';
    const after = 'The harbour committee met Monday';
    const at = (word: string) => ({ start: before.indexOf(word), end: before.indexOf(word) + word.length, confidence: 40 });
    const carried = carryWords(before, after, [at('harbour'), at('cornmittee'), at('on'), at('Monday')]);
    const text = (word: { start: number; end: number }) => (word.start < 0 ? null : after.slice(word.start, word.end));
    expect(carried.map(text)).toEqual(['harbour', 'committee', null, 'Monday']);
    expect(carried.map((word) => word.confidence)).toEqual([40, 100, 40, 40]);
  });
});
