/**
 * Extracts an article from an HTML page: its metadata and its sanitised text, everything
 * Cuttings would store, without storing anything. `clipHtml` (html.ts) and `cuttings extract`
 * are built on it.
 *
 * The steps, and why they are in this order:
 *   1. The page is parsed once, with linkedom (dom.ts: `parsePage`), which is fast.
 *   2. The metadata is read from the untouched document (metadata.ts).
 *   3. Boilerplate the page marks as such (share bars, newsletter boxes, related links) is
 *      removed (boilerplate.ts), then Mozilla Readability picks the article. Readability
 *      edits the document it reads, so it comes after everything else that reads it.
 *   4. The article is serialised and sanitised with DOMPurify in a jsdom window
 *      (sanitise.ts), then turned into plain text (html-to-text.ts).
 *   5. If Readability found too little, other sources get a say (see `chooseBody`): the
 *      JSON-LD `articleBody`, or the page's body without its chrome.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { countWords, findWords, foldTerm } from '../../../common/text';
import { removeBoilerplate, trimArticle } from './boilerplate';
import { ClipError } from './clipped-article';
import { parsePage, selectAll, selectFirst, withDomWindow } from './dom';
import type { DomDocument, DomElement, DomWindow } from './dom';
import { dateInText } from './date-in-text';
import { escapeHtml } from './escape-html';
import { makeExcerpt } from './excerpt';
import { htmlToText } from './html-to-text';
import { binaryReason, isBlank, MAX_CLIP_BYTES, withoutStrayBytes } from './input-checks';
import { cleanByline, extractMetadata, nonUrl, normaliseDate, normaliseLang } from './metadata';
import type { PageMetadata } from './metadata';
import { sanitiseHtml } from './sanitise';
import { chooseTitle } from './title';
import { resolveHttpUrl } from './urls';

/**
 * Fewer words than this and an extraction is suspect: Readability returns *something* for
 * every page, the footer on a page with no article. Below it, the other sources get a say
 * (see chooseBody), and the page's whole text counts only if it has at least this many.
 */
const MIN_ARTICLE_WORDS = 50;

/**
 * A JSON-LD `articleBody` this many times longer than Readability's text means Readability
 * took a fragment (one of several text blocks, or a teaser) and the publisher's own copy of
 * the text is the better one.
 */
const ARTICLE_BODY_PREFERRED_RATIO = 2;

/**
 * When nothing else dates the page, a date written at the start of its text ("01.02.2022
 * Der Arbeitsmarkt …") is taken; further in, a date is more likely one the story mentions.
 */
const DATE_IN_TEXT_CHARS = 200;

/** When the page's own article container has this many times Readability's words, it wins. */
const CONTAINER_PREFERRED_RATIO = 2;

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

/** Options for {@link extractPage}. */
export interface ExtractPageOptions {
  /** Where the page came from, to resolve its relative links: `{ url: 'https://x.org/a' }`. */
  url?: string;
  /** The file it was read from, named in error messages: `{ fileName: 'story.html' }`. */
  fileName?: string;
}

/** Everything Cuttings extracts from a page; null where the page does not say. */
export interface ExtractedPage {
  /** Never empty. */
  title: string;
  /** Authors as one line: "Jane Doe, John Roe". */
  author: string | null;
  /** ISO 8601 date or date-time, as precise as the page gives it. */
  published: string | null;
  modified: string | null;
  /** The publication or site name. */
  site: string | null;
  /** BCP 47 language tag. */
  lang: string | null;
  /** The article's own URL as the page names it, absolute http(s). */
  canonical: string | null;
  description: string | null;
  /** The lead image's absolute URL. */
  image: string | null;
  section: string | null;
  keywords: string[];
  /** Plain text, paragraphs separated by one blank line. */
  text: string;
  /** Sanitised reader HTML. */
  html: string;
  excerpt: string;
}

/** An article body, sanitised, with its plain text. */
interface Body {
  html: string;
  text: string;
  words: number;
}

/**
 * Extracts the article from an HTML page. Throws ClipError for input that is empty, binary,
 * over {@link MAX_CLIP_BYTES} or has no article in it. Never runs the page's scripts and
 * never loads anything: remote images are kept only as `data-src` URLs.
 */
export function extractPage(received: string, options: ExtractPageOptions = {}): ExtractedPage {
  const name = options.fileName ?? 'pasted HTML';
  checkInput(received, name);
  // Stray control bytes (a run of NULs in a crawled page) are dropped, as browsers drop them.
  const html = withoutStrayBytes(received);

  const pageUrl = resolveHttpUrl(options.url);
  return withDomWindow((window) => {
    const document = parsePage(window, html);
    const pageBase = resolveHttpUrl(selectFirst(document, 'base[href]')?.getAttribute('href'), pageUrl);
    const metadata = extractMetadata(document, { baseUrl: pageBase ?? pageUrl, pageUrl });
    // A saved page without its address still names where it was published (canonical URL):
    // its relative links and images are relative to that.
    const linkBase = pageBase ?? pageUrl ?? metadata.url;

    // Scripts and styles are never text (Readability drops them too); without them the
    // page's text says what a reader sees, which tells a visible standfirst from an SEO one.
    for (const element of selectAll(document, 'body script, body style, body template')) element.remove();
    const visibleText = collapseSpace(document.body?.textContent ?? '');
    removeBoilerplate(document.body);
    // Readability edits the document, so the page's own article container is copied first.
    const container = markedArticle(document)?.cloneNode(true) as DomElement | undefined;
    const readable = runReadability(document);
    let readableBody: Body | null = null;
    if (readable?.content) {
      removeBoilerplate(readable.content);
      trimArticle(readable.content);
      readableBody = toBody(sanitiseHtml(window, readable.content.innerHTML, linkBase));
    }
    if (container && readableBody) {
      // Readability sometimes keeps one block of an article whose text the page splits in
      // several (a recipe's steps, a teaser and the body); the page's own container then
      // holds much more text, and is the better answer.
      // Its headline, kicker and dateline are metadata, as Readability also leaves them out.
      for (const element of selectAll(container, `${NOT_TEXT_SELECTOR}, h1, header`)) element.remove();
      removeBoilerplate(container);
      trimArticle(container);
      // Counted on the unsanitised copy first: sanitising is the costly step, and is rarely needed.
      if (countWords(container.textContent ?? '') >= readableBody.words * CONTAINER_PREFERRED_RATIO) {
        const containerBody = toBody(sanitiseHtml(window, container.innerHTML, linkBase));
        if (containerBody.words >= readableBody.words * CONTAINER_PREFERRED_RATIO) readableBody = containerBody;
      }
    }
    const chosen = chooseBody(window, html, readableBody, metadata, linkBase);
    const body = chosen && withStandfirst(window, chosen, metadata.description, visibleText, linkBase);
    if (!chosen || !body) throw new ClipError(`clip: ${name} has no article in it (no readable text found)`);
    const title =
      chooseTitle({ ...metadata, url: metadata.url ?? pageUrl }, cleanLine(readable?.title)) ?? makeExcerpt(body.text.split('\n')[0] ?? '', 80);
    return {
      title,
      author: metadata.author ?? cleanByline(readable?.byline),
      published:
        metadata.published ??
        normaliseDate(readable?.publishedTime) ??
        // The body as the page has it, without a standfirst put in front.
        dateInText(chosen.text.slice(0, DATE_IN_TEXT_CHARS)),
      modified: metadata.modified,
      site: metadata.source ?? nonUrl(cleanLine(readable?.siteName)),
      lang: metadata.lang ?? normaliseLang(readable?.lang),
      canonical: metadata.url,
      description: metadata.description,
      image: metadata.image,
      section: metadata.section,
      keywords: metadata.keywords,
      text: body.text,
      html: body.html,
      excerpt: makeExcerpt(metadata.description ?? cleanLine(readable?.excerpt) ?? firstParagraph(body.text)),
    };
  });
}

function checkInput(html: string, name: string): void {
  if (isBlank(html)) throw new ClipError(`clip: ${name} is empty`);
  if (html.length > MAX_CLIP_BYTES) {
    const megabytes = (html.length / (1024 * 1024)).toFixed(1);
    throw new ClipError(
      `clip: ${name} is ${megabytes} MB; the largest page Cuttings clips is ${MAX_CLIP_BYTES / (1024 * 1024)} MB`,
    );
  }
  const binary = binaryReason(html);
  if (binary) throw new ClipError(`clip: ${name} is not an HTML document (${binary})`);
}

type ReadabilityResult = ReturnType<Readability<DomElement>['parse']>;

function runReadability(document: DomDocument): ReadabilityResult {
  try {
    // The parameter is typed with the DOM lib's Document; the parsed page is one at run time.
    // The article comes back as an element, so that boilerplate can be removed from it.
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
 * Picks the article body, most trusted first: Readability's if it has enough words, unless
 * the JSON-LD `articleBody` is much longer; the `articleBody` if it has enough words;
 * Readability's short answer if the original page looks like an article; the page's `<body>`
 * without its chrome if that has enough words; Readability's short answer if its words are
 * not page chrome (a short page is still a page); a short `articleBody`. Null means the page
 * has no article.
 */
function chooseBody(
  window: DomWindow,
  html: string,
  readable: Body | null,
  metadata: PageMetadata,
  linkBase: string | null,
): Body | null {
  // The articleBody is sanitised only if it is chosen; its words are counted on the plain text.
  const articleText = metadata.articleBody;
  const articleWords = articleText ? countWords(articleText) : 0;
  const articleBody = (): Body | null => (articleText ? paragraphsToBody(window, articleText, linkBase) : null);
  if (readable && readable.words >= MIN_ARTICLE_WORDS) {
    const muchLonger = articleWords > 0 && articleWords >= readable.words * ARTICLE_BODY_PREFERRED_RATIO;
    return muchLonger ? articleBody() : readable;
  }
  if (articleWords >= MIN_ARTICLE_WORDS) return articleBody();

  // Readability changed the first parse; the page as it was is parsed again (it is cheap).
  const original = parsePage(window, html);
  const readerable = isProbablyReaderable(original as unknown as Parameters<typeof isProbablyReaderable>[0]);
  if (readable && readable.words > 0 && readerable) return readable;

  removePageChrome(original);
  // The page's body is held to the same standard as Readability's answer: no share bars,
  // "Related posts" or "Comments are closed" trailing the text.
  if (original.body) {
    removeBoilerplate(original.body);
    trimArticle(original.body);
  }
  const pageBody = original.body ? toBody(sanitiseHtml(window, original.body.innerHTML, linkBase)) : null;
  if (pageBody && pageBody.words >= MIN_ARTICLE_WORDS) return pageBody;
  // On a page with nothing but a menu and a footer, Readability returns the footer.
  if (readable && readable.words > 0 && pageBody && isMostlyWithin(readable.text, pageBody.text)) return readable;

  return articleWords > 0 ? articleBody() : null;
}

/**
 * The element the page marks as its one article: `itemprop=articleBody`, else its only
 * `<article>`, else its only `<main>`. Null when there is none or several (a list page).
 */
function markedArticle(document: DomDocument): DomElement | null {
  for (const selector of ['[itemprop~="articleBody"]', 'article', 'main, [role="main"]']) {
    const found = selectAll(document, selector);
    if (found.length === 1) return found[0] ?? null;
    if (found.length > 1) return null;
  }
  return null;
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

/** The share of a standfirst that must be seen on the page, and not in the body, to count. */
const STANDFIRST_PROBE_CHARS = 50;

/**
 * The body with the article's standfirst in front, when Readability left it out: news pages
 * set the lead paragraph apart from the body (beside the headline), and their meta
 * description is usually that paragraph. It is added only when the page shows it (an SEO
 * description nobody sees is not the article's text) and the body does not already hold it.
 */
function withStandfirst(window: DomWindow, body: Body, description: string | null, visibleText: string, linkBase: string | null): Body {
  const lead = collapseSpace(description ?? '').replace(/\s*(?:…|\.\.\.|\[…\])$/, '');
  if (lead.length < STANDFIRST_PROBE_CHARS) return body;
  const probe = lead.slice(0, STANDFIRST_PROBE_CHARS);
  if (!visibleText.includes(probe) || collapseSpace(body.text).includes(probe)) return body;
  const standfirst = paragraphsToBody(window, lead, linkBase);
  return { html: `${standfirst.html}\n${body.html}`, text: `${standfirst.text}\n\n${body.text}`, words: standfirst.words + body.words };
}

function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function cleanLine(text: string | null | undefined): string | null {
  const clean = text?.replace(/\s+/g, ' ').trim();
  return clean ? clean : null;
}

function firstParagraph(text: string): string {
  return text.split('\n\n', 1)[0] ?? '';
}
