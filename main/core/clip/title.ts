/**
 * The article's title. Pages name it several times: JSON-LD `headline`, `og:title`,
 * `<title>` (usually with the site's name around it: "Story | Site") and the headline on the
 * page (`<h1>`), which is what a reader sees and quotes. The visible headline wins when the
 * metadata agrees with it; otherwise the metadata's title, with the site's name cut off.
 */
import { findWords, foldTerm } from '../../../common/text';
import type { PageMetadata } from './metadata';

/**
 * Separators between a title and the site's name: " | ", " - ", " – ", " — ", " » ", " · ",
 * " :: ", " • ", " ~ ", " / ", and ": " after a site name is not one (too common in headlines).
 */
const SEPARATOR = /\s+(?:[|\-–—»«·•~/]|::)\s+/;

/** Share of the headline's words the metadata title must have for the two to agree. */
const AGREEMENT = 0.5;

/**
 * Picks the title from the page's metadata and Readability's guess; null if neither has one.
 * The headline and the metadata title agree when most words of each are in the other (a
 * site's logo in an `<h1>` shares few words with the story's title). When the metadata title
 * is a part of the headline, the rest of the headline is a kicker ("Corona: …"), and the
 * metadata title is the headline proper.
 */
export function chooseTitle(
  metadata: Pick<PageMetadata, 'title' | 'titles' | 'heading' | 'source' | 'url'>,
  readabilityTitle: string | null,
): string | null {
  const named = metadata.title ?? readabilityTitle;
  const heading = metadata.heading;
  if (!named) return heading;
  const cleaned = withoutSiteName(named, metadata.source, metadata.url);
  if (!heading) return cleaned;
  const foldedHeading = fold(heading);
  const foldedTitle = fold(cleaned);
  if (foldedTitle !== '' && foldedTitle.length < foldedHeading.length && foldedHeading.endsWith(foldedTitle)) return cleaned;
  // Any of the page's titles may agree: some sites' JSON-LD headline is a summary instead.
  for (const title of [named, ...metadata.titles]) {
    const titleCleaned = withoutSiteName(title, metadata.source, metadata.url);
    if (shareOfWordsIn(heading, title) >= AGREEMENT && shareOfWordsIn(titleCleaned, heading) >= AGREEMENT) return heading;
  }
  return cleaned;
}

/**
 * The title without the site's name: the parts between separators that are the site name
 * (or its web address) are dropped; if none is, what stands before the first " | " is kept.
 * Dashes are left alone unless they set off the site's name: headlines use them too.
 */
export function withoutSiteName(title: string, site: string | null, url: string | null): string {
  const parts = title.split(SEPARATOR).map((part) => part.trim()).filter(Boolean);
  if (parts.length < 2) return title;
  const names = [site, hostName(url)].filter((name): name is string => Boolean(name)).map(fold);
  const isSite = (part: string): boolean => {
    const folded = fold(part);
    return names.some((name) => name !== '' && (folded === name || folded.includes(name) || name.includes(folded)));
  };
  const first = parts[0] as string;
  const last = parts[parts.length - 1] as string;
  if (isSite(last)) return title.slice(0, title.lastIndexOf(last)).replace(/\s*(?:[|\-–—»«·•~/]|::)\s*$/, '').trim();
  if (isSite(first)) return title.slice(title.indexOf(first) + first.length).replace(/^\s*(?:[|\-–—»«·•~/]|::)\s*/, '').trim();
  // "Headline | Section | Site": a pipe nearly always separates the headline from the rest.
  const byPipe = title.split(/\s+\|\s+/);
  return byPipe.length > 1 && countWordsIn(byPipe[0] as string) >= 2 ? (byPipe[0] as string).trim() : title;
}

/** The share of the words of `part` that occur in `whole`, folded. */
function shareOfWordsIn(part: string, whole: string): number {
  const have = new Set(findWords(whole).map(({ word }) => foldTerm(word)));
  const want = findWords(part).map(({ word }) => foldTerm(word));
  if (want.length === 0) return 0;
  return want.filter((word) => have.has(word)).length / want.length;
}

function countWordsIn(text: string): number {
  return findWords(text).length;
}

function fold(text: string): string {
  return findWords(text).map(({ word }) => foldTerm(word)).join(' ');
}

/** `https://www.example-news.de/a` → "example news". */
function hostName(url: string | null): string | null {
  if (!url) return null;
  try {
    const labels = new URL(url).hostname.replace(/^www\./, '').split('.');
    return labels.length > 1 ? labels.slice(0, -1).join(' ') : null;
  } catch {
    return null;
  }
}
