/**
 * The article's title. Pages name it several times: JSON-LD `headline`, `og:title`,
 * `<title>` (usually with the site's name around it: "Story | Site") and the headline on the
 * page (`<h1>`), which is what a reader sees and quotes. The visible headline wins when the
 * metadata agrees with it; otherwise the metadata's title, with the site's name cut off.
 */
import { findWords, foldTerm } from '../../../common/text';
import type { PageMetadata } from './metadata';
import { pageHost } from './urls';

/**
 * Separators between a title and the site's name: " | ", " - ", " – ", " — ", " » ", " · ",
 * " :: ", " • ", " ~ ", " / ", and " : " with a space before the colon ("Story : 31.10.2023"; a
 * headline's own colon has none before it, so "Corona: …" is no separator).
 */
export const TITLE_SEPARATOR = /\s+(?:[|\-–—»«·•~/:]|::)\s+/;

/** Share of the headline's words the metadata title must have for the two to agree. */
const AGREEMENT = 0.5;

/**
 * Title parts that name no article wherever they stand: WordPress's old default theme titled
 * every post "Site » Blog Archive » Post".
 */
const TEMPLATE_PART = /^(?:blog[- ]?archi(?:v|ve)|archives?|startseite|home)$/i;

/**
 * Picks the title from the page's metadata and Readability's guess; null if neither has one.
 * The headline and the metadata title agree when most words of each are in the other (a
 * site's logo in an `<h1>` shares few words with the story's title). When the metadata title
 * is a part of the headline, the rest of the headline is a kicker ("Corona: …"), and the
 * metadata title is the headline proper. When `<title>` is the page's only title, an `<h1>`
 * in the page's content is the headline (see below).
 */
export function chooseTitle(
  metadata: Pick<PageMetadata, 'title' | 'titles' | 'heading' | 'source' | 'url'> &
    Partial<Pick<PageMetadata, 'headlines' | 'documentTitle' | 'headingInChrome' | 'subheadings'>>,
  readabilityTitle: string | null,
): string | null {
  const named = metadata.title ?? readabilityTitle;
  const heading = metadata.heading && !isLogo(metadata.heading, named, metadata) ? metadata.heading : null;
  if (!named) return heading ?? metadata.heading;
  // <title> is the page's one title: no OpenGraph or JSON-LD title the publisher wrote for the article.
  const onlyDocumentTitle = named === metadata.documentTitle && metadata.titles.every((title) => title === named);
  const withoutSite = withoutSiteName(named, metadata.source, metadata.url);
  const cleaned = onlyDocumentTitle && withoutSite === named ? withoutShortLastPart(named) : withoutSite;
  if (!heading) return partThatIsAHeadline(named, metadata) ?? titleTwoSourcesShare(named, metadata) ?? cleaned;
  const foldedHeading = fold(heading);
  const foldedTitle = fold(cleaned);
  if (foldedTitle === foldedHeading || fold(named) === foldedHeading) return heading;
  if (foldedTitle !== '' && foldedTitle.length < foldedHeading.length && foldedHeading.endsWith(foldedTitle)) return cleaned;
  // The other way round: the metadata title carries the kicker the page sets apart from its
  // <h1> ("Siemens und die Kohlemine: Kaeser verarscht Neubauer" over "Kaeser verarscht Neubauer").
  if (countWordsIn(heading) >= 2 && lastPartAfterKicker(cleaned) === foldedHeading) return heading;
  // A title that adds the recipe's or the post's author to the headline ("Kuchen von jesusfreak").
  if (foldedTitle.startsWith(`${foldedHeading} `) && BYLINE_AFTER_HEADLINE.test(foldedTitle.slice(foldedHeading.length))) return heading;
  // A <title> that only names the site (a home page's "Anwalt Niemeyer") names no article.
  if (isSiteName(cleaned, metadata.source, metadata.url) && !metadata.headingInChrome) return heading;
  // Any of the page's titles may agree: some sites' JSON-LD headline is a summary instead.
  for (const title of [named, ...metadata.titles]) {
    const titleCleaned = withoutSiteName(title, metadata.source, metadata.url);
    if (shareOfWordsIn(heading, title) >= AGREEMENT && shareOfWordsIn(titleCleaned, heading) >= AGREEMENT) return heading;
  }
  // When <title> is the page's one title, an <h1> of three words or more that stands in the
  // page's content is the headline the reader sees; <title> is often a template's ("Home",
  // "About Us - Site"), or an SEO variant. One in the masthead or a link is more likely the
  // site's logo or a section name, and wins only over a title of one or two words. A shorter
  // <h1> is likely a logo.
  // A <title> the page also shows as a heading is the story's, under a section's <h1>.
  const titleShown = (metadata.subheadings ?? []).some((text) => fold(text) === foldedTitle);
  if (onlyDocumentTitle && !titleShown && countWordsIn(heading) >= 3 && (countWordsIn(cleaned) <= 2 || metadata.headingInChrome === false)) return heading;
  return cleaned;
}

/**
 * A `<title>` without a last part of one to three words after a spaced dash ("Story – My
 * website"), when what stands before has three words or more: such a part is the site's name
 * or its tagline, as Readability's title rule also takes it. Only for a `<title>` that is the
 * page's only title; a title the publisher wrote for the article keeps its dash.
 */
function withoutShortLastPart(title: string): string {
  const match = /^(.*\S)\s+[-–—]\s+\S+(?:\s+\S+){0,2}$/.exec(title);
  return match?.[1] && countWordsIn(match[1]) >= 3 ? match[1] : title;
}

/** What follows a headline in a title that names its author: " von jesusfreak", " by Jane Doe". */
const BYLINE_AFTER_HEADLINE = /^ (?:von|by|par|di|por|door) \S+(?: \S+){0,2}$/;

/**
 * The folded part of a title after a kicker and its colon or dash ("Kicker: Headline" →
 * "headline"), or null when the title has no kicker.
 */
function lastPartAfterKicker(title: string): string | null {
  const parts = title.split(/:\s+|\s+[-–—|]\s+/);
  return parts.length >= 2 ? fold(parts[parts.length - 1] as string) : null;
}

/**
 * On a page with several `<h1>`s (a menu's, a sidebar's and the story's), the part of the
 * title between separators that is one of them is the headline.
 */
function partThatIsAHeadline(
  title: string,
  metadata: Pick<PageMetadata, 'source' | 'url'> & Partial<Pick<PageMetadata, 'headlines'>>,
): string | null {
  const headlines = new Set((metadata.headlines ?? []).map(fold));
  if (headlines.size === 0) return null;
  const parts = title.split(TITLE_SEPARATOR).map((part) => part.trim()).filter(Boolean);
  if (parts.length < 2) return null;
  const found = parts.filter((part) => headlines.has(fold(part)) && !isSiteName(part, metadata.source, metadata.url));
  // "Site - Section - Story" with each an <h1>: the story's is the longest.
  return found.sort((a, b) => b.length - a.length)[0] ?? null;
}

/**
 * On a page with several `<h1>`s, none of them agreeing with the chosen title (an OpenGraph
 * title that names a section: "Medienmitteilungen"): another of the page's titles that an
 * `<h1>` ends with, after a kicker ("Medienmitteilung der Direktion: Impfen und …"), so that
 * two sources name it. Null when the chosen title agrees with an `<h1>`, or no other does.
 * (Word agreement alone between an `<h1>` and another title was tried as a vote too: it won a
 * page of the trafilatura corpus and lost one of the Readability test pages, so it is not used.)
 */
function titleTwoSourcesShare(
  named: string,
  metadata: Pick<PageMetadata, 'titles' | 'source' | 'url'> & Partial<Pick<PageMetadata, 'headlines'>>,
): string | null {
  const headlines = (metadata.headlines ?? []).filter((headline) => countWordsIn(headline) >= 3);
  const agree = (headline: string, title: string): boolean => {
    const cleaned = withoutSiteName(title, metadata.source, metadata.url);
    return shareOfWordsIn(headline, title) >= AGREEMENT && shareOfWordsIn(cleaned, headline) >= AGREEMENT;
  };
  if (headlines.length === 0 || headlines.some((headline) => agree(headline, named))) return null;
  for (const title of metadata.titles) {
    if (title === named) continue;
    const cleaned = withoutSiteName(title, metadata.source, metadata.url);
    if (countWordsIn(cleaned) < 3) continue;
    const folded = fold(cleaned);
    for (const headline of headlines) {
      const foldedHeadline = fold(headline);
      if (foldedHeadline.length > folded.length && foldedHeadline.endsWith(` ${folded}`)) return cleaned;
    }
  }
  // The chosen title stands alone (an OpenGraph title that invites the reader to share):
  // an <h1> that agrees with another of the page's titles, which the chosen one does not.
  for (const title of metadata.titles) {
    if (title === named || agree(title, named)) continue;
    const headline = headlines.find((candidate) => agree(candidate, title));
    if (headline) return headline;
  }
  return null;
}

/**
 * True if an `<h1>` is the site's logo rather than the story's headline: it is the site's
 * name, or a name of up to four words that follows the last separator of the title ("Story | Site").
 */
function isLogo(heading: string, title: string | null, metadata: Pick<PageMetadata, 'source' | 'url'>): boolean {
  if (isSiteName(heading, metadata.source, metadata.url)) return true;
  const parts = title?.split(TITLE_SEPARATOR) ?? [];
  // Short, as names are: a kicker title ("Corona - The headline") ends with the headline.
  return parts.length >= 2 && countWordsIn(heading) <= 4 && squash(parts[parts.length - 1] as string) === squash(heading);
}

/**
 * The title without the site's name: the parts between separators that are the site name
 * (or its web address, or a template's "Blog Archive") are dropped from either end; if none
 * is, what stands before the first " | " is kept. Dashes are left alone unless they set off
 * the site's name: headlines use them too.
 */
export function withoutSiteName(title: string, site: string | null, url: string | null): string {
  const pieces = splitTitle(title);
  if (pieces.length < 3) return title;
  const isDropped = (part: string): boolean => TEMPLATE_PART.test(part) || isSiteName(part, site, url);
  // pieces alternate: part, separator, part, …
  let first = 0;
  let last = pieces.length - 1;
  while (last - first >= 2 && isDropped(pieces[last] as string)) last -= 2;
  while (last - first >= 2 && isDropped(pieces[first] as string)) first += 2;
  const rest = pieces.slice(first, last + 1).join('').trim();
  // "Headline | Section | Site": a pipe nearly always separates the headline from the rest.
  const byPipe = rest.split(/\s+\|\s+/);
  // What stood before the pipe may still end with the site's name ("Story : Site | Tagline").
  return byPipe.length > 1 && countWordsIn(byPipe[0] as string) >= 2 ? withoutSiteName((byPipe[0] as string).trim(), site, url) : rest;
}

/** "A | B - C" → ["A", " | ", "B", " - ", "C"]: the parts and the separators between them. */
function splitTitle(title: string): string[] {
  return title.trim().split(new RegExp(`(${TITLE_SEPARATOR.source})`));
}

/**
 * True if `part` is the site's name or its web address: the same letters as the name, or
 * holding it, or held in it ("Disfunctions.de", "SPIEGEL ONLINE"), or naming the host's
 * main label ("MyOOS Community Forum" on foren.myoos.de).
 */
function isSiteName(part: string, site: string | null, url: string | null): boolean {
  const folded = squash(part);
  if (folded === '') return false;
  const names = [site, hostName(url)].filter((name): name is string => Boolean(name)).map(squash).filter((name) => name.length >= 3);
  // A part holding the name is the site only when it is little more than the name ("Disfunctions.de"):
  // "Tote Hummeln unter Linden" on a site called "Hummeln" is a headline.
  const isName = (name: string): boolean =>
    folded === name || name.includes(folded) || (folded.includes(name) && folded.length <= name.length * 2 + 4);
  if (names.some(isName)) return true;
  // A hyphenated word's parts count: "Krimiblog-Archiv" names archiv.krimiblog.de.
  const words = new Set(fold(part).split(/[ -]/));
  return hostLabels(url).some((label) => words.has(label));
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

/** Folded, without spaces: "Time 4 talks" and "time4talks" are the same name. */
function squash(text: string): string {
  return fold(text).replace(/ /g, '');
}

/** `https://www.example-news.de/a` → "example news" (an archived page's own host, see {@link pageHost}). */
function hostName(url: string | null): string | null {
  const host = pageHost(url);
  if (!host) return null;
  // Hyphens are spaces: "bayrische-bembel.de" names "Bayrische Bembel".
  const labels = host.replace(/^www\./, '').replace(/[-_]/g, ' ').split('.');
  return labels.length > 1 ? labels.slice(0, -1).join(' ') : null;
}

/** Generic host labels that name no site. */
const GENERIC_LABELS = new Set(['www', 'web', 'blog', 'blogs', 'news', 'wiki', 'forum', 'forums', 'foren', 'shop', 'home', 'info', 'online', 'mobile']);

/** The host's distinctive labels, at least 4 letters: foren.myoos.de → ["myoos"]. */
function hostLabels(url: string | null): string[] {
  const labels = pageHost(url)?.split('.').slice(0, -1) ?? [];
  return labels.map((label) => fold(label)).filter((label) => label.length >= 4 && !GENERIC_LABELS.has(label) && !label.includes(' '));
}
