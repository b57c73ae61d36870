/**
 * People, places and organisations named in English text, found by compromise, a small
 * rule-based NLP library (pure JavaScript, no model to download). It is loaded on first use:
 * it takes a moment to load, and the app needs it only when the user asks for suggestions.
 */
import type { NamedEntity } from './capitalised-phrases';

/**
 * How much of a text compromise reads: it takes about 25 µs a character, and the people and
 * places an article is about are named near its top. The rest is still counted (see
 * suggest-tags.ts), only not searched for new names.
 */
export const ENGLISH_HEAD_CHARS = 4000;

/** The parts of compromise's JSON output used here. */
interface Term {
  text: string;
  tags: string[];
}

type Compromise = (text: string) => {
  people(): { json(): { terms: Term[] }[] };
  places(): { json(): { terms: Term[] }[] };
  organizations(): { json(): { terms: Term[] }[] };
};

let nlp: Promise<Compromise> | null = null;

/** compromise, imported the first time it is needed. */
function loadCompromise(): Promise<Compromise> {
  nlp ??= import('compromise').then((module) => module.default as unknown as Compromise);
  return nlp;
}

/** Words that stand before a name without being part of it (`Foreign Minister Sergei Lavrov`). */
const TITLE_TAGS = new Set(['Honorific', 'Actor']);

/**
 * The names in a match, as written: a hyphenated pair (`US-Russia`) is two names, and titles
 * before a person's name are dropped.
 */
function namesOf(match: { terms: Term[] }, kind: NamedEntity['kind']): string[] {
  let terms = match.terms.filter((term) => term.text !== '');
  if (kind === 'person') {
    while (terms.length > 1 && terms[0]!.tags.some((tag) => TITLE_TAGS.has(tag))) terms = terms.slice(1);
  }
  if (terms.some((term) => term.tags.includes('Hyphenated'))) return terms.map((term) => term.text);
  return [terms.map((term) => term.text).join(' ')];
}

/** The people, places and organisations compromise finds in the head of an English text, in order of appearance. */
export async function englishEntities(text: string): Promise<NamedEntity[]> {
  const doc = (await loadCompromise())(text.slice(0, ENGLISH_HEAD_CHARS));
  const found: NamedEntity[] = [];
  const take = (matches: { terms: Term[] }[], kind: NamedEntity['kind']) => {
    for (const match of matches) for (const name of namesOf(match, kind)) found.push({ name, kind });
  };
  take(doc.people().json(), 'person');
  take(doc.places().json(), 'place');
  take(doc.organizations().json(), 'organisation');
  return found;
}
