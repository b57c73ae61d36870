/**
 * A page's metadata: what it says about itself, before Readability looks at its body.
 *
 * Order of trust, the same for every field: a source that names the field explicitly for
 * this article beats one that describes the site or the markup.
 *   1. JSON-LD (`NewsArticle`, `Article`, `ReportageNewsArticle` and kin, also inside
 *      `@graph`, arrays and `mainEntity`): written for search engines about this very
 *      article, and usually the most exact.
 *   2. OpenGraph (`og:*`, `article:*`): written for link previews, also per article.
 *   3. Plain `<meta name>` (author, description, date, parsely-*, sailthru.*, twitter:*).
 *   4. Dublin Core (`DC.*`, `dcterms.*`): older, often left stale by templates.
 *   5. The markup itself: `<time datetime>` in the article, `<link rel=canonical>`,
 *      `<html lang>`, `<title>`, the `<h1>`; for the date and the author, when nothing above
 *      gives one, also the page's URL (`/2019/11/17/`), dates written in date-marked elements
 *      (date-in-text.ts) and bylines in author-marked elements (byline.ts).
 * Exceptions, each for a reason given where it is made: the language prefers `<html lang>`
 * over `og:locale`; URLs that point at a site's home page are skipped; an "author" that is the
 * site's own name is skipped; the title shown is chosen in title.ts (the visible headline
 * when the metadata agrees with it). The README has the same order as a table.
 */
import { authorAfterLabel, authorInMarkup, authorLinkedToTheirPage, bylineInText, looksLikeNames } from './byline';
import { dateInMarkup, dateInText, dateInUrl, dateNearHeadline } from './date-in-text';
import { selectAll, selectFirst } from './dom';
import type { DomDocument, DomElement } from './dom';
import { visibleHeadline } from './headline';
import { decodeEntities, ldAuthors, ldBody, ldName, ldText, ldUrl, readJsonLdArticle } from './json-ld';
import { metaValues, readMetaTags } from './meta-tags';
import { cleanText, firstOf, joinNames, looksLikeUrl, nonUrl } from './meta-text';
import { isSiteRoot, pageHost, resolveHttpUrl } from './urls';

export { cleanByline } from './byline';
export { nonUrl } from './meta-text';

/** What a page says about itself; null where it says nothing usable. */
export interface PageMetadata {
  title: string | null;
  /** The headline shown on the page (its `<h1>`), when the page has one. */
  heading: string | null;
  /** True if that `<h1>` stands in the masthead, a menu, a sidebar, a footer or a link: more likely a logo. */
  headingInChrome: boolean;
  /** Every title the page's metadata gives (JSON-LD, OpenGraph, `<title>`…), most trusted first. */
  titles: string[];
  /** The page's `<title>`. */
  documentTitle: string | null;
  /** The text of every `<h2>` and `<h3>`: a `<title>` shown as one of them is a headline too. */
  subheadings: string[];
  /** The text of every `<h1>` on the page, in page order (a menu's and a sidebar's too). */
  headlines: string[];
  /** Authors as one line: "Jane Doe, John Roe". */
  author: string | null;
  /** ISO 8601 date or date-time, as precise as the page gives it. */
  published: string | null;
  /** ISO 8601, when the page says it was last changed. */
  modified: string | null;
  /** The publication or site name. */
  source: string | null;
  /** The article's own URL (canonical), absolute http(s). */
  url: string | null;
  /** BCP 47 language tag. */
  lang: string | null;
  description: string | null;
  /** The lead image, absolute http(s). */
  image: string | null;
  section: string | null;
  keywords: string[];
  /** JSON-LD `articleBody`: the article's text when the markup hides it from Readability. */
  articleBody: string | null;
}

/** Options for {@link extractMetadata}. */
export interface ExtractMetadataOptions {
  /** The page's address, to resolve relative URLs against; `{ baseUrl: 'https://x.org/a' }`. */
  baseUrl?: string | null;
  /** Where the page was fetched from, whose path may hold its date: `{ pageUrl: 'https://x.org/2020/01/02/a' }`. */
  pageUrl?: string | null;
}

/** The `<meta>` names of a publication time, most specific first. */
export const PUBLISHED_META_KEYS = ['article:published_time', 'og:published_time', 'og:article:published_time'];
/** The `<meta>` names of a date that is most often the publication's. */
export const DATE_META_KEYS = [
  'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'article.published', 'parsely-pub-date', 'sailthru.date',
  'citation_publication_date', 'datepublished', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created',
  'dc.date.created',
];
/** The `<meta>` names of the time of the last change. */
export const MODIFIED_META_KEYS = ['article:modified_time', 'og:updated_time', 'last-modified', 'dcterms.modified', 'dc.date.modified', 'datemodified'];

/** Reads title, authors, dates, site, URL, language, description, image, section, keywords and JSON-LD body from a page. */
export function extractMetadata(document: DomDocument, options: ExtractMetadataOptions = {}): PageMetadata {
  const base = options.baseUrl ?? null;
  const meta = readMetaTags(document);
  const ld = readJsonLdArticle(document);
  const first = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = meta.get(key)?.[0];
      if (value) return value;
    }
    return null;
  };
  const documentTitle = cleanText(selectFirst(document, 'title')?.textContent);
  const headline = visibleHeadline(document);
  const firstDate = (...keys: string[]): string | null => firstOf(...keys.map((key) => normaliseDate(first(key))));

  const source = firstOf(
    ld && ldName(ld.article.publisher, ld.byId),
    ld && ldName(ld.article.sourceOrganization, ld.byId),
    nonUrl(first('og:site_name', 'twitter:site_name', 'application-name')),
    nonUrl(first('dc.publisher', 'dcterms.publisher')),
  );
  const url = firstOf(
    ld && articleUrl(ldUrl(ld.article.url), base),
    ld && articleUrl(ldUrl(ld.article.mainEntityOfPage), base),
    articleUrl(first('og:url'), base),
    articleUrl(canonicalHref(document), base),
  );
  const notSite = (name: string | null): string | null => authorNotSite(name, source, url ?? options.pageUrl ?? null);

  return {
    title: firstOf(
      ld && ldText(ld.article.headline),
      ld && ldText(ld.article.name),
      first('og:title', 'twitter:title', 'title', 'dc.title', 'dcterms.title'),
      documentTitle,
    ),
    heading: headline?.text ?? null,
    headingInChrome: headline?.inChrome ?? false,
    documentTitle,
    subheadings: selectAll(document, 'h2, h3').map((element) => cleanText(element.textContent)).filter((text): text is string => text !== null && text.length <= 300),
    headlines: selectAll(document, 'h1').map((element) => cleanText(element.textContent)).filter((text): text is string => text !== null),
    titles: [
      ...new Set(
        [
          ld && ldText(ld.article.headline),
          ld && ldText(ld.article.name),
          first('og:title'),
          first('twitter:title'),
          documentTitle,
        ].filter((title): title is string => typeof title === 'string' && title !== ''),
      ),
    ],
    // The expensive sources (the markup) are only searched when the cheap ones say nothing.
    author: chooseAuthor(
      firstOf(
        ld && notSite(ldAuthors(ld.article.author ?? ld.article.creator, ld.byId)),
        notSite(joinNames((meta.get('article:author') ?? []).filter((value) => !looksLikeUrl(value)))),
        notSite(joinNames(metaValues(meta, 'author', 'byl', 'parsely-author', 'sailthru.author'))),
        notSite(twitterAuthor(meta)),
        notSite(joinNames(metaValues(meta, 'dc.creator', 'dcterms.creator'))),
        ld && notSite(ldAuthors(ld.page?.author, ld.byId)),
      ),
      () => notSite(authorInMarkup(document)),
      () => notSite(authorLinkedToTheirPage(document)),
      () => notSite(bylineInText(document)),
      () => notSite(authorAfterLabel(document)),
    ),
    published: dayFromUrlAcrossZones(
      firstOf(
        ld && normaliseDate(ldText(ld.article.datePublished)),
        ld && normaliseDate(ldText(ld.article.dateCreated)),
        firstDate(...PUBLISHED_META_KEYS),
        firstDate(...DATE_META_KEYS),
      ) ??
      (ld && normaliseDate(ldText(ld.page?.datePublished))) ??
      timeInMarkup(document) ??
      dateInAttributes(document) ??
      dateInUrl(options.pageUrl ?? url) ??
      dateInMarkup(document) ??
      dateNearHeadline(document) ??
      anyTime(document) ??
      // Some archives write the day into the title: "Story | Site | 23.05.2011".
      dateInText(documentTitle ?? ''),
      dateInUrl(options.pageUrl ?? url),
    ),
    modified: firstOf(
      ld && normaliseDate(ldText(ld.article.dateModified)),
      firstDate(...MODIFIED_META_KEYS),
    ),
    source,
    url,
    // <html lang> is set per page by the CMS; og:locale is often a site-wide default.
    lang: firstOf(
      ld && normaliseLang(ldText(ld.article.inLanguage)),
      normaliseLang(document.documentElement?.getAttribute('lang')),
      normaliseLang(first('og:locale')),
      normaliseLang(first('content-language', 'language', 'dc.language', 'dcterms.language')),
    ),
    description: firstOf(
      ld && ldText(ld.article.description),
      first('og:description', 'twitter:description', 'description', 'dc.description', 'dcterms.description'),
    ),
    image: firstOf(
      ld && resolveHttpUrl(ldUrl(Array.isArray(ld.article.image) ? ld.article.image[0] : ld.article.image), base),
      resolveHttpUrl(first('og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src'), base),
    ),
    section: firstOf(
      ld && ldText(ld.article.articleSection),
      first('article:section', 'section', 'parsely-section'),
    ),
    keywords: keywordList(
      (ld && ld.article.keywords) || meta.get('article:tag') || first('keywords', 'news_keywords', 'parsely-tags'),
    ),
    articleBody: ld && typeof ld.article.articleBody === 'string' ? ldBody(ld.article.articleBody) : null,
  };
}

/**
 * The names without the site's own name and social-media handles; null when what is left is
 * the site's name (a site's own name given as the author is a template default, not a byline).
 */
export function authorNotSite(name: string | null, source: string | null, url: string | null): string | null {
  const names = name && withoutSiteOrHandle(name, (part) => isSiteName(part, source, url));
  return names && !isSiteName(names, source, url) ? names : null;
}

/**
 * The authors: the metadata's, unless it names an organisation ("Bund der Verbraucher e.V.",
 * "Example News (www.example.org)") and the page's markup or text names a person; else the
 * markup's, else a byline in the text. The markup is only searched when needed (it is slow).
 */
function chooseAuthor(fromMetadata: string | null, ...fromPage: Array<() => string | null>): string | null {
  if (fromMetadata && !looksLikeOrganisation(fromMetadata)) return fromMetadata;
  for (const find of fromPage) {
    const found = find();
    if (found && (!fromMetadata || looksLikeNames(found))) return found;
  }
  return fromMetadata;
}

/**
 * The names without what a byline adds to them: the site's name as one of its comma-separated
 * parts ("Rob Picheta, CNN"), and a social-media handle after a name ("Ana Ruiz @anaruiz").
 */
function withoutSiteOrHandle(names: string, isSite: (part: string) => boolean): string {
  const parts = names.split(/\s*,\s*/).map((part) => part.replace(/\s+@[\w.]+$/, '').trim());
  const kept = parts.length > 1 ? parts.filter((part) => part && !isSite(part)) : parts;
  return kept.length > 0 ? kept.join(', ') : names;
}

/**
 * A date-time that falls one day off the date in the page's address is the same moment seen
 * from another time zone (a story filed late in the evening in New York is dated the next day
 * in UTC): the address's day is the one the publisher filed it under, as htmldate also trusts it.
 */
export function dayFromUrlAcrossZones(published: string | null, urlDay: string | null): string | null {
  if (!published || !urlDay || published.length <= 10) return published;
  const apart = Math.abs(Date.parse(published.slice(0, 10)) - Date.parse(urlDay));
  return apart === 86_400_000 ? urlDay : published;
}

/** Words and marks of an organisation's name rather than a person's. */
const ORGANISATION =
  /\b(?:e\.\s?V|GmbH|AG|Ltd|Inc|LLC|Verlag|Redaktion|Magazin|Zeitung|Verband|Verein|Stiftung|Agencies|Agency|Newsroom|Staff|Editors?)\b|www\.|\.(?:com|de|org|net|at|ch)\b|\(|\s[–—|]\s/i;

export function looksLikeOrganisation(name: string): boolean {
  return ORGANISATION.test(name);
}

/** The labels (Yoast SEO's `twitter:label1` "Written by", "Verfasst von") that give an author. */
const AUTHOR_LABEL = /^(?:written by|verfasst von|geschrieben von|von|autor(?:in)?|author|écrit par|par|escrito por|scritto da|door)$/i;

/** The author a `twitter:dataN` gives, whose `twitter:labelN` says it is one ("Written by"). */
export function twitterAuthor(meta: Map<string, string[]>): string | null {
  for (let n = 1; n <= 5; n++) {
    const name = meta.get(`twitter:label${n}`)?.[0];
    if (name && AUTHOR_LABEL.test(name.trim())) return cleanText(meta.get(`twitter:data${n}`)?.[0]);
  }
  return null;
}

/** Keywords from a JSON-LD array or a comma-separated string, distinct, at most 50. */
function keywordList(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const seen = new Set<string>();
  const list: string[] = [];
  for (const item of raw) {
    const keyword = typeof item === 'string' ? cleanText(decodeEntities(item)) : null;
    if (!keyword || seen.has(keyword.toLowerCase())) continue;
    seen.add(keyword.toLowerCase());
    list.push(keyword);
  }
  return list.slice(0, 50);
}

/** True if `name` is the site's name or its host ("Example News", "example-news.de"). */
function isSiteName(name: string, site: string | null, url: string | null): boolean {
  const fold = (text: string): string => text.toLowerCase().replace(/^www\./, '').replace(/[^\p{L}\p{N}]+/gu, '');
  const folded = fold(name);
  if (folded === '') return true;
  if (site && fold(site) === folded) return true;
  const host = pageHost(url)?.replace(/^www\./, '');
  if (!host) return false;
  const label = fold(host.split('.').slice(0, -1).join('.'));
  // "Die FURCHE" on furche.at: the host's name with an article in front.
  const withoutArticle = fold(name.trim().replace(/^(?:the|die|der|das|le|la|les|el|il)\s+/i, ''));
  if (fold(host) === folded || label === folded || label === withoutArticle) return true;
  // "EFC Bayrische Bembel" on bayrische-bembel.de: a name of three words or more that holds
  // the host's name and little else is the site's (two words may be a person's own blog).
  return label.length >= 5 && folded.includes(label) && folded.length <= label.length * 2 && name.trim().split(/\s+/).length >= 3;
}

// ---------------------------------------------------------------------------------------
// <link>, <time>

function canonicalHref(document: DomDocument): string | null {
  for (const link of selectAll(document, 'link[rel][href]')) {
    const rel = link.getAttribute('rel')?.toLowerCase().split(/\s+/) ?? [];
    if (rel.includes('canonical') && link.hasAttribute('href')) return link.getAttribute('href');
  }
  return null;
}

/** An absolute http(s) URL that is not just the site's home page (a common template slip). */
function articleUrl(raw: string | null | undefined, base: string | null): string | null {
  const url = resolveHttpUrl(raw, base);
  return url && !isSiteRoot(url) ? url : null;
}

/** Whether an element is in the page's comments, whose dates and names are not the article's. */
export function inComments(element: DomElement): boolean {
  return element.closest('[id*="comment" i], [class*="comment" i]') !== null;
}

/**
 * A publication date marked up in the page: a `<time>` with `itemprop=datePublished` or
 * `pubdate`, else the first `<time datetime>` inside an `<article>`. A `<time>` elsewhere is
 * more likely a sidebar's or a comment's, so it is not used. (`<meta itemprop>` is read with
 * the other meta tags.)
 */
function timeInMarkup(document: DomDocument): string | null {
  let inArticle: DomElement | null = null;
  for (const time of selectAll(document, 'time')) {
    const itemprop = time.getAttribute('itemprop')?.split(/\s+/) ?? [];
    if (itemprop.includes('datePublished') || time.hasAttribute('pubdate')) {
      const date = normaliseDate(time.getAttribute('datetime') ?? time.textContent);
      if (date) return date;
    }
    if (!inArticle && time.hasAttribute('datetime') && time.closest('article')) inArticle = time;
  }
  return normaliseDate(inArticle?.getAttribute('datetime'));
}

/**
 * A publication date given in microdata or RDFa on an element other than `<meta>`:
 * `<span property="schema:dateCreated" content="2022-01-28T12:45:46+00:00">`.
 */
export function dateInAttributes(document: DomDocument): string | null {
  for (const element of selectAll(document, '[itemprop][content], [property][content], [itemprop][datetime], [property][datetime]')) {
    const names = `${element.getAttribute('itemprop') ?? ''} ${element.getAttribute('property') ?? ''}`.split(/\s+/);
    if (!names.some((name) => /^(?:.*[:/#])?(?:datePublished|dateCreated|published_time)$/i.test(name))) continue;
    if (inComments(element)) continue;
    const date = normaliseDate(element.getAttribute('content') ?? element.getAttribute('datetime'));
    if (date) return date;
  }
  return null;
}

/** The first `<time>` anywhere outside comments, the last resort for a date. */
function anyTime(document: DomDocument): string | null {
  for (const time of selectAll(document, 'time')) {
    if (inComments(time)) continue;
    const date = normaliseDate(time.getAttribute('datetime')) ?? dateInText(time.textContent ?? '');
    if (date) return date;
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Dates and languages

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * An ISO 8601 date or date-time, as precise as given: `2022-01-21`, `2022-01-21T10:00:00+00:00`.
 * Other formats that JavaScript understands ("Fri, 21 Jan 2022 10:00 GMT") become UTC
 * date-times, or plain dates when they carry no time of day. Anything else is null.
 */
export function normaliseDate(raw: string | null | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  const iso = ISO_DATE.exec(value);
  if (iso) {
    const [, day, time, zone] = iso;
    if (!isPlausibleYear(Number(day?.slice(0, 4)))) return null;
    if (!time) return day ?? null;
    // "2022-05-05T22:12:00 UTC" is written by some CMSs; UTC and GMT are Z.
    const offset = zone ? (/^(?:Z|UTC|GMT)$/i.test(zone) ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : '';
    return `${day}T${time.replace(',', '.')}${offset}`;
  }
  // A year or a month ("2017", "2017/01") names no day; JavaScript would make it the 1st.
  if (/^\d{4}(?:[-/.]\d{1,2})?$/.test(value)) return null;
  const dayFirst = dayFirstDate(value);
  if (dayFirst !== undefined) return dayFirst;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) return null;
  if (!/\d:\d\d/.test(value)) {
    // No time of day: JavaScript read it as local midnight, so local fields give the written day.
    if (!isPlausibleYear(parsed.getFullYear())) return null;
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
  }
  if (!isPlausibleYear(parsed.getUTCFullYear())) return null;
  return parsed.toISOString();
}

/**
 * "10.12.2022, 07:00:03" and "01-11-2023 10:29": dots and dashes between day, month and year
 * put the day first (JavaScript would read the month first, as in the US's slashed dates),
 * unless the second number cannot be a month. The day, as written (the zone is not given);
 * undefined if `value` is not of this form, null if it names no real day.
 */
function dayFirstDate(value: string): string | null | undefined {
  const match = /^(\d{1,2})([.-])(\d{1,2})\2(\d{4})(?:,?\s+(?:um\s+)?\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(value);
  if (!match) return undefined;
  let day = Number(match[1]);
  let month = Number(match[3]);
  if (month > 12 && day <= 12) [day, month] = [month, day];
  const year = Number(match[4]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCDate() !== day || !isPlausibleYear(year)) return null;
  return date.toISOString().slice(0, 10);
}

/** Rejects template placeholders such as 0001-01-01 and far-future typos. */
function isPlausibleYear(year: number): boolean {
  return year >= 1800 && year <= new Date().getFullYear() + 1;
}

/** A BCP 47 tag in canonical form (`en_gb` → `en-GB`), or null if it is not one. */
export function normaliseLang(raw: string | null | undefined): string | null {
  const value = raw?.trim().replace(/_/g, '-');
  if (!value) return null;
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}
