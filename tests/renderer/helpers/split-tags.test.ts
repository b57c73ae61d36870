/** Reading a field of comma-separated tags: only the empty pieces go, main judges the rest. */
import { describe, expect, it } from 'vitest';
import { splitTags } from '../../../renderer/helpers/split-tags';

describe('splitTags', () => {
  it('splits at commas and drops empty pieces, leaving the rest for main to judge', () => {
    expect(splitTags('a, b/c,, ,  d ')).toEqual(['a', ' b/c', '  d ']);
    expect(splitTags(' , ')).toEqual([]);
  });

  it('splits tags at commas and drops the empty pieces a stray comma leaves', () => {
    expect(splitTags('ukraine, diplomacy/russia,')).toEqual(['ukraine', ' diplomacy/russia']);
    expect(splitTags(' , ')).toEqual([]);
    expect(splitTags('')).toEqual([]);
  });
});
