import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../common/query';

describe('parseQuery', () => {
  it('splits words and tag filters', () => {
    expect(parseQuery('lavrov  blinken tag:ukraine')).toEqual({ words: ['lavrov', 'blinken'], tags: ['ukraine'] });
  });

  it('reads a quoted tag with spaces, and quoted words', () => {
    expect(parseQuery('tag:"new york" "peace talks"')).toEqual({ words: ['peace', 'talks'], tags: ['new york'] });
  });

  it('keeps unknown fields and bare colons as words', () => {
    expect(parseQuery('note:x 10:00 tag:')).toEqual({ words: ['note:x', '10:00', 'tag:'], tags: [] });
  });

  it('returns nothing for an empty query', () => {
    expect(parseQuery('   ')).toEqual({ words: [], tags: [] });
  });
});
