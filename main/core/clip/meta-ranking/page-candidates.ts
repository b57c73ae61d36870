/**
 * Every title, author and publication date a page offers (candidate-pool.ts), read from the
 * untouched document: JSON-LD, OpenGraph and `<meta>`, `<title>` and its parts, the `<h1>`s
 * and first `<h2>`s, bylines in the markup and the text, `<time>` elements, the URL's date,
 * dates written near the headline. Values are normalised with the general rules the rules
 * use too (metadata.ts: date formats and time zones, the site's name is no author; title.ts:
 * the site's name cut off a title), so that the ranker chooses between clean values.
 */
import { authorAfterLabel, authorInMarkup, authorLinkedToTheirPage, bylineInText, cleanByline } from '../byline';
import { dateInMarkup, dateInText, dateInUrl, dateNearHeadline } from '../date-in-text';
import { selectAll } from '../dom';
import type { DomDocument } from '../dom';
import { headlineText, isInChrome } from '../headline';
import { ldAuthors, ldText, readJsonLdArticle } from '../json-ld';
import type { JsonLdArticle } from '../json-ld';
import { metaValues, readMetaTags } from '../meta-tags';
import { cleanText, joinNames, looksLikeUrl } from '../meta-text';
import { authorNotSite, dateInAttributes, DATE_META_KEYS, dayFromUrlAcrossZones, inComments, MODIFIED_META_KEYS, normaliseDate, PUBLISHED_META_KEYS, twitterAuthor } from '../metadata';
import type { PageMetadata } from '../metadata';
import { TITLE_SEPARATOR, withoutSiteName } from '../title';
import { CandidatePool, META_FIELDS } from './candidate-pool';
import type { MetaField } from './candidate-pool';
import { candidateKey } from './field-features';

/** Headings looked at: a page's first few; further ones are a list's or a sidebar's. */
const MAX_H1 = 4;
const MAX_H2 = 3;
/** `<time>` elements looked at, in page order. */
const MAX_TIMES = 6;

const ALL_FIELDS: ReadonlySet<MetaField> = new Set(META_FIELDS);

/** Where the page was fetched from and what the rules read of its metadata. */
export interface CandidateContext {
  metadata: PageMetadata;
  pageUrl: string | null;
}

/**
 * The page's candidates for `fields` (the title, the author, the date), from its markup. Only
 * the fields asked for are searched: the byline and date searches walk the whole page.
 */
export function pageCandidates(document: DomDocument, { metadata, pageUrl }: CandidateContext, fields: ReadonlySet<MetaField> = ALL_FIELDS): CandidatePool {
  const pool = new CandidatePool(candidateKey);
  const meta = readMetaTags(document);
  const ld = readJsonLdArticle(document);
  const url = metadata.url ?? pageUrl;
  const first = (...keys: string[]): string | null => metaValues(meta, ...keys)[0] ?? null;

  if (fields.has('title')) addTitles(pool, document, metadata, url, first, ld);
  if (fields.has('author')) addAuthors(pool, document, metadata, url, meta, ld);
  if (fields.has('date')) addDates(pool, document, metadata, pageUrl, first, ld);
  return pool;
}

type First = (...keys: string[]) => string | null;

function addTitles(pool: CandidatePool, document: DomDocument, metadata: PageMetadata, url: string | null, first: First, ld: JsonLdArticle | null): void {
  const cut = (title: string | null): string | null => title && withoutSiteName(title, metadata.source, url);
  pool.add('title', 'ld-headline', ld && ldText(ld.article.headline));
  pool.add('title', 'ld-name', ld && ldText(ld.article.name));
  pool.add('title', 'og-title', first('og:title'));
  pool.add('title', 'og-title-cut', cut(first('og:title')));
  pool.add('title', 'twitter-title', first('twitter:title'));
  pool.add('title', 'meta-title', first('title'));
  pool.add('title', 'dc-title', first('dc.title', 'dcterms.title'));
  pool.add('title', 'document-title', metadata.documentTitle);
  pool.add('title', 'document-title-cut', cut(metadata.documentTitle));
  for (const part of metadata.documentTitle?.split(TITLE_SEPARATOR) ?? []) if (part.trim().split(/\s+/).length >= 2) pool.add('title', 'document-title-part', part);
  pool.add('title', 'visible-headline', metadata.heading);
  selectAll(document, 'h1').slice(0, MAX_H1).forEach((element, index) => {
    const text = headlineText(element);
    if (!text || text.length > 300) return;
    pool.add('title', isInChrome(element) ? 'h1-in-chrome' : 'h1', text);
    if (index === 0) pool.add('title', 'h1-first', text);
  });
  for (const element of selectAll(document, 'h2').slice(0, MAX_H2)) {
    const text = cleanText(element.textContent);
    if (text && text.length <= 300) pool.add('title', 'h2', text);
  }
}

/** Authors, without the site's own name. */
function addAuthors(pool: CandidatePool, document: DomDocument, metadata: PageMetadata, url: string | null, meta: Map<string, string[]>, ld: JsonLdArticle | null): void {
  const author = (kind: string, names: string | null | undefined): void => pool.add('author', kind, authorNotSite(names ?? null, metadata.source, url));
  author('ld-author', ld && ldAuthors(ld.article.author ?? ld.article.creator, ld.byId));
  author('ld-page-author', ld && ldAuthors(ld.page?.author, ld.byId));
  author('article-author', joinNames((meta.get('article:author') ?? []).filter((value) => !looksLikeUrl(value))));
  author('meta-author', joinNames(metaValues(meta, 'author', 'byl', 'parsely-author', 'sailthru.author')));
  author('twitter-label', twitterAuthor(meta));
  author('dc-creator', joinNames(metaValues(meta, 'dc.creator', 'dcterms.creator')));
  author('markup', authorInMarkup(document));
  author('author-page-link', authorLinkedToTheirPage(document));
  author('byline-in-text', bylineInText(document));
  author('after-label', authorAfterLabel(document));
  const relAuthor = selectAll(document, 'body a[rel~="author"]')[0];
  author('rel-author', relAuthor && cleanByline(relAuthor.textContent));
}

/** Dates, as the rules normalise them: ISO, and a date-time a day off the URL's day is that day. */
function addDates(pool: CandidatePool, document: DomDocument, metadata: PageMetadata, pageUrl: string | null, first: First, ld: JsonLdArticle | null): void {
  const urlDay = dateInUrl(pageUrl ?? metadata.url);
  const date = (kind: string, raw: string | null | undefined, normalise = true): void =>
    pool.add('date', kind, dayFromUrlAcrossZones(normalise ? normaliseDate(raw) : (raw ?? null), urlDay));
  date('ld-published', ld && ldText(ld.article.datePublished));
  date('ld-created', ld && ldText(ld.article.dateCreated));
  date('ld-modified', ld && ldText(ld.article.dateModified));
  date('ld-page-published', ld && ldText(ld.page?.datePublished));
  date('meta-published', first(...PUBLISHED_META_KEYS));
  date('meta-date', first(...DATE_META_KEYS));
  date('meta-modified', first(...MODIFIED_META_KEYS));
  selectAll(document, 'time').slice(0, MAX_TIMES).forEach((time, index) => {
    if (inComments(time)) return;
    const value = normaliseDate(time.getAttribute('datetime')) ?? dateInText(time.textContent ?? '');
    const itemprop = time.getAttribute('itemprop')?.split(/\s+/) ?? [];
    const kind = itemprop.includes('datePublished') || time.hasAttribute('pubdate') ? 'time-published' : time.closest('article') ? 'time-in-article' : 'time-other';
    date(kind, value, false);
    if (index === 0) date('time-first', value, false);
  });
  date('attribute-published', dateInAttributes(document));
  date('url', urlDay, false);
  date('markup', dateInMarkup(document), false);
  date('near-headline', dateNearHeadline(document), false);
  date('document-title', dateInText(metadata.documentTitle ?? ''), false);
}

/**
 * What the rules chose and what Readability read, once the body is known: they join the
 * pool as candidates of their own (the rules' choice of each field is a source like any other).
 */
export function addLateCandidates(
  pool: CandidatePool,
  late: { rulesTitle: string | null; rulesAuthor: string | null; rulesDate: string | null; readabilityTitle: string | null; readabilityByline: string | null; readabilityDate: string | null; textStartDate: string | null },
): void {
  pool.add('title', 'rules', late.rulesTitle);
  pool.add('title', 'readability', late.readabilityTitle);
  pool.add('author', 'rules', late.rulesAuthor);
  pool.add('author', 'readability', cleanByline(late.readabilityByline));
  pool.add('date', 'rules', late.rulesDate);
  pool.add('date', 'readability', normaliseDate(late.readabilityDate));
  pool.add('date', 'text-start', late.textStartDate);
}
