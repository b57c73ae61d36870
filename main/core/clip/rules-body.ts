/**
 * The article body as Cuttings chooses it by rules (issue #5), which it does unless a block
 * model is given (extract.ts): boilerplate the page marks as such (share bars, newsletter
 * boxes, related links) is removed, Mozilla Readability picks the article, the page's own
 * article container wins when it holds much more, and when all of that finds too little the
 * other sources get a say (fallback-body.ts).
 */
import { countWords } from '../../../common/text';
import { toBody } from './article-body';
import type { Body } from './article-body';
import { removeBoilerplate, trimArticle } from './boilerplate';
import { selectAll } from './dom';
import type { DomDocument, DomElement, DomWindow } from './dom';
import { bodyOfReadable, fallbackBody, NOT_TEXT_SELECTOR } from './fallback-body';
import { runReadability } from './run-readability';
import type { ReadabilityResult } from './run-readability';
import { sanitiseHtml } from './sanitise';

/** When the page's own article container has this many times Readability's words, it wins. */
const CONTAINER_PREFERRED_RATIO = 2;

/**
 * The body of the page `document` (parsed from `html`, scripts and styles removed), and
 * Readability's answer, whose title, byline and date the metadata falls back on. Edits
 * `document`: call it after everything else that reads the page.
 */
export function rulesBody(
  window: DomWindow,
  html: string,
  document: DomDocument,
  articleText: string | null,
  linkBase: string | null,
): { body: Body | null; readable: ReadabilityResult } {
  removeBoilerplate(document.body);
  // Readability edits the document, so the page's own article container is copied first.
  const container = markedArticle(document)?.cloneNode(true) as DomElement | undefined;
  const readable = runReadability(document);
  let chosen = bodyOfReadable(window, readable, linkBase);
  if (container && chosen) {
    // Readability sometimes keeps one block of an article whose text the page splits in
    // several (a recipe's steps, a teaser and the body); the page's own container then
    // holds much more text, and is the better answer.
    // Its headline, kicker and dateline are metadata, as Readability also leaves them out.
    for (const element of selectAll(container, `${NOT_TEXT_SELECTOR}, h1, header`)) element.remove();
    removeBoilerplate(container);
    trimArticle(container);
    // Counted on the unsanitised copy first: sanitising is the costly step, and is rarely needed.
    if (countWords(container.textContent ?? '') >= chosen.words * CONTAINER_PREFERRED_RATIO) {
      const containerBody = toBody(sanitiseHtml(window, container.innerHTML, linkBase));
      if (containerBody.words >= chosen.words * CONTAINER_PREFERRED_RATIO) chosen = containerBody;
    }
  }
  return { body: fallbackBody(window, html, chosen, articleText, linkBase), readable };
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
