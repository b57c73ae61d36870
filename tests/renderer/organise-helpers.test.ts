/** Small pure parts of the organising window: rename or merge, the timeline's clause, splitting tags. */
import { describe, expect, it } from 'vitest';
import { splitTags } from '../../renderer/bulk-bar';
import { describeRename } from '../../renderer/tag-dialog';
import { periodClause } from '../../renderer/timeline';

describe('describeRename', () => {
  const tags = [
    { tag: 'Kyiv', count: 2 },
    { tag: 'kiev', count: 1 },
  ];
  it('tells a merge from a rename, a change of case and no change', () => {
    expect(describeRename('kiev', 'kyiv', tags)).toEqual({ kind: 'merge', note: '“Kyiv” already exists (2 articles): this merges “kiev” into it. You can undo it.' });
    expect(describeRename('kiev', 'Kiev', tags).kind).toBe('case');
    expect(describeRename('kiev', 'cities/kyiv', tags)).toEqual({ kind: 'rename', note: '' });
    expect(describeRename('kiev', ' kiev ', tags).kind).toBe('same');
    expect(describeRename('kiev', '', tags).kind).toBe('same');
  });
});

describe('periodClause', () => {
  it('is a range, or one day alone', () => {
    expect(periodClause('published', { from: '2022-03-01', to: '2022-03-31' })).toBe('published:2022-03-01..2022-03-31');
    expect(periodClause('clipped', { from: '2022-03-01', to: '2022-03-01' })).toBe('clipped:2022-03-01');
  });
});

describe('splitTags', () => {
  it('splits at commas and drops empty pieces, leaving the rest for main to judge', () => {
    expect(splitTags('a, b/c,, ,  d ')).toEqual(['a', ' b/c', '  d ']);
    expect(splitTags(' , ')).toEqual([]);
  });
});
