// The tag hierarchy: how a branch is renamed and moved, and a new name spelled as the tags in use are.
import { describe, expect, it } from 'vitest';
import { inUseSpelling, movedTagName, renamedTag } from '../../../../main/core/organise/tag-tree';

describe('the tag tree', () => {
  it('renames a branch keeping the spelling of the levels below, and moves a tag by its last level', () => {
    expect(renamedTag('ukraine/Diplomacy', 1, 'europe/ukraine')).toBe('europe/ukraine/Diplomacy');
    expect(renamedTag('a/b/c', 2, 'x')).toBe('x/c');
    expect(movedTagName('ukraine/diplomacy', 'europe')).toBe('europe/diplomacy');
    expect(movedTagName('europe/ukraine', null)).toBe('ukraine');
  });

  it('spells a name by the longest tag in use it starts with', () => {
    const inUse = new Map([
      ['ukraine', 'Ukraine'],
      ['ukraine/kyiv', 'Ukraine/Kyiv'],
    ]);
    const spellingOf = (tag: string) => inUse.get(tag.toLowerCase());
    expect(inUseSpelling('ukraine/KYIV/metro', spellingOf)).toBe('Ukraine/Kyiv/metro');
    expect(inUseSpelling('UKRAINE/war', spellingOf)).toBe('Ukraine/war');
    expect(inUseSpelling('russia/war', spellingOf)).toBe('russia/war');
  });
});
