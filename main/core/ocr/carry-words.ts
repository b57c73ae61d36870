/**
 * A scan's words carried over to a corrected text: the user changed a few words of the
 * recognised text, and every word's box should still point at its characters. The two texts
 * are compared word by word (common/word-diff.ts); a word kept is found where it now stands,
 * a word replaced points at what replaced it (checked by the user: confidence 100), and a
 * word removed loses its place in the text (its box is no longer shown).
 */
import { diffWords } from '../../../common/word-diff';

/** A word's characters [start, end) in a text, and its confidence. */
export interface CarriedWord {
  start: number;
  end: number;
  confidence: number;
}

function tokens(text: string): [number, number][] {
  return [...text.matchAll(/\S+/gu)].map((match) => [match.index, match.index + match[0].length]);
}

/** The words with their places in `after` (see the comment at the top); a word with no place gets start = end = -1. */
export function carryWords<W extends CarriedWord>(before: string, after: string, words: readonly W[]): W[] {
  const [old, now] = [tokens(before), tokens(after)];
  /** For each token of `before`, the token of `after` it became and whether it changed. */
  const mapped: ({ token: number; changed: boolean } | null)[] = [];
  let j = 0;
  const parts = diffWords(before, after);
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    if (part.kind === 'same') {
      for (let k = 0; k < part.words; k++) mapped.push({ token: j++, changed: false });
    } else if (part.kind === 'removed') {
      const next = parts[p + 1];
      const added = next?.kind === 'added' ? next.words : 0;
      for (let k = 0; k < part.words; k++) mapped.push(added > 0 ? { token: j + Math.min(k, added - 1), changed: true } : null);
      if (added > 0) {
        j += added;
        p++;
      }
    } else {
      j += part.words;
    }
  }
  const tokenAt = (offset: number) => old.findIndex(([start, end]) => offset >= start && offset < end);
  return words.map((word) => {
    const index = tokenAt(word.start);
    const target = index >= 0 ? mapped[index] : null;
    const place = target ? now[target.token] : undefined;
    if (!target || !place) return { ...word, start: -1, end: -1 };
    return { ...word, start: place[0], end: place[1], confidence: target.changed ? 100 : word.confidence };
  });
}
