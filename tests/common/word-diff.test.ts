import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffWords, formatWordDiff, hasChanges, type WordDiffPart } from '../../common/word-diff';
import { SHARED } from '../paths';

/** Rebuilds each side from the diff: the old text from same + removed, the new from same + added. */
function sides(parts: WordDiffPart[]): { before: string; after: string } {
  const join = (kinds: string[]) => parts.filter((p) => kinds.includes(p.kind)).map((p) => p.text).join(' ');
  return { before: join(['same', 'removed']), after: join(['same', 'added']) };
}

describe('diffWords', () => {
  it('marks a changed word between shared ones', () => {
    expect(diffWords('the talks ended on Tuesday', 'the talks resumed on Tuesday')).toEqual([
      { kind: 'same', text: 'the talks', words: 2 },
      { kind: 'removed', text: 'ended', words: 1 },
      { kind: 'added', text: 'resumed', words: 1 },
      { kind: 'same', text: 'on Tuesday', words: 2 },
    ]);
  });

  it('finds no change when only the spacing differs', () => {
    const parts = diffWords('one  two\nthree', 'one two three');
    expect(hasChanges(parts)).toBe(false);
    expect(parts).toEqual([{ kind: 'same', text: 'one two three', words: 3 }]);
  });

  it('handles additions at the start, deletions at the end, and empty texts', () => {
    expect(diffWords('b c', 'a b c')).toEqual([{ kind: 'added', text: 'a', words: 1 }, { kind: 'same', text: 'b c', words: 2 }]);
    expect(diffWords('a b c', 'a b')).toEqual([{ kind: 'same', text: 'a b', words: 2 }, { kind: 'removed', text: 'c', words: 1 }]);
    expect(diffWords('', 'new text')).toEqual([{ kind: 'added', text: 'new text', words: 2 }]);
    expect(diffWords('old', '')).toEqual([{ kind: 'removed', text: 'old', words: 1 }]);
  });

  it('gives a minimal diff that rebuilds both sides of a quietly edited real story', () => {
    const story = readFileSync(join(SHARED, 'corpora', 'bbc', 'politics', '010.txt'), 'latin1');
    const words = story.split(/\s+/u).filter(Boolean);
    const edited = [...words];
    edited.splice(40, 3, 'an', 'unnamed', 'official');
    edited.splice(120, 0, 'reportedly');
    edited.splice(200, 1);
    const parts = diffWords(story, edited.join(' '));
    expect(sides(parts)).toEqual({ before: words.join(' '), after: edited.join(' ') });
    const changed = parts.filter((p) => p.kind !== 'same').reduce((sum, p) => sum + p.words, 0);
    expect(changed).toBeLessThanOrEqual(8);
  });
});

describe('diffWords on many random edits', () => {
  it('always rebuilds both sides exactly', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const vocabulary = ['a', 'b', 'c', 'd', 'e'];
    for (let round = 0; round < 300; round++) {
      const make = () => Array.from({ length: Math.floor(random() * 25) }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
      const before = make();
      const after = make();
      expect(sides(diffWords(before.join(' '), after.join(' ')))).toEqual({ before: before.join(' '), after: after.join(' ') });
    }
  });
});

describe('formatWordDiff', () => {
  it('prints each change with a few words of context, in word-diff style', () => {
    const before = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen';
    const after = before.replace('three', 'THREE').replace('sixteen', 'SIXTEEN');
    expect(formatWordDiff(diffWords(before, after), 2)).toEqual([
      'one two [-three-] {+THREE+} four five …',
      '… fourteen fifteen [-sixteen-] {+SIXTEEN+} seventeen eighteen',
    ]);
  });

  it('prints nothing when nothing changed', () => {
    expect(formatWordDiff(diffWords('a b', 'a b'))).toEqual([]);
  });
});
