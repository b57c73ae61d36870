/**
 * What the ranker knows of a candidate: which kinds of source gave it (one 0/1 column per
 * kind, candidate-pool.ts), how many agree on it, in what order it was found, and what the
 * value itself looks like — a title's length and its overlap with `<title>`, whether an
 * author reads as people's names or an organisation's, a date's place among the page's
 * other dates (the earliest, the latest, the URL's day). No column names a site, a word or a
 * year: the ranker must learn what holds across sites.
 */
import { findWords, foldTerm } from '../../../../common/text';
import { looksLikeNames } from '../byline';
import { looksLikeOrganisation } from '../metadata';
import { TITLE_SEPARATOR } from '../title';
import { KINDS } from './candidate-pool';
import type { Candidate, CandidatePool, MetaField } from './candidate-pool';

const DAY_MS = 86_400_000;

/** UTF-8 read as Latin-1 ("NPCÂ´s", "fÃ¼r"): a source the page's decoding garbled. */
const MOJIBAKE = /[ÂÃ][\u0080-\u00BF]/;

/** Columns after the kinds, per field. */
const COMMON = ['sources', 'order', 'candidates'] as const;
const TITLE_TRAITS = [
  'words', 'chars', 'in-document-title', 'document-title-in-it', 'has-separator', 'share-of-longest', 'rules-words-in-it',
  'inside-others', 'holds-others', 'starts-others', 'ends-others', 'mojibake',
] as const;
const AUTHOR_TRAITS = ['words', 'names', 'organisation', 'parts', 'lower-case', 'has-digit'] as const;
const DATE_TRAITS = ['has-time', 'days-after-earliest', 'days-before-latest', 'is-earliest', 'is-latest', 'days-from-url', 'modified-only'] as const;

/** The model's column names for `field`, in order. */
export function featureNames(field: MetaField): string[] {
  const traits = field === 'title' ? TITLE_TRAITS : field === 'author' ? AUTHOR_TRAITS : DATE_TRAITS;
  return [...KINDS[field].map((kind) => `from:${kind}`), ...COMMON, ...traits];
}

/** Folded for comparison: case, white space, Unicode form, quote and dash styles. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('und')
    .replace(/[‘’‚‛`´]/g, "'")
    .replace(/[“”„‟«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-');
}

/**
 * What two candidates must share to be one: a title read the same (folded), the same names in
 * any order however joined, the same day.
 */
export function candidateKey(field: MetaField, value: string): string {
  if (field === 'date') return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : '';
  if (field === 'title') return fold(value);
  return fold(value)
    .split(/\s*(?:,|;|&|\/|\band\b|\bund\b|\bet\b|\by\b)\s*/)
    .map((name) => name.trim())
    .filter(Boolean)
    .sort()
    .join('|');
}

/** The features of every candidate of `field`, row after row. */
export function candidateFeatures(pool: CandidatePool, field: MetaField): Float32Array {
  const names = featureNames(field);
  const candidates = pool.candidates[field];
  const rows = new Float32Array(candidates.length * names.length);
  const kinds = KINDS[field].length;
  const context = field === 'title' ? titleContext(pool) : field === 'date' ? dateContext(pool) : null;
  candidates.forEach((candidate, row) => {
    const offset = row * names.length;
    for (const kind of candidate.kinds) rows[offset + kind] = 1;
    const traits = [
      candidate.kinds.size,
      candidate.order,
      candidates.length,
      ...(field === 'title'
        ? titleTraits(candidate, context as TitleContext)
        : field === 'author'
          ? authorTraits(candidate)
          : dateTraits(candidate, context as DateContext)),
    ];
    traits.forEach((value, column) => {
      rows[offset + kinds + column] = value;
    });
  });
  return rows;
}

interface TitleContext {
  documentWords: Set<string>;
  rulesWords: Set<string>;
  longest: number;
  /** Every candidate's words, folded and joined by one space. */
  folded: string[];
}

const wordsOf = (text: string): string[] => findWords(text).map(({ word }) => foldTerm(word));

function titleContext(pool: CandidatePool): TitleContext {
  const titles = pool.candidates.title;
  const documentTitle = titles.find((candidate) => candidate.kinds.has(KINDS.title.indexOf('document-title')));
  const rules = titles.find((candidate) => candidate.kinds.has(KINDS.title.indexOf('rules')));
  return {
    documentWords: new Set(documentTitle ? wordsOf(documentTitle.value) : []),
    rulesWords: new Set(rules ? wordsOf(rules.value) : []),
    longest: Math.max(1, ...titles.map((candidate) => candidate.value.length)),
    folded: titles.map((candidate) => wordsOf(candidate.value).join(' ')),
  };
}

function share(words: string[], of: Set<string>): number {
  return words.length === 0 ? 0 : words.filter((word) => of.has(word)).length / words.length;
}

/**
 * How a title stands to the page's other titles, in words: how many hold it (a headline inside
 * "Headline | Site" or "Kicker: Headline"), how many it holds, how many start with it (a site's
 * name or a kicker follows) and how many end with it (a kicker or a site's name goes before).
 */
function relations(index: number, context: TitleContext): number[] {
  const own = context.folded[index] as string;
  let inside = 0;
  let holds = 0;
  let starts = 0;
  let ends = 0;
  if (own !== '') {
    context.folded.forEach((other, at) => {
      if (at === index || other === own) return;
      if (other.includes(own)) inside++;
      if (other !== '' && own.includes(other)) holds++;
      if (other.startsWith(`${own} `)) starts++;
      if (other.endsWith(` ${own}`)) ends++;
    });
  }
  return [inside, holds, starts, ends];
}

function titleTraits(candidate: Candidate, context: TitleContext): number[] {
  const words = wordsOf(candidate.value);
  const own = new Set(words);
  return [
    words.length,
    candidate.value.length,
    share(words, context.documentWords),
    share([...context.documentWords], own),
    TITLE_SEPARATOR.test(candidate.value) ? 1 : 0,
    candidate.value.length / context.longest,
    share([...context.rulesWords], own),
    ...relations(candidate.order, context),
    MOJIBAKE.test(candidate.value) ? 1 : 0,
  ];
}

function authorTraits(candidate: Candidate): number[] {
  const value = candidate.value;
  return [
    value.split(/\s+/).length,
    looksLikeNames(value) ? 1 : 0,
    looksLikeOrganisation(value) ? 1 : 0,
    candidate.key.split('|').length,
    /^\p{Ll}/u.test(value) ? 1 : 0,
    /\d/.test(value) ? 1 : 0,
  ];
}

interface DateContext {
  earliest: number;
  latest: number;
  url: number | null;
  modifiedKinds: number[];
}

function dateContext(pool: CandidatePool): DateContext {
  const days = pool.candidates.date.map((candidate) => Date.parse(candidate.key));
  const url = pool.candidates.date.find((candidate) => candidate.kinds.has(KINDS.date.indexOf('url')));
  return {
    earliest: Math.min(...days),
    latest: Math.max(...days),
    url: url ? Date.parse(url.key) : null,
    modifiedKinds: KINDS.date.flatMap((kind, index) => (kind.endsWith('-modified') ? [index] : [])),
  };
}

function dateTraits(candidate: Candidate, context: DateContext): number[] {
  const day = Date.parse(candidate.key);
  const modifiedOnly = [...candidate.kinds].every((kind) => context.modifiedKinds.includes(kind));
  return [
    candidate.value.length > 10 ? 1 : 0,
    Math.min(3650, (day - context.earliest) / DAY_MS),
    Math.min(3650, (context.latest - day) / DAY_MS),
    day === context.earliest ? 1 : 0,
    day === context.latest ? 1 : 0,
    context.url === null ? -1 : Math.min(3650, Math.abs(day - context.url) / DAY_MS),
    modifiedOnly ? 1 : 0,
  ];
}
