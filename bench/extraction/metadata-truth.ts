/**
 * The annotated title, author and date of a corpus page, and when a value is right for it:
 * the comparisons of bench/clipping-score.ts, which the bench prints as title_acc, date_acc
 * and author_acc, applied to every set that annotates the field (trafilatura-dev, Readability's
 * test pages, GN1's headlines, compared as set out below). Shared by the metadata rankers' trainer
 * and their corpus test.
 */
import { cleanByline } from '../../main/core/clip/byline';
import type { MetaField } from '../../main/core/clip/meta-ranking/candidate-pool';
import { authorMatches, dateMatches, titleMatches, titleMatchesWithoutSite } from '../clipping-score';
import type { CorpusPage, SetName } from './corpus-sets';

/** The annotated value of each field a page has, as the bench compares against it. */
export function metadataTruth(page: CorpusPage): Partial<Record<MetaField, string>> {
  const truth: Partial<Record<MetaField, string>> = {};
  if (page.title?.trim()) truth.title = page.title;
  // Readability's expected bylines keep their "By" (bench/readability-misses.ts cleans them too).
  const author = page.set === 'readability' ? cleanByline(page.author) : page.author?.trim();
  if (author) truth.author = author;
  if (page.date) truth.date = page.date;
  return truth;
}

/**
 * Whether `got` is right for the page: the bench's comparisons. Readability's expected titles
 * keep the site's name, which Cuttings cuts off (its quality test accepts that).
 */
export function fieldMatches(set: SetName, field: MetaField, got: string | null, want: string): boolean {
  if (field === 'date') return dateMatches(got, want);
  if (field === 'author') return authorMatches(got, want);
  if (set === 'gn1') return gn1TitleMatches(got, want);
  return set === 'readability' ? titleMatchesWithoutSite(got, want) : titleMatches(got, want);
}

/** GN1's headlines fold this way: quotes and apostrophes are all `?`, as the crawl lost them. */
function gn1Fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('und').replace(/[‘’‚‛`´“”„‟«»'"]/g, '?');
}

/**
 * A GN1 headline is right when it reads as annotated, with two slips of the annotation
 * forgiven (extraction-dev/README.md): a `?` where the crawl lost a quote or an apostrophe,
 * and the standfirst or a subheading run on after the headline ("Mowbray salutes rampant
 * Baggies West Brom manager Tony Mowbray hailed …"): a headline of three words or more that
 * the annotation starts with, up to a space, is the headline.
 */
export function gn1TitleMatches(got: string | null, want: string): boolean {
  if (got === null) return false;
  if (titleMatches(got, want)) return true;
  const [headline, annotated] = [gn1Fold(got), gn1Fold(want)];
  return headline === annotated || (annotated.startsWith(`${headline} `) && headline.split(' ').length >= 3);
}
