/**
 * The tag hierarchy: `/` separates levels (`ukraine/diplomacy` is under `ukraine`), and
 * tags are compared by their key (common/tags.ts tagKey), so `Ukraine` and `ukraine` are
 * one tag (common/tags.ts isTagUnder says what is under what). Pure functions, shared by
 * renaming, moving and deleting.
 */

/**
 * The name `tag` takes when the branch `from` (a tag with `fromLevels` levels, which `tag`
 * is under) becomes `to`: the levels below `from` keep their own spelling.
 *
 * @example renamedTag('ukraine/Diplomacy', 1, 'europe/ukraine') // 'europe/ukraine/Diplomacy'
 */
export function renamedTag(tag: string, fromLevels: number, to: string): string {
  return [...to.split('/'), ...tag.split('/').slice(fromLevels)].join('/');
}

/**
 * Where a tag goes when moved under another (`parent`), or to the top (`null`): its last
 * level, under the parent. Moving is renaming the branch to that name.
 *
 * @example movedTagName('ukraine/diplomacy', 'europe') // 'europe/diplomacy'
 */
export function movedTagName(tag: string, parent: string | null): string {
  const last = tag.split('/').at(-1)!;
  return parent === null ? last : `${parent}/${last}`;
}

/** How many levels a tag has: `a/b/c` has 3. */
export function tagLevels(tag: string): number {
  return tag.split('/').length;
}

/**
 * A tag spelled as the library already spells it: its longest leading part that is a tag in
 * use takes that tag's spelling (`ukraine/KYIV/metro` becomes `Ukraine/Kyiv/metro` when
 * `Ukraine/Kyiv` is in use), so that a branch is shown one way.
 */
export function inUseSpelling(tag: string, spellingOf: (tag: string) => string | undefined): string {
  const levels = tag.split('/');
  for (let count = levels.length; count > 0; count--) {
    const spelled = spellingOf(levels.slice(0, count).join('/'));
    if (spelled !== undefined && tagLevels(spelled) === count) return [spelled, ...levels.slice(count)].join('/');
  }
  return tag;
}
