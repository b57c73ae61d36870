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
import { ELEMENT_NODE, selectAll, selectFirst } from './dom';
import type { DomDocument, DomElement } from './dom';
import { isSiteRoot, pageHost, resolveHttpUrl } from './urls';

export { cleanByline } from './byline';

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

type JsonObject = Record<string, unknown>;

/** schema.org types that describe one article (compared without their namespace). */
const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'ReviewNewsArticle', 'BackgroundNewsArticle', 'AskPublicNewsArticle', 'SatiricalArticle',
  'BlogPosting', 'LiveBlogPosting', 'SocialMediaPosting', 'TechArticle', 'ScholarlyArticle', 'Report',
]);

/** schema.org types of the page that holds an article. */
const PAGE_TYPES = new Set(['WebPage', 'ItemPage', 'AboutPage', 'ProfilePage', 'CollectionPage', 'MedicalWebPage']);

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
  // A site's own name given as the author is a template default, not a byline.
  const notSite = (name: string | null): string | null => {
    const names = name && withoutSiteOrHandle(name, (part) => isSiteName(part, source, url ?? options.pageUrl ?? null));
    return names && !isSiteName(names, source, url ?? options.pageUrl ?? null) ? names : null;
  };

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
        notSite(twitterLabelled(meta, AUTHOR_LABEL)),
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
        firstDate('article:published_time', 'og:published_time', 'og:article:published_time'),
        firstDate('date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'article.published',
          'parsely-pub-date', 'sailthru.date', 'citation_publication_date', 'datepublished', 'dc.date.issued',
          'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created', 'dc.date.created'),
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
      firstDate('article:modified_time', 'og:updated_time', 'last-modified', 'dcterms.modified', 'dc.date.modified',
        'datemodified'),
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
function dayFromUrlAcrossZones(published: string | null, urlDay: string | null): string | null {
  if (!published || !urlDay || published.length <= 10) return published;
  const apart = Math.abs(Date.parse(published.slice(0, 10)) - Date.parse(urlDay));
  return apart === 86_400_000 ? urlDay : published;
}

/** Words and marks of an organisation's name rather than a person's. */
const ORGANISATION =
  /\b(?:e\.\s?V|GmbH|AG|Ltd|Inc|LLC|Verlag|Redaktion|Magazin|Zeitung|Verband|Verein|Stiftung|Agencies|Agency|Newsroom|Staff|Editors?)\b|www\.|\.(?:com|de|org|net|at|ch)\b|\(|\s[–—|]\s/i;

function looksLikeOrganisation(name: string): boolean {
  return ORGANISATION.test(name);
}

/** The labels (Yoast SEO's `twitter:label1` "Written by", "Verfasst von") that give an author. */
const AUTHOR_LABEL = /^(?:written by|verfasst von|geschrieben von|von|autor(?:in)?|author|écrit par|par|escrito por|scritto da|door)$/i;

/** The `twitter:dataN` whose `twitter:labelN` matches `label`. */
function twitterLabelled(meta: Map<string, string[]>, label: RegExp): string | null {
  for (let n = 1; n <= 5; n++) {
    const name = meta.get(`twitter:label${n}`)?.[0];
    if (name && label.test(name.trim())) return cleanText(meta.get(`twitter:data${n}`)?.[0]);
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

/**
 * The headline shown on the page: the one `<h1>` inside the page's `<article>` or `<main>`
 * (or a heading that sets its kicker apart, where that `<h1>` runs kicker and headline
 * together), else the page's only `<h1>`, else on a page with no `<h1>` an element whose
 * class marks the headline. Pages with several `<h1>`s and none marked out (a list of
 * stories) have no one headline.
 */
function visibleHeadline(document: DomDocument): { text: string; inChrome: boolean } | null {
  const texts = (elements: DomElement[]): string[] =>
    elements.map(headlineText).filter((text): text is string => text !== null && text.length <= 300);
  const inContent = texts(selectAll(document, 'article h1, main h1, [role="main"] h1, [itemprop~="headline"]'));
  if (inContent.length > 0 && inContent.every((text) => text === inContent[0])) {
    // A heading that sets a kicker apart inside it is a story's headline by its make: it wins
    // over an <h1> (a breadcrumb's, say) that is its kicker and headline run together.
    const kickered = texts(selectAll(document, 'h1, h2').filter((element) => Array.from(element.children).some(isKicker) && !isInChrome(element)));
    const apart = kickered.length > 0 && kickered.every((text) => text === kickered[0]) ? kickered[0] : undefined;
    const text = apart && inContent[0]?.endsWith(apart) ? apart : inContent[0];
    return text ? { text, inChrome: false } : null;
  }
  const h1s = selectAll(document, 'h1');
  if (h1s.length === 0) return headlineByClass(document);
  const all = texts(h1s);
  if (all.length !== 1 || h1s.length !== 1 || !all[0]) return null;
  return { text: all[0], inChrome: isInChrome(h1s[0] as DomElement) };
}

/** Class words that mark an element as a headline. */
const HEADLINE_CLASS_WORD = /^(?:headline|title|titel)$/i;
/** Class words of headlines that are not the page's: teasers, widgets, the site's own. */
const OTHER_HEADLINE_WORD = /^(?:site|widget|sidebar|footer|nav|menu|teaser|card|related|section|box|block|logo|list|item|page|blog|comment|comments)$/i;

/**
 * On a page with no `<h1>`, the first element outside the chrome whose class marks it as the
 * headline ("l-headline", "entry-title") and that holds 3 to 25 words.
 */
function headlineByClass(document: DomDocument): { text: string; inChrome: boolean } | null {
  for (const element of selectAll(document, 'body [class]')) {
    const words = (element.getAttribute('class') ?? '').split(/[\s_-]+/);
    if (!words.some((word) => HEADLINE_CLASS_WORD.test(word)) || words.some((word) => OTHER_HEADLINE_WORD.test(word))) continue;
    const text = cleanText(element.textContent);
    const count = text?.split(' ').length ?? 0;
    if (!text || count < 3 || count > 25 || isInChrome(element)) continue;
    return { text, inChrome: false };
  }
  return null;
}

/**
 * Class or id words of a kicker set inside a headline ("Corona-Pandemie" above the headline
 * proper: a Dachzeile, an overline, an eyebrow).
 */
const KICKER_WORD = /^(?:kicker|dachzeile|overline|topline|eyebrow|roofline|spitzmarke|superline|pretitle)$/i;

/**
 * Class or id words that, inside a headline, mark a kicker too or text only screen readers
 * get, but elsewhere mark other things as well.
 */
const SET_APART_WORD = /^(?:topic|label|visually|hidden|sr|only|screen)$/i;

/** The class and id of an element, split into words ("content__kicker" → content, kicker). */
function classWords(element: DomElement): string[] {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.split(/[\s_-]+/);
}

function isKicker(element: DomElement): boolean {
  return classWords(element).some((word) => KICKER_WORD.test(word));
}

/**
 * A headline's text without the kicker a page sets inside its `<h1>`: the direct children
 * marked as one (see {@link KICKER_WORD} and {@link SET_APART_WORD}) are left out, when
 * what remains has two words or more.
 */
function headlineText(element: DomElement): string | null {
  const whole = cleanText(element.textContent);
  let rest = '';
  let skipped = false;
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === ELEMENT_NODE) {
      if (classWords(child as DomElement).some((word) => KICKER_WORD.test(word) || SET_APART_WORD.test(word))) {
        skipped = true;
        continue;
      }
    }
    rest += ` ${child.textContent ?? ''}`;
  }
  // What joined the kicker to the headline (": ", " - ") goes with it.
  const headline = skipped ? cleanText(rest.replace(/^[\s:|\-–—·•/]+/, '')) : null;
  return headline && headline.split(' ').length >= 2 ? headline : whole;
}

/** True for an element in the page's masthead, menu, sidebar or footer, or in a link (a logo). */
function isInChrome(element: DomElement): boolean {
  // A <header> inside the article is the article's own (headline, kicker, byline).
  const chrome = element.closest('header, nav, aside, footer, [role="banner"], [role="navigation"]');
  if (chrome && !chrome.closest('article, main, [role="main"]')) return true;
  return (
    element.closest('a, [class*="logo" i], [id*="logo" i]') !== null ||
    selectFirst(element, 'a[href="/"], img, [class*="logo" i]') !== null
  );
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

/** The first value that is a non-empty string. */
function firstOf(...values: Array<string | null | undefined | false>): string | null {
  for (const value of values) if (typeof value === 'string' && value !== '') return value;
  return null;
}

/** Collapses white space; empty becomes null. */
function cleanText(text: string | null | undefined): string | null {
  const clean = text?.replace(/\s+/g, ' ').trim();
  return clean ? clean : null;
}

function looksLikeUrl(value: string): boolean {
  return /^(?:https?:\/\/|www\.)/i.test(value.trim());
}

/** The value unless it is a URL (some sites put their address where their name belongs). */
export function nonUrl(value: string | null): string | null {
  return value && !looksLikeUrl(value) ? value : null;
}

// ---------------------------------------------------------------------------------------
// <meta>, <link>, <time>

/**
 * All `<meta>` values by lower-cased key (name, property, itemprop, http-equiv), in page
 * order. `property` may hold several space-separated keys (RDFa), so each is recorded.
 */
function readMetaTags(document: DomDocument): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const element of selectAll(document, 'meta[content]')) {
    const content = cleanText(element.getAttribute('content'));
    if (!content) continue;
    const keys = [
      element.getAttribute('name'),
      element.getAttribute('property'),
      element.getAttribute('itemprop'),
      element.getAttribute('http-equiv'),
    ];
    for (const attribute of keys) {
      for (const raw of attribute?.toLowerCase().split(/\s+/) ?? []) {
        if (!raw) continue;
        // Dublin Core is written both ways: `DC.creator` and (RDFa) `dc:creator`.
        const key = raw.replace(/^(dc|dcterms):/, '$1.');
        const list = values.get(key);
        if (list) list.push(content);
        else values.set(key, [content]);
      }
    }
  }
  return values;
}

function metaValues(meta: Map<string, string[]>, ...keys: string[]): string[] {
  for (const key of keys) {
    const list = meta.get(key);
    if (list?.length) return list;
  }
  return [];
}

/** Distinct names, "By " stripped, joined with ", "; null if none. */
function joinNames(names: Array<string | null | undefined>): string | null {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of names) {
    const name = cleanText(raw)?.replace(/^by:?\s+/i, '');
    if (!name || looksLikeUrl(name)) continue;
    const key = name.toLocaleLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(name);
  }
  return kept.length > 0 ? kept.join(', ') : null;
}

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
function dateInAttributes(document: DomDocument): string | null {
  for (const element of selectAll(document, '[itemprop][content], [property][content], [itemprop][datetime], [property][datetime]')) {
    const names = `${element.getAttribute('itemprop') ?? ''} ${element.getAttribute('property') ?? ''}`.split(/\s+/);
    if (!names.some((name) => /^(?:.*[:/#])?(?:datePublished|dateCreated|published_time)$/i.test(name))) continue;
    if (element.closest('[id*="comment" i], [class*="comment" i]')) continue;
    const date = normaliseDate(element.getAttribute('content') ?? element.getAttribute('datetime'));
    if (date) return date;
  }
  return null;
}

/** The first `<time>` anywhere outside comments, the last resort for a date. */
function anyTime(document: DomDocument): string | null {
  for (const time of selectAll(document, 'time')) {
    if (time.closest('[id*="comment" i], [class*="comment" i]')) continue;
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

// ---------------------------------------------------------------------------------------
// JSON-LD

interface JsonLdArticle {
  /** Empty when the page has a page node but no article node. */
  article: JsonObject;
  /** The `WebPage` node: its date is the article's when no article node gives one. */
  page: JsonObject | undefined;
  /** Every node with an `@id`, so that `{"@id": "#author"}` references can be followed. */
  byId: Map<string, JsonObject>;
}

/** The first article node in the page's JSON-LD blocks, or null. */
function readJsonLdArticle(document: DomDocument): JsonLdArticle | null {
  const nodes: JsonObject[] = [];
  for (const script of selectAll(document, 'script[type]')) {
    if (!/^\s*application\/ld\+json\s*(?:;|$)/i.test(script.getAttribute('type') ?? '')) continue;
    collectNodes(parseJsonLoosely(script.textContent ?? ''), nodes, 0);
  }
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, node);
  }
  const article = nodes.find(isArticleNode);
  const page = nodes.find((node) => hasType(node, PAGE_TYPES));
  return article || page ? { article: article ?? {}, page, byId } : null;
}

/** JSON.parse that survives what CMSs put around and inside JSON-LD. */
function parseJsonLoosely(text: string): unknown {
  const trimmed = text
    .trim()
    .replace(/^(?:\/\/\s*)?(?:<!--|\/\*\s*<!\[CDATA\[\s*\*\/|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\*\s*\]\]>\s*\*\/|(?:\/\/\s*)?\]\]>)$/, '')
    .trim()
    .replace(/;$/, '');
  try {
    return JSON.parse(trimmed);
  } catch {
    // Raw line breaks and tabs inside strings are invalid JSON but common; outside strings
    // a space means the same.
    try {
      // eslint-disable-next-line no-control-regex -- control characters are what is being replaced
      return JSON.parse(trimmed.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return null;
    }
  }
}

/** Gathers candidate nodes from top-level values, arrays, `@graph` and `mainEntity`. */
function collectNodes(value: unknown, out: JsonObject[], depth: number): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, out, depth + 1);
    return;
  }
  const node = value as JsonObject;
  out.push(node);
  collectNodes(node['@graph'], out, depth + 1);
  collectNodes(node['mainEntity'], out, depth + 1);
}

function isArticleNode(node: JsonObject): boolean {
  return hasType(node, ARTICLE_TYPES);
}

function hasType(node: JsonObject, wanted: Set<string>): boolean {
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  // "NewsArticle", "schema:NewsArticle" and "http://schema.org/NewsArticle" are the same type.
  return types.some((type) => typeof type === 'string' && wanted.has(type.replace(/^.*[/:#]/, '')));
}

/** Follows an `{"@id": …}` reference to the node it names, when the page has that node. */
function deref(value: unknown, byId: Map<string, JsonObject>): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const id = (value as JsonObject)['@id'];
    if (typeof id === 'string' && Object.keys(value).length <= 2) return byId.get(id) ?? value;
  }
  return value;
}

/** A JSON-LD text value (a string, or the first string of an array), entities decoded. */
function ldText(value: unknown): string | null {
  if (Array.isArray(value)) return ldText(value[0]);
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  return cleanText(decodeEntities(value));
}

/** `articleBody` keeps its line breaks: they are its paragraphs. */
function ldBody(value: string): string | null {
  const body = decodeEntities(value)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return body || null;
}

function ldName(value: unknown, byId: Map<string, JsonObject>): string | null {
  const node = deref(Array.isArray(value) ? value[0] : value, byId);
  if (typeof node === 'string') return nonUrl(cleanText(decodeEntities(node)));
  if (node && typeof node === 'object') return nonUrl(ldText((node as JsonObject)['name']));
  return null;
}

function ldAuthors(value: unknown, byId: Map<string, JsonObject>): string | null {
  const list = Array.isArray(value) ? value : [value];
  const names = list.map((item) => {
    const node = deref(item, byId);
    if (node && typeof node === 'object' && !Array.isArray(node)) {
      const person = node as JsonObject;
      const name = ldText(person['name']);
      if (name) return name;
      const parts = [ldText(person['givenName']), ldText(person['familyName'])].filter(Boolean);
      return parts.length > 0 ? parts.join(' ') : null;
    }
    return typeof node === 'string' ? decodeEntities(node) : null;
  });
  return joinNames(names);
}

function ldUrl(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const node = value as JsonObject;
    for (const key of ['@id', 'url']) if (typeof node[key] === 'string') return node[key] as string;
  }
  return null;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', mdash: '—',
  ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
};

/** Decodes the entities CMSs leave in JSON-LD strings (`Q&amp;A`, `&#8217;`). */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi, (match, dec, hex, name) => {
    if (dec || hex) {
      const code = dec ? Number(dec) : parseInt(hex as string, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[(name as string).toLowerCase()] ?? match;
  });
}
