// Renaming, merging, moving and deleting tags across the library, and undoing each: the
// branch under a tag goes with it, a merge keeps the existing spelling, a change of case
// changes how the tag is shown, and bad tags change nothing.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../../../main/core/library';
import { reverseTags } from '../../../../main/core/organise/tag-changes';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary();

/** Adds an article with these tags; returns its id. */
async function tagged(title: string, tags: string[]): Promise<string> {
  return (await temp.library.addText({ text: `${title}\n\nA body about ${title}.`, tags })).id;
}

const tagsOf = (id: string) => temp.library.record(id).tags;
const tagNames = () => temp.library.listTags().map((entry) => `${entry.tag} ${entry.count}`).sort();

describe('renaming a tag', () => {
  it('moves the tags under it along, on every article, and can be undone', async () => {
    const a = await tagged('Talks', ['ukraine', 'ukraine/diplomacy']);
    const b = await tagged('Front', ['ukraine/war', 'russia']);
    const c = await tagged('Elsewhere', ['ukrainian-food']);
    const summary = await temp.library.renameTag('ukraine', 'europe/ukraine');
    expect(summary).toEqual({ message: 'Renamed “ukraine” to “europe/ukraine” on 2 articles', articles: 2, canUndo: true });
    expect(tagsOf(a)).toEqual(['europe/ukraine', 'europe/ukraine/diplomacy']);
    expect(tagsOf(b)).toEqual(['europe/ukraine/war', 'russia']);
    expect(tagsOf(c)).toEqual(['ukrainian-food']);
    // Search sees the new tags at once, the old ones are gone.
    expect((await temp.library.search('tag:europe')).total).toBe(2);
    expect((await temp.library.search('tag:ukraine')).total).toBe(0);

    const undone = await temp.library.undoTagChange();
    expect(undone).toEqual({ message: 'Undid renaming “ukraine” to “europe/ukraine” (2 articles)', articles: 2, canUndo: false });
    expect(tagsOf(a)).toEqual(['ukraine', 'ukraine/diplomacy']);
    expect(tagsOf(b)).toEqual(['ukraine/war', 'russia']);
    expect((await temp.library.search('tag:ukraine')).total).toBe(2);
    expect(await temp.library.undoTagChange()).toBeNull();
  });

  it('merges onto an existing tag whatever its case, keeping the existing spelling, and undoes the merge', async () => {
    const a = await tagged('One', ['Kyiv']);
    const b = await tagged('Two', ['Ukraine/Kyiv', 'kyiv/metro']);
    const summary = await temp.library.renameTag('kyiv', 'ukraine/KYIV');
    expect(summary.message).toBe('Merged “Kyiv” into “Ukraine/Kyiv” on 2 articles');
    expect(tagsOf(a)).toEqual(['Ukraine/Kyiv']);
    // kyiv → Ukraine/Kyiv and kyiv/metro → Ukraine/Kyiv/metro; the duplicate goes.
    expect(tagsOf(b)).toEqual(['Ukraine/Kyiv', 'Ukraine/Kyiv/metro']);
    expect(tagNames()).toEqual(['Ukraine/Kyiv 2', 'Ukraine/Kyiv/metro 1']);
    await temp.library.undoTagChange();
    expect(tagsOf(a)).toEqual(['Kyiv']);
    expect(tagsOf(b)).toEqual(['Ukraine/Kyiv', 'kyiv/metro']);
  });

  it('changes how a tag is shown when only its case changes, children included, and undoes that', async () => {
    const a = await tagged('One', ['nato']);
    const b = await tagged('Two', ['nato', 'nato/summit']);
    await tagged('Three', ['nato']);
    expect((await temp.library.renameTag('nato', 'NATO')).message).toBe('Renamed “nato” to “NATO” on 3 articles');
    expect(tagsOf(a)).toEqual(['NATO']);
    expect(tagsOf(b)).toEqual(['NATO', 'NATO/summit']);
    expect(tagNames()).toEqual(['NATO 3', 'NATO/summit 1']);
    // A tag added later takes the new spelling.
    expect(await temp.library.updateTags(a, ['Nato/Summit'], [])).toEqual(['NATO', 'NATO/summit']);
    // Undone, the tag is spelled as before everywhere, on the article tagged since too.
    await temp.library.undoTagChange();
    expect(tagNames()).toEqual(['nato 3', 'nato/summit 2']);
    expect(tagsOf(a)).toEqual(['nato', 'nato/summit']);
    // And it is on disk: reopened, the library shows the same.
    await temp.library.close();
    const reopened = await Library.open(join(temp.folder, 'library'));
    try {
      expect(reopened.listTags().map((entry) => entry.tag).sort()).toEqual(['nato', 'nato/summit']);
    } finally {
      await reopened.close();
    }
  });

  it('moves a tag within the tree, to the top or under another, and refuses to move it under itself', async () => {
    const a = await tagged('One', ['europe/ukraine/diplomacy', 'europe/ukraine']);
    expect((await temp.library.moveTag('europe/ukraine', 'conflicts')).message).toBe('Renamed “europe/ukraine” to “conflicts/ukraine” on 1 article');
    expect(tagsOf(a)).toEqual(['conflicts/ukraine/diplomacy', 'conflicts/ukraine']);
    await temp.library.moveTag('conflicts/ukraine/diplomacy', null);
    expect(tagsOf(a)).toEqual(['diplomacy', 'conflicts/ukraine']);
    await expect(temp.library.moveTag('conflicts', 'Conflicts/ukraine')).rejects.toThrow('tags: “conflicts” cannot be moved under itself (“Conflicts/ukraine”)');
    await temp.library.undoTagChange();
    await temp.library.undoTagChange();
    expect(tagsOf(a)).toEqual(['europe/ukraine/diplomacy', 'europe/ukraine']);
  });

  it('renames a branch whose top is not itself a tag', async () => {
    const a = await tagged('One', ['sport/football']);
    await temp.library.renameTag('sport', 'sports');
    expect(tagsOf(a)).toEqual(['sports/football']);
  });

  it('carries the colour of the tag and of the tags under it; a merge keeps the colour of the tag merged into', async () => {
    await tagged('One', ['ukraine', 'ukraine/war', 'russia']);
    await temp.library.setTagColour('ukraine', '#3A7BD5');
    await temp.library.setTagColour('Ukraine/War', '#ff0000');
    await temp.library.setTagColour('russia', '#00ff00');
    await temp.library.renameTag('ukraine', 'europe/ukraine');
    const colours = () => Object.fromEntries(temp.library.listTags().map((entry) => [entry.tag, entry.colour ?? null]));
    expect(colours()).toEqual({ 'europe/ukraine': '#3a7bd5', 'europe/ukraine/war': '#ff0000', russia: '#00ff00' });
    await temp.library.renameTag('europe/ukraine/war', 'russia');
    expect(colours()).toEqual({ 'europe/ukraine': '#3a7bd5', russia: '#00ff00' });
    await temp.library.undoTagChange();
    await temp.library.undoTagChange();
    expect(colours()).toEqual({ ukraine: '#3a7bd5', 'ukraine/war': '#ff0000', russia: '#00ff00' });
  });

  it('refuses an empty tag, one of spaces or slashes, a 500-character one and an unknown one, changing nothing', async () => {
    const a = await tagged('One', ['ukraine']);
    await expect(temp.library.renameTag('ukraine', '')).rejects.toThrow('tags: "" is not a tag: it has no letters or digits');
    await expect(temp.library.renameTag('ukraine', '   ')).rejects.toThrow('tags: "   " is not a tag: it has no letters or digits');
    await expect(temp.library.renameTag('ukraine', ' / // ')).rejects.toThrow('tags: " / // " is not a tag: it has no letters or digits');
    await expect(temp.library.renameTag('ukraine', 'x'.repeat(500))).rejects.toThrow('tags: a tag may have at most 100 characters; "xxxxxxxxxxxxxxxxxxxx…" has 500');
    await expect(temp.library.deleteTag('/')).rejects.toThrow('tags: "/" is not a tag');
    await expect(temp.library.renameTag('nowhere', 'x')).rejects.toThrow('tags: no article has the tag “nowhere”');
    await expect(temp.library.renameTag('ukraine', 'ukraine')).rejects.toThrow('tags: “ukraine” is already called that');
    await tagged('Two', ['ukraine/' + 'y'.repeat(90)]);
    await expect(temp.library.renameTag('ukraine', 'z'.repeat(20))).rejects.toThrow(/^tags: renaming “ukraine” to “z{20}” would make “ukraine\/y{90}” longer than a tag may be \(111 characters\)$/u);
    expect(tagsOf(a)).toEqual(['ukraine']);
    expect(temp.library.canUndoTagChange()).toBe(false);
  });
});

describe('deleting a tag', () => {
  it('removes it and the tags under it, leaves others alone, and comes back on undo', async () => {
    const a = await tagged('One', ['ukraine', 'ukraine/diplomacy', 'ukrainian']);
    const b = await tagged('Two', ['Ukraine/War/Front']);
    await temp.library.setTagColour('ukraine/diplomacy', '#123456');
    const summary = await temp.library.deleteTag('UKRAINE');
    expect(summary).toEqual({ message: 'Deleted “ukraine” (and the 2 tags under it) from 2 articles', articles: 2, canUndo: true });
    expect(tagsOf(a)).toEqual(['ukrainian']);
    expect(tagsOf(b)).toEqual([]);
    expect(temp.library.listTags().map((entry) => entry.tag)).toEqual(['ukrainian']);
    await temp.library.undoTagChange();
    expect(tagsOf(a)).toEqual(['ukraine', 'ukraine/diplomacy', 'ukrainian']);
    expect(tagsOf(b)).toEqual(['Ukraine/War/Front']);
    expect(temp.library.listTags().find((entry) => entry.tag === 'ukraine/diplomacy')?.colour).toBe('#123456');
  });

  it('undo keeps what was changed on the articles since', async () => {
    const a = await tagged('One', ['ukraine', 'talks']);
    await temp.library.deleteTag('ukraine');
    await temp.library.updateTags(a, ['geneva'], ['talks']);
    await temp.library.undoTagChange();
    expect(tagsOf(a)).toEqual(['geneva', 'ukraine']);
  });

  it('is refused in a read-only library', async () => {
    await tagged('One', ['ukraine']);
    await temp.library.close();
    const reader = await Library.open(join(temp.folder, 'library'), { readOnly: true });
    try {
      await expect(reader.deleteTag('ukraine')).rejects.toThrow(/^library: .* is open read-only$/u);
      await expect(reader.setTagColour('ukraine', '#000000')).rejects.toThrow(/read-only/u);
    } finally {
      await reader.close();
    }
  });
});

describe('undoing a change', () => {
  it('goes back one change at a time, latest first', async () => {
    const a = await tagged('One', ['a']);
    await temp.library.renameTag('a', 'b');
    await temp.library.renameTag('b', 'c');
    await temp.library.deleteTag('c');
    expect(tagsOf(a)).toEqual([]);
    expect((await temp.library.undoTagChange())?.message).toBe('Undid deleting “c” (1 article)');
    expect(tagsOf(a)).toEqual(['c']);
    expect((await temp.library.undoTagChange())?.message).toBe('Undid renaming “b” to “c” (1 article)');
    expect((await temp.library.undoTagChange())?.canUndo).toBe(false);
    expect(tagsOf(a)).toEqual(['a']);
  });

  it('reverses only what the change did when the tags were edited since (reverseTags)', () => {
    // As the change left them: back exactly as they were.
    expect(reverseTags(['b', 'x'], ['a', 'x'], ['b', 'x'])).toEqual(['a', 'x']);
    // Edited since: the tag the change added goes, the one it removed returns, the rest stays.
    expect(reverseTags(['x', 'b', 'new'], ['a', 'x'], ['b', 'x'])).toEqual(['x', 'new', 'a']);
    // A spelling it changed changes back; one spelled otherwise since is left.
    expect(reverseTags(['NATO', 'y'], ['nato'], ['NATO'])).toEqual(['nato', 'y']);
  });
});
