/**
 * Clips an HTML page: metadata from the page, the article body from Mozilla Readability
 * (with fallbacks for pages it rejects), sanitised for the offline reader.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { countWords, findWords, foldTerm } from '../../../common/text';
import { ClipError } from './clipped-article';
import type { ClippedArticle } from './clipped-article';
import { parseHtmlDocument, selectAll, selectFirst, withDomWindow } from './dom';
import type { DomDocument, DomElement, DomWindow } from './dom';
import { escapeHtml } from './escape-html';
import { makeExcerpt } from './excerpt';
import { htmlToText } from './html-to-text';
import { isBlank, looksLikeBinary, MAX_CLIP_BYTES } from './input-checks';
import { extractMetadata, nonUrl, normaliseDate, normaliseLang } from './metadata';
import type { PageMetadata } from './metadata';
import { sanitiseElement, sanitiseHtml } from './sanitise';
import { PLACEHOLDER_BASE_URL, resolveHttpUrl } from './urls';

/** The size limit, re-exported here because it is the HTML clipper's contract. */
export { MAX_CLIP_BYTES };

/**
 * Fewer words than this and an extraction is suspect: Readability returns *something* for
 * every page, the footer on a page with no article. Below it, the other sources get a say
 * (see chooseBody), and the page's whole text counts only if it has at least this many.
 */
const MIN_ARTICLE_WORDS = 50;

/** Never article text: code, embeds, controls, and whatever the page hides. */
const NOT_TEXT_SELECTOR = [
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

/** Options for {@link clipHtml}. */
export interface ClipHtmlOptions {
  /** Where the page came from, to resolve its relative links: `{ url: 'https://x.org/a' }`. */
  url?: string;
  /** The file it was read from, named in error messages: `{ fileName: 'story.html' }`. */
  fileName?: string;
}

/** An article body, sanitised, with its plain text. */
interface Body {
  html: string;
  text: string;
  words: number;
}

/**
 * Turns an HTML page into a ClippedArticle. Throws ClipError for input that is empty, binary,
 * over {@link MAX_CLIP_BYTES} or has no article in it. Never runs the page's scripts and never
 * loads anything: remote images are kept only as `data-src` URLs.
 */
export function clipHtml(html: string, options: ClipHtmlOptions = {}): ClippedArticle {
  const name = options.fileName ?? 'pasted HTML';
  checkInput(html, name);

  const pageUrl = resolveHttpUrl(options.url);
  return withDomWindow((window) => clipPage(window, html, name, pageUrl));
}

function clipPage(window: DomWindow, html: string, name: string, pageUrl: string | null): ClippedArticle {
  const document = parseHtmlDocument(window, html);
  const pageBase = resolveHttpUrl(selectFirst(document, 'base[href]')?.getAttribute('href'), pageUrl);
  const metadata = extractMetadata(document, { baseUrl: pageBase ?? pageUrl });
  // A saved page without its address still names where it was published (canonical URL):
  // its relative links and images are relative to that.
  const linkBase = pageBase ?? pageUrl ?? metadata.url;
  setBaseUrl(document, linkBase ?? PLACEHOLDER_BASE_URL);

  // Readability changes the document it reads, so it runs after everything else has read it;
  // the rare fallbacks that need the page as it was parse it again.
  const readable = runReadability(document);
  const readableBody = readable?.content ? toBody(sanitiseElement(window, readable.content, linkBase)) : null;
  const body = chooseBody(window, html, readableBody, metadata, linkBase);
  if (!body) throw new ClipError(`clip: ${name} has no article in it (no readable text found)`);

  const title =
    cleanLine(readable?.title) ??
    metadata.title ??
    makeExcerpt(body.text.split('\n')[0] ?? '', 80);
  return {
    title,
    text: body.text,
    html: body.html,
    url: metadata.url ?? pageUrl,
    source: metadata.source ?? nonUrl(cleanLine(readable?.siteName)),
    author: metadata.author ?? plausibleByline(readable?.byline),
    published: metadata.published ?? normaliseDate(readable?.publishedTime),
    lang: metadata.lang ?? normaliseLang(readable?.lang),
    excerpt: makeExcerpt(metadata.description ?? cleanLine(readable?.excerpt) ?? firstParagraph(body.text)),
  };
}

function checkInput(html: string, name: string): void {
  if (isBlank(html)) throw new ClipError(`clip: ${name} is empty`);
  if (html.length > MAX_CLIP_BYTES) {
    const megabytes = (html.length / (1024 * 1024)).toFixed(1);
    throw new ClipError(
      `clip: ${name} is ${megabytes} MB; the largest page Cuttings clips is ${MAX_CLIP_BYTES / (1024 * 1024)} MB`,
    );
  }
  if (looksLikeBinary(html)) throw new ClipError(`clip: ${name} is not an HTML document (it looks like binary data)`);
}

/**
 * Points the document's base URL at the page's address: the document itself lives at the
 * clip window's placeholder URL, and Readability makes links absolute against `baseURI`.
 * Inserted first in `<head>`, so it wins over the page's own `<base>` (already resolved).
 */
function setBaseUrl(document: DomDocument, url: string): void {
  const base = document.createElement('base');
  base.setAttribute('href', url);
  document.head.prepend(base);
}

type ReadabilityResult = ReturnType<Readability<DomElement>['parse']>;

function runReadability(document: DomDocument): ReadabilityResult {
  try {
    // The parameter is typed with the DOM lib's Document; jsdom's document is one at run time.
    // The article comes back as an element, to be sanitised in place rather than re-parsed.
    const reader = new Readability<DomElement>(document as unknown as ConstructorParameters<typeof Readability>[0], {
      serializer: (node) => node as unknown as DomElement,
    });
    return reader.parse();
  } catch {
    // Readability throws on some malformed documents; the fallbacks below still apply.
    return null;
  }
}

/**
 * Picks the article body, most trusted first: Readability's if it has enough words; the
 * page's JSON-LD `articleBody` if that has; Readability's short answer if the original page
 * looks like an article; the page's `<body>` without its chrome if that has enough words;
 * Readability's short answer if its words are not page chrome (a short page is still a
 * page); a short `articleBody`. Null means the page has no article.
 */
function chooseBody(
  window: DomWindow,
  html: string,
  readable: Body | null,
  metadata: PageMetadata,
  linkBase: string | null,
): Body | null {
  if (readable && readable.words >= MIN_ARTICLE_WORDS) return readable;
  const articleBody = metadata.articleBody ? paragraphsToBody(window, metadata.articleBody, linkBase) : null;
  if (articleBody && articleBody.words >= MIN_ARTICLE_WORDS) return articleBody;

  const original = parseHtmlDocument(window, html);
  const readerable = isProbablyReaderable(original as unknown as Parameters<typeof isProbablyReaderable>[0]);
  if (readable && readable.words > 0 && readerable) return readable;

  removePageChrome(original);
  const pageBody = original.body ? toBody(sanitiseHtml(window, original.body.innerHTML, linkBase)) : null;
  if (pageBody && pageBody.words >= MIN_ARTICLE_WORDS) return pageBody;
  // On a page with nothing but a menu and a footer, Readability returns the footer.
  if (readable && readable.words > 0 && pageBody && isMostlyWithin(readable.text, pageBody.text)) return readable;

  return articleBody && articleBody.words > 0 ? articleBody : null;
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

function toBody(clean: DomElement): Body {
  const text = htmlToText(clean);
  return { html: clean.innerHTML, text, words: countWords(text) };
}

/** JSON-LD articleBody is plain text whose lines are paragraphs. */
function paragraphsToBody(window: DomWindow, text: string, linkBase: string | null): Body {
  const paragraphs = text.split(/\n+/).map((line) => `<p>${escapeHtml(line)}</p>`);
  return toBody(sanitiseHtml(window, paragraphs.join('\n'), linkBase));
}

function cleanLine(text: string | null | undefined): string | null {
  const clean = text?.replace(/\s+/g, ' ').trim();
  return clean ? clean : null;
}

/**
 * Readability's byline is whatever text the page marked as one; a date or a counter in it
 * ("Lucas Nolan22 Dec 2016651", "Last Updated: January 7, 2025") means it is not a name.
 */
function plausibleByline(byline: string | null | undefined): string | null {
  const clean = cleanLine(byline)?.replace(/^by:?\s+/i, '');
  if (!clean || clean.length > 80 || /\d/.test(clean)) return null;
  return nonUrl(clean);
}

function firstParagraph(text: string): string {
  return text.split('\n\n', 1)[0] ?? '';
}
