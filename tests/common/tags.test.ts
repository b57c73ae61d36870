import { describe, expect, it } from 'vitest';
import { isTagUnder, MAX_TAG_LENGTH, normaliseTag, tagKey } from '../../common/tags';

describe('normaliseTag', () => {
  it('trims, folds inner white space and tidies the levels of a hierarchy', () => {
    expect(normaliseTag('  Ukraine /  Diplomacy ')).toBe('Ukraine/Diplomacy');
    expect(normaliseTag('new   york')).toBe('new york');
    expect(normaliseTag('/a//b/')).toBe('a/b');
  });

  it('refuses a tag of only spaces or slashes, naming it', () => {
    expect(() => normaliseTag('   ')).toThrow('tags: "   " is not a tag: it has no letters or digits');
    expect(() => normaliseTag(' / // ')).toThrow('tags: " / // " is not a tag');
    expect(() => normaliseTag('\u200b')).toThrow(/is not a tag/u);
  });

  it('refuses a tag longer than the limit', () => {
    expect(() => normaliseTag('x'.repeat(MAX_TAG_LENGTH + 1))).toThrow(`a tag may have at most ${MAX_TAG_LENGTH} characters`);
    expect(normaliseTag('x'.repeat(MAX_TAG_LENGTH))).toHaveLength(MAX_TAG_LENGTH);
  });
});

describe('tagKey', () => {
  it('makes tags that differ only in case the same', () => {
    expect(tagKey('Ukraine/Diplomacy')).toBe(tagKey('UKRAINE/diplomacy'));
    expect(tagKey('Zürich')).not.toBe(tagKey('Zurich'));
  });
});

describe('isTagUnder', () => {
  it('counts a tag and the tags below it as under it, not tags that merely start alike', () => {
    expect(isTagUnder('Ukraine', 'ukraine')).toBe(true);
    expect(isTagUnder('ukraine/Diplomacy/Geneva', 'ukraine/diplomacy')).toBe(true);
    expect(isTagUnder('ukrainian', 'ukraine')).toBe(false);
    expect(isTagUnder('europe/ukraine', 'ukraine')).toBe(false);
  });
});
