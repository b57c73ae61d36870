/**
 * The article body chosen by rules among the page's own sources: Readability's pick, the
 * JSON-LD `articleBody`, the page's body without its chrome. Today's extraction (rules-body.ts)
 * ends here, and so does the block classifier when it keeps too little (a page whose text it
 * cannot tell from its chrome, a page of one short note, a page that keeps its text in JSON-LD
 * only). Each source gets a say in turn, most trusted first, and the last is all the text the
 * page shows: a page a browser shows with an article in it is not refused (14 pages of the
 * GN1 and Dragnet sets were); a page of nothing but a menu and a footer still is.
 */
import { isProbablyReaderable } from '@mozilla/readability';
import { countWords, findWords, foldTerm } from '../../../common/text';
import { htmlToBody, paragraphsToBody } from './article-body';
import type { Body } from './article-body';
import { removeBoilerplate, trimArticle } from './boilerplate';
import { parsePage, selectAll, selectFirst } from './dom';
import type { DomDocument, DomWindow } from './dom';
import type { ReadabilityResult } from './run-readability';

/**
 * Fewer words than this and an answer is suspect: Readability returns *something* for every
 * page, the footer on a page with no article. Below it, the next source gets a say.
 */
const MIN_ARTICLE_WORDS = 50;

/**
 * At least this many words before a page that is all chrome by its markup is taken whole:
 * the GN1 and Dragnet pages that needed it hold hundreds; a menu and a footer, a handful.
 */
const MIN_CHROME_ONLY_WORDS = 25;

/**
 * A JSON-LD `articleBody` this many times longer than Readability's text means Readability
 * took a fragment (one of several text blocks, or a teaser) and the publisher's own copy of
 * the text is the better one.
 */
const ARTICLE_BODY_PREFERRED_RATIO = 2;

/** Never article text: code, embeds, controls, and whatever the page hides. */
export const NOT_TEXT_SELECTOR = [
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'button', 'select',
  'textarea', 'dialog', '[hidden]', '[aria-hidden="true"]', '[role="dialog"]', '[role="alert"]',
  '[style*="display:none" i]', '[style*="display: none" i]', '[style*="visibility:hidden" i]',
  '[style*="visibility: hidden" i]',
].join(',');

/**
 * Page chrome: menus, mastheads, footers, sidebars. Not `<form>`: ASP.NET pages wrap the
 * entire page in one.
 */
const CHROME_SELECTOR = [
  'nav', 'header', 'footer', 'aside', '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]',
  '[role="complementary"]', '[role="search"]',
].join(',');

/** Where a page says its content is; chrome inside or around these is not chrome. */
const CONTENT_SELECTOR = 'main, article, [role="main"], [role="article"]';

/**
 * Picks the article body, most trusted first: Readability's if it has enough words, unless
 * the JSON-LD `articleBody` is much longer; the `articleBody` if it has enough words;
 * Readability's short answer if the page looks like an article; the page's `<body>` without
 * its chrome if that has enough words; Readability's short answer if its words are not page
 * chrome; a short `articleBody`; the page's body without its chrome, however short; at last
 * every word the page shows, if they are enough for an article. Null means no article.
 */
export function fallbackBody(
  window: DomWindow,
  html: string,
  readableBody: Body | null,
  articleText: string | null,
  linkBase: string | null,
): Body | null {
  // The articleBody is sanitised only if it is chosen; its words are counted on the plain text.
  const articleWords = articleText ? countWords(articleText) : 0;
  const articleBody = (): Body | null => (articleText ? paragraphsToBody(window, articleText, linkBase) : null);
  if (readableBody && readableBody.words >= MIN_ARTICLE_WORDS) {
    const muchLonger = articleWords > 0 && articleWords >= readableBody.words * ARTICLE_BODY_PREFERRED_RATIO;
    return muchLonger ? articleBody() : readableBody;
  }
  if (articleWords >= MIN_ARTICLE_WORDS) return articleBody();

  const original = parsePage(window, html);
  const readerable = isProbablyReaderable(original as unknown as Parameters<typeof isProbablyReaderable>[0]);
  if (readableBody && readableBody.words > 0 && readerable) return readableBody;

  removePageChrome(original);
  if (original.body) {
    removeBoilerplate(original.body);
    trimArticle(original.body);
  }
  const pageBody = original.body ? htmlToBody(window, original.body.innerHTML, linkBase) : null;
  if (pageBody && pageBody.words >= MIN_ARTICLE_WORDS) return pageBody;
  // On a page with nothing but a menu and a footer, Readability returns the footer.
  if (readableBody && readableBody.words > 0 && pageBody && isMostlyWithin(readableBody.text, pageBody.text)) return readableBody;
  if (articleWords > 0) return articleBody();
  if (pageBody && pageBody.words > 0) return pageBody;
  // A page that is all chrome by its markup (a frameset's <noframes>, a page in one <header>)
  // still shows its words — when they are enough to be an article: a page of nothing but a
  // menu and a footer ("Home · About · © 2024") has none, and is refused as before.
  const whole = parsePage(window, html);
  for (const element of selectAll(whole, 'script, style, template, noscript')) element.remove();
  const everything = whole.body ? htmlToBody(window, whole.body.innerHTML, linkBase) : null;
  return everything && everything.words >= MIN_CHROME_ONLY_WORDS ? everything : null;
}

/**
 * Readability's article as a body, without the boilerplate it keeps (share bars, "Read more:"
 * teasers, calls to subscribe, trailing link lists: boilerplate.ts). Edits `readable`.
 */
export function bodyOfReadable(window: DomWindow, readable: ReadabilityResult, linkBase: string | null): Body | null {
  if (!readable?.content) return null;
  removeBoilerplate(readable.content);
  trimArticle(readable.content);
  return htmlToBody(window, readable.content.innerHTML, linkBase);
}

/**
 * Leaves only what may be article text in the page. Chrome elements are kept when they sit
 * inside the page's `<main>` or `<article>` or hold one: some sites wrap their whole
 * article in an `<aside>` or a `<header>`.
 */
function removePageChrome(document: DomDocument): void {
  for (const element of selectAll(document, NOT_TEXT_SELECTOR)) element.remove();
  for (const element of selectAll(document, CHROME_SELECTOR)) {
    if (element.closest(CONTENT_SELECTOR) || selectFirst(element, CONTENT_SELECTOR)) continue;
    element.remove();
  }
}

/** True if at least 80% of the distinct words of `part` occur in `whole`. */
function isMostlyWithin(part: string, whole: string): boolean {
  const words = new Set(findWords(whole).map(({ word }) => foldTerm(word)));
  const wanted = new Set(findWords(part).map(({ word }) => foldTerm(word)));
  let found = 0;
  for (const word of wanted) if (words.has(word)) found++;
  return wanted.size > 0 && found >= wanted.size * 0.8;
}
