/**
 * The library's tags as a tree, split at `/` (`ukraine/diplomacy` is `diplomacy` under
 * `ukraine`). A level that is no tag of its own (only `ukraine/diplomacy` exists) is still a
 * node, named as its first child spells it, so that choosing it filters by everything under it.
 *
 * Counts: every node knows how many articles carry exactly its tag (`own`, from listTags)
 * and how many carry it or any tag under it (`total`), each article counted once. The total
 * is main's: the tag facet of the whole library (subtreeTotals); without it a node falls
 * back to its own count.
 * The sidebar shows the total, and both in the tooltip.
 */
import type { TagCount } from '../../common/article';
import { isTagUnder, tagKey } from '../../common/tags';

/** One node of the tree. */
export interface TagNode {
  /** The last level, as shown: `diplomacy`. */
  name: string;
  /** The whole tag as first written: `Ukraine/diplomacy`. */
  path: string;
  /** tagKey(path). */
  key: string;
  /** Articles tagged exactly so; null when this level is not a tag of its own. */
  own: number | null;
  /** Articles tagged so or below, each once (own when that is not known). */
  total: number;
  colour?: string;
  children: TagNode[];
}

/**
 * Each tag node's count of articles with it or a tag below it, by tagKey, from the tag facet
 * of the empty query (main counts an article once per level: one tagged `a/b` and `a/c`
 * counts once for `a`). Levels spelled differently (`Ukraine/war`, `ukraine/talks`) are one
 * node here and their counts are added; an article carrying both spellings is the one case
 * counted twice.
 *
 * @example subtreeTotals({ Ukraine: 2, ukraine: 1, 'Ukraine/war': 2 }).get('ukraine') // 3
 */
export function subtreeTotals(facet: Readonly<Record<string, number>>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const [tag, count] of Object.entries(facet)) {
    const key = tagKey(tag);
    totals.set(key, (totals.get(key) ?? 0) + count);
  }
  return totals;
}

/**
 * Builds the tree from listTags' answer; siblings in name order. `totals` (subtreeTotals of
 * the library's tag facet) gives each node its distinct count of articles.
 *
 * @example buildTagTree([{ tag: 'ukraine/diplomacy', count: 2 }])[0] // { name: 'ukraine', own: null, children: [{ name: 'diplomacy', own: 2, … }] }
 */
export function buildTagTree(tags: readonly TagCount[], totals?: ReadonlyMap<string, number>): TagNode[] {
  const roots: TagNode[] = [];
  const byKey = new Map<string, TagNode>();
  // Shorter tags first, so that a parent that is a tag of its own names its level as it spells it.
  const ordered = [...tags].sort((a, b) => a.tag.split('/').length - b.tag.split('/').length);
  for (const { tag, count, colour } of ordered) {
    const levels = tag.split('/');
    let siblings = roots;
    for (let depth = 1; depth <= levels.length; depth++) {
      const path = levels.slice(0, depth).join('/');
      const key = tagKey(path);
      let node = byKey.get(key);
      if (!node) {
        node = { name: levels[depth - 1] ?? '', path, key, own: null, total: 0, children: [] };
        byKey.set(key, node);
        siblings.push(node);
      }
      if (depth === levels.length) {
        node.own = count;
        if (colour) node.colour = colour;
      }
      siblings = node.children;
    }
  }
  const finish = (nodes: TagNode[]): void => {
    nodes.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.name.localeCompare(b.name));
    for (const node of nodes) {
      finish(node.children);
      // Without the articles, a parent's total is at least its biggest part.
      const fallback = Math.max(node.own ?? 0, ...node.children.map((child) => child.total));
      node.total = totals?.get(node.key) ?? fallback;
    }
  };
  finish(roots);
  return roots;
}

/** Every node of a tree, parents before their children. */
export function* walkTree(nodes: readonly TagNode[]): Generator<TagNode> {
  for (const node of nodes) {
    yield node;
    yield* walkTree(node.children);
  }
}

/** The last level of a tag: `ukraine/diplomacy` → `diplomacy`. */
export function lastLevel(tag: string): string {
  return tag.split('/').at(-1) ?? tag;
}

/**
 * Where a tag goes when moved under another (or to the top level for ''): its last level
 * under the new parent. Null when that is no move (the same place, or under itself).
 *
 * @example movedTag('ukraine/diplomacy', 'europe') // 'europe/diplomacy'
 */
export function movedTag(tag: string, parent: string): string | null {
  const target = parent.trim() === '' ? lastLevel(tag) : `${parent.trim().replace(/\/+$/u, '')}/${lastLevel(tag)}`;
  if (isTagUnder(target, tagKey(tag))) return null;
  return target;
}

/** The tags' colours by tagKey, for the list's chips. */
export function tagColours(tags: readonly TagCount[]): Map<string, string> {
  return new Map(tags.flatMap((tag) => (tag.colour ? [[tagKey(tag.tag), tag.colour] as const] : [])));
}
