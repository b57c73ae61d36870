/**
 * What a cutting's text shows of its headline and date, for the user to confirm: the
 * headline is the first lines set larger than the body text (a headline is, on a newspaper
 * page), else the first short line; the date, one written near the top ("10. November 1989",
 * "Nov 10, 1989", "10.11.1989"; clip/date-in-text.ts reads them in the languages we know).
 */
import { dateInText } from '../clip/date-in-text';
import type { PlacedWord } from './recognised-text';

/** A guess at a cutting's headline and publication date; null where the text shows none. */
export interface GuessedDetails {
  title: string | null;
  published: string | null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]!;
}

/** Guesses the headline and date from the first page's text and words. */
export function guessDetails(text: string, words: readonly PlacedWord[]): GuessedDetails {
  const bodyHeight = median(words.map((word) => word.box.y1 - word.box.y0));
  // The words at the start of the text that stand taller than the body: the headline.
  const tall: PlacedWord[] = [];
  for (const word of words) {
    if (word.box.y1 - word.box.y0 >= bodyHeight * 1.4 && /\p{L}/u.test(word.text)) tall.push(word);
    else if (tall.length > 0 || word.start > 400) break;
  }
  let title: string | null = null;
  if (tall.length > 0 && tall.length <= 25) {
    title = text.slice(tall[0]!.start, tall[tall.length - 1]!.end).replace(/\s+/gu, ' ').trim();
  } else {
    const first = text.split('\n\n')[0]?.replace(/\s+/gu, ' ').trim() ?? '';
    if (first.split(' ').length <= 15 && /\p{L}{2}/u.test(first)) title = first;
  }
  // Any year of the last two centuries' print (the patterns read 19xx and 20xx).
  return { title: title || null, published: dateInText(text.slice(0, 600), 1900) };
}
