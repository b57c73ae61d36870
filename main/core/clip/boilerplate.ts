/**
 * Boilerplate that Readability keeps: share bars, newsletter sign-ups, "read more" and
 * related-article boxes, author boxes, tag clouds. Found by what the page calls them (class,
 * id, role), never by the words of one site, and removed only when small next to the text
 * around them, so that an article wrapper that happens to carry such a class survives.
 */
import { selectAll } from './dom';
import type { DomElement } from './dom';

/** Class or id words of boilerplate blocks (matched per word, `-`/`_` separated parts too). */
const BOILERPLATE_WORD =
  /^(?:share|shares|sharing|sharebar|share-?buttons|social|socials|social-?media|newsletter|subscribe|subscription|signup|sign-up|related|related-?posts|related-?articles|read-?more|readmore|more-?articles|recommended|recommendations|outbrain|taboola|promo|advert|advertisement|ads?|sponsored|cookie|cookies|consent|breadcrumbs?|pagination|pager|post-?navigation|nav-?links|author-?box|author-?bio|about-?the-?author|comments?|comment-?respond|respond|print|tags|tag-?cloud|tag-?list|post-?tags|entry-?tags|categories|post-?categories|sidebar|widget|jp-relatedposts|sharedaddy|addtoany|shariff|donation|paywall)$/i;

/**
 * Words that mark a block as never article text, however long it is (a comment thread can
 * be longer than the article): removed unless it holds the article's headline or body.
 */
const NEVER_TEXT_WORD =
  /^(?:comments?|comment-?list|commentlist|comment-?respond|respond|disqus_thread|related-?posts|related-?articles|jp-relatedposts|outbrain|taboola|sharedaddy|shariff|addtoany|newsletter|cookie-?banner|cookie-?notice|consent)$/i;

/** What an article is, which a block marked as boilerplate must not hold. */
const ARTICLE_SELECTOR = 'h1, article, [itemprop~="articleBody"], [itemprop~="headline"]';

/** Elements whose role says they are not the article. */
const ROLE_SELECTOR = '[role="navigation"], [role="complementary"], [role="contentinfo"], [role="search"], [role="banner"]';

/** A block more than this share of its parent's text is the content itself, not a box in it. */
const MAX_SHARE_OF_PARENT = 0.5;

/** Removes the boilerplate blocks under `root` (a page body or an extracted article). */
export function removeBoilerplate(root: DomElement | null | undefined): void {
  if (!root) return;
  for (const element of selectAll(root, '[class], [id]')) {
    if (!element.isConnected || !isMarkedBoilerplate(element)) continue;
    const neverText = hasMarkWord(element, NEVER_TEXT_WORD);
    if (neverText ? selectAll(element, ARTICLE_SELECTOR).length > 0 : isLargeShareOf(element, element.parentElement)) continue;
    element.remove();
  }
  for (const element of selectAll(root, ROLE_SELECTOR)) {
    if (element.isConnected && !isLargeShareOf(element, element.parentElement)) element.remove();
  }
}

function isMarkedBoilerplate(element: DomElement): boolean {
  // Headings and paragraphs are text whatever they are called.
  if (/^(?:p|h[1-6]|body|html|main|article)$/i.test(element.localName)) return false;
  return hasMarkWord(element, BOILERPLATE_WORD) || hasMarkWord(element, NEVER_TEXT_WORD);
}

/** True if a word of the element's class or id (or a BEM part of one) matches `pattern`. */
function hasMarkWord(element: DomElement, pattern: RegExp): boolean {
  const words = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.split(/\s+/);
  return words.some((word) => word !== '' && (pattern.test(word) || word.split(/__|--/).some((part) => pattern.test(part))));
}

function isLargeShareOf(element: DomElement, parent: DomElement | null): boolean {
  if (!parent) return true;
  const own = textLength(element);
  const around = textLength(parent);
  return around > 0 && own > around * MAX_SHARE_OF_PARENT && own > 200;
}

function textLength(element: DomElement): number {
  return (element.textContent ?? '').replace(/\s+/g, '').length;
}
