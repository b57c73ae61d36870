/** The tag tree: nesting at `/`, each article counted once per parent, moves. */
import { describe, expect, it } from 'vitest';
import { buildTagTree, movedTag, subtreeTotals, tagColours, walkTree } from '../../../renderer/components/tag-tree';

describe('buildTagTree', () => {
  it('nests tags at / with levels that are no tag of their own, in name order', () => {
    const tree = buildTagTree([
      { tag: 'ukraine/war', count: 2 },
      { tag: 'Transport', count: 1, colour: '#3f9b4f' },
      { tag: 'ukraine/diplomacy', count: 1 },
    ]);
    expect(tree.map((node) => node.name)).toEqual(['Transport', 'ukraine']);
    const ukraine = tree[1]!;
    expect(ukraine).toMatchObject({ path: 'ukraine', own: null, key: 'ukraine' });
    expect(ukraine.children.map((child) => [child.name, child.path, child.own])).toEqual([
      ['diplomacy', 'ukraine/diplomacy', 1],
      ['war', 'ukraine/war', 2],
    ]);
    expect(tree[0]).toMatchObject({ own: 1, colour: '#3f9b4f', total: 1 });
    expect([...walkTree(tree)].map((node) => node.path)).toEqual(['Transport', 'ukraine', 'ukraine/diplomacy', 'ukraine/war']);
  });

  it('names a parent that is a tag as it is spelled, whatever order the tags come in', () => {
    const tree = buildTagTree([
      { tag: 'Europe/EU', count: 1 },
      { tag: 'europe', count: 3 },
    ]);
    expect(tree).toHaveLength(1);
    expect(tree[0]).toMatchObject({ name: 'europe', own: 3 });
    expect(tree[0]!.children[0]).toMatchObject({ name: 'EU', path: 'Europe/EU' });
  });

  it("gives each node main's count of articles under it, levels spelled differently added into one", () => {
    // Main's tag facet of the library: an article tagged ukraine/war and ukraine/diplomacy counts once for ukraine.
    const totals = subtreeTotals({ ukraine: 1, 'ukraine/war': 1, 'ukraine/diplomacy': 1, Ukraine: 1, 'Ukraine/War': 1, transport: 1 });
    expect(Object.fromEntries(totals)).toEqual({ ukraine: 2, 'ukraine/war': 2, 'ukraine/diplomacy': 1, transport: 1 });
    const tree = buildTagTree(
      [
        { tag: 'ukraine/war', count: 2 },
        { tag: 'ukraine/diplomacy', count: 1 },
      ],
      totals,
    );
    expect(tree[0]!.total).toBe(2);
  });

  it('without the articles, a parent counts at least its largest part', () => {
    const tree = buildTagTree([
      { tag: 'a/b', count: 4 },
      { tag: 'a/c', count: 7 },
      { tag: 'a', count: 2 },
    ]);
    expect(tree[0]!.total).toBe(7);
  });
});

describe('movedTag', () => {
  it('puts the last level under the new parent, or at the top level', () => {
    expect(movedTag('ukraine/diplomacy', 'europe')).toBe('europe/diplomacy');
    expect(movedTag('ukraine/diplomacy', ' europe/ ')).toBe('europe/diplomacy');
    expect(movedTag('ukraine/diplomacy', '')).toBe('diplomacy');
  });

  it('is null for no move: the same place, or under itself', () => {
    expect(movedTag('ukraine/diplomacy', 'Ukraine')).toBeNull();
    expect(movedTag('ukraine', 'ukraine/war')).toBeNull();
    expect(movedTag('diplomacy', '')).toBeNull();
  });
});

describe('tagColours', () => {
  it('maps the coloured tags by key', () => {
    expect(Object.fromEntries(tagColours([{ tag: 'Kyiv', count: 1, colour: '#2f6fd6' }, { tag: 'x', count: 1 }]))).toEqual({ kyiv: '#2f6fd6' });
  });
});
