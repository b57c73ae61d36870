/** The bulk bar's tags field. */
import { describe, expect, it } from 'vitest';
import { splitTags } from '../../../renderer/components/bulk-bar';

describe('splitTags', () => {
  it('splits at commas and drops empty pieces, leaving the rest for main to judge', () => {
    expect(splitTags('a, b/c,, ,  d ')).toEqual(['a', ' b/c', '  d ']);
    expect(splitTags(' , ')).toEqual([]);
  });
});
