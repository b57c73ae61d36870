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
  /^(?:share|shares|sharing|sharebar|share-?buttons|social|socials|social-?media|newsletter|subscribe|subscription|signup|sign-up|related|related-?posts|related-?articles|read-?more|readmore|more-?articles|recommended|recommendations|outbrain|taboola|promo|advert|advertisement|ads?|sponsored|cookie|cookies|consent|breadcrumbs?|pagination|pager|post-?navigation|nav-?links|author-?box|author-?bio|about-?the-?author|comments?|comment-?respond|respond|print|tags|tag-?cloud|tag-?list|post-?tags|entry-?tags|categories|post-?categories|sidebar|widget|jp-relatedposts|sharedaddy|addtoany|shariff|donation|paywall|toc|table-?of-?contents|ez-toc(?:-container)?|inhaltsverzeichnis|credit|credits|image-credit|photo-credit|bildnachweis)$/i;

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
    if (!root.contains(element) || !isMarkedBoilerplate(element)) continue;
    const neverText = hasMarkWord(element, NEVER_TEXT_WORD);
    if (neverText ? selectAll(element, ARTICLE_SELECTOR).length > 0 : isLargeShareOf(element, element.parentElement)) continue;
    element.remove();
  }
  for (const element of selectAll(root, ROLE_SELECTOR)) {
    if (root.contains(element) && !isLargeShareOf(element, element.parentElement)) element.remove();
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

/**
 * Leaf blocks of an article: where its text is. A `<div>` counts when it holds no other
 * block (some CMSs write paragraphs as `<div>`s).
 */
const LEAF_BLOCK_SELECTOR = 'p, li, h2, h3, h4, h5, h6, dt, dd, div, section, figcaption, blockquote';
const BLOCK_CHILD_SELECTOR = 'p, li, div, section, article, ul, ol, dl, table, blockquote, figure, h2, h3, h4, h5, h6';

/**
 * The openings of "read this too" teasers, in the languages of the pages Cuttings meets most:
 * "Read more:", "Lesen Sie auch", "Lea también:", "À lire aussi", "Mehr zum Thema". A block
 * that opens so and is mostly a link is a teaser for another story.
 */
const TEASER_OPENING =
  /^(?:read (?:more|also|next)|see also|more on this|related(?: coverage| stories| articles)?|recommended|lesen sie (?:auch|hier|mehr)|auch (?:lesen|interessant)|mehr (?:zum thema|dazu|themen)|weitere (?:artikel|beiträge|themen|informationen)|das könnte dich|das thema könnte|empfohlene|zum thema|lea (?:también|más|además)|lea:|vea (?:también|además)|lee también|te puede interesar|à lire (?:aussi|également)|lire aussi|voir aussi|leggi anche|ähnliche beiträge|verwandte artikel|artikel und videos zum thema|about the author|über den autor|über die autorin|zur person|à propos de l'auteur)\b/i;

/**
 * Calls to act that are not the story: subscribe, sign up, follow, download the app, log in
 * to read on. Only short blocks are judged by these words; an article about newsletters keeps
 * its paragraphs.
 */
const CALL_TO_ACTION =
  /\b(?:subscribe|subscriber|subscription|newsletter|sign(?:ing)? up|follow (?:us|the)|download the|log ?in|abonnieren|abonnement|abonnent|abo\b|jetzt anmelden|registrieren|folgen sie|abonnez|abonnés?|inscrivez|suscr[ií]b|suscripci[oó]n|pour lire la suite|to view the full story|for the full story|teilen sie|share (?:this|on|to)|jetzt teilen|artikel teilen|war der artikel|all rights reserved|alle rechte vorbehalten|teilen sie dies|teilen mit|gefällt mir|wird geladen|bloggern gefällt|kommentare sind geschlossen|comments are closed|like this:|loading\.\.\.|einloggen|kommentieren|spende|donate|unterstütze)/i;

/** Blocks shorter than this are judged by their words (calls to act). */
const SHORT_BLOCK_CHARS = 220;

/**
 * Removes what Readability leaves in an article: teasers for other stories, calls to
 * subscribe or share, and the trail of short or link-heavy blocks after the last paragraph
 * (tags, "Von: …", "Mehr Themen:", link lists).
 */
export function trimArticle(article: DomElement): void {
  const total = blockText(article).length;
  for (const heading of selectAll(article, 'h2, h3, h4, h5, h6')) {
    if (!article.contains(heading) || !TEASER_OPENING.test(blockText(heading))) continue;
    // A heading that opens a teaser or author box: it and what follows it in its section go,
    // unless that is a large part of the article.
    const following: DomElement[] = [];
    for (let next = heading.nextElementSibling; next; next = next.nextElementSibling) following.push(next);
    const length = following.reduce((sum, element) => sum + blockText(element).length, 0);
    if (length > total * 0.3) continue;
    for (const element of following) element.remove();
    heading.remove();
  }
  for (const block of leafBlocks(article)) {
    if (!article.contains(block)) continue;
    const text = blockText(block);
    if (text === '') continue;
    const links = linkedLength(block);
    if (TEASER_OPENING.test(text) && (links > 0 || text.length < 80)) block.remove();
    else if (text.length < SHORT_BLOCK_CHARS && CALL_TO_ACTION.test(text)) block.remove();
  }
  // The tail: walk back from the end while the blocks are link lists (an item of a list of
  // links, or a block of three links or more) or short lines that end no sentence and link
  // nowhere ("Von:", "Mehr Themen:"). The first block with text always stays.
  const blocks = leafBlocks(article).filter((block) => blockText(block) !== '');
  for (let i = blocks.length - 1; i > 0; i--) {
    const block = blocks[i] as DomElement;
    // A picture's caption is kept (and judged neither way) wherever it stands.
    if (block.localName === 'figcaption' || block.closest('figure')) continue;
    const text = blockText(block);
    const links = selectAll(block, 'a');
    const endsSentence = /[.!?…"“”»«]$/.test(text);
    const linkList = linkedLength(block) / text.length >= 0.5 && (block.localName === 'li' || (links.length >= 3 && !endsSentence));
    const stub = text.length < 40 && links.length === 0 && !endsSentence;
    if (!linkList && !stub) break;
    block.remove();
  }
}

function leafBlocks(root: DomElement): DomElement[] {
  // Every ancestor of a block holds a block. Marked in one pass from the inner blocks up,
  // rather than by a selector query per candidate, which made this quadratic on long pages.
  const holdsBlock = new Set<DomElement>();
  for (const inner of selectAll(root, BLOCK_CHILD_SELECTOR)) {
    for (let parent = inner.parentElement; parent && parent !== root && !holdsBlock.has(parent); parent = parent.parentElement) {
      holdsBlock.add(parent);
    }
  }
  return selectAll(root, LEAF_BLOCK_SELECTOR).filter((element) => !holdsBlock.has(element));
}

function blockText(element: DomElement): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function linkedLength(element: DomElement): number {
  let length = 0;
  for (const link of selectAll(element, 'a')) length += blockText(link).length;
  return length;
}
