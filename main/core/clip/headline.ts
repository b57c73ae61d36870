/**
 * The headline a page shows: its `<h1>` (without a kicker set inside it), or on a page
 * without one, the element whose class marks the headline; and whether an element stands in
 * the page's chrome (masthead, menu, sidebar, footer, a logo's link).
 */
import { ELEMENT_NODE, selectAll, selectFirst } from './dom';
import type { DomDocument, DomElement } from './dom';
import { cleanText } from './meta-text';

/**
 * The headline shown on the page: the one `<h1>` inside the page's `<article>` or `<main>`
 * (or a heading that sets its kicker apart, where that `<h1>` runs kicker and headline
 * together), else the page's only `<h1>`, else on a page with no `<h1>` an element whose
 * class marks the headline. Pages with several `<h1>`s and none marked out (a list of
 * stories) have no one headline.
 */
export function visibleHeadline(document: DomDocument): { text: string; inChrome: boolean } | null {
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
export function headlineByClass(document: DomDocument): { text: string; inChrome: boolean } | null {
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
export function headlineText(element: DomElement): string | null {
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
export function isInChrome(element: DomElement): boolean {
  // A <header> inside the article is the article's own (headline, kicker, byline).
  const chrome = element.closest('header, nav, aside, footer, [role="banner"], [role="navigation"]');
  if (chrome && !chrome.closest('article, main, [role="main"]')) return true;
  return (
    element.closest('a, [class*="logo" i], [id*="logo" i]') !== null ||
    selectFirst(element, 'a[href="/"], img, [class*="logo" i]') !== null
  );
}
