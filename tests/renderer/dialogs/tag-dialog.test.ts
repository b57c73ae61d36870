/** What the Edit tag dialog says before it renames: a merge, a rename, a change of case or nothing. */
import { describe, expect, it } from 'vitest';
import { describeRename } from '../../../renderer/dialogs/tag-dialog';

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
