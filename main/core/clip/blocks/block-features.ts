/**
 * The features of each text block that the block classifier decides on: numbers only, the
 * same for every page, so that a model trained on some sites judges others.
 *
 * Four kinds, as the literature on boilerplate removal found them useful (boilerpipe's text
 * and link density, Dragnet's class and id words, trafilatura's tag paths and neighbours):
 *   - the block's own text: length, links, punctuation, capitals, digits;
 *   - its markup: its element and the elements around it, and what their class and id names
 *     say (class-words.ts), up to the page's `<body>`;
 *   - its place: where in the page it stands, and how much of the page's text, and of its
 *     links, the containers around it hold (an article's container holds most of the page's
 *     prose and few of its links);
 *   - what the page itself says its article is: Readability's choice, the JSON-LD
 *     `articleBody`, `<article>` and `itemprop=articleBody` — and the blocks before and after.
 *
 * {@link FEATURE_NAMES} names the columns; a model file records the names it was trained on
 * and is refused if they differ (boosted-trees.ts).
 */
import type { DomElement } from '../dom';
import { CLASS_FAMILIES, elementFamilies } from './class-words';
import { WORD } from './text-blocks';
import type { PageBlocks, TextBlock } from './text-blocks';

/** What the page says about its article, besides its blocks. */
export interface PageSignals {
  /** The text of the article Readability picked, if it picked one. */
  readabilityText: string | null;
  /** The JSON-LD `articleBody`, if the page has one. */
  articleBody: string | null;
  /** The headline and the metadata's titles (the headline is metadata, not body text). */
  titles: string[];
  /** The page's description, often its standfirst. */
  description: string | null;
}

/** Tags a block's own element may be, each a feature (1 when it is). */
const OWNER_TAGS = ['p', 'div', 'td', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'dd', 'dt', 'figcaption', 'th', 'center', 'span', 'section', 'article', 'font', 'form', 'caption', 'address', 'body', 'table'] as const;

/** Elements around a block, each a feature: how many of them (up to the body) enclose it. */
const ANCESTOR_TAGS = ['a', 'li', 'ul', 'ol', 'table', 'td', 'form', 'nav', 'header', 'footer', 'aside', 'article', 'main', 'section', 'figure', 'blockquote', 'p', 'center', 'dl', 'font', 'span', 'div', 'select', 'label', 'h1', 'h2', 'h3'] as const;

/** Inline elements covering most of a block's text, each a feature. */
const INLINE_TAGS = ['b', 'strong', 'em', 'i', 'font', 'small', 'span', 'a', 'time', 'cite', 'label', 'big', 'u'] as const;

/** How many levels of containers around a block are described (its own element is level 0). */
const CONTAINER_LEVELS = 4;

/** The blocks before and after a block that are described beside it. */
const NEIGHBOUR_OFFSETS = [-3, -2, -1, 1, 2, 3] as const;

/** A block is prose when it has this many words and few links: what articles are made of. */
const PROSE_WORDS = 10;
const PROSE_LINK_DENSITY = 0.25;

const FAMILY_BITS = CLASS_FAMILIES.map((_, bit) => 1 << bit);

/** The features of one block, before its neighbours' are added. */
const OWN_FEATURES = [
  'words_log', 'chars_log', 'link_density', 'all_linked', 'links_log', 'sentence_marks', 'commas', 'ends_sentence',
  'starts_capital', 'capitalised_words', 'digit_share', 'mean_word_length', 'upper_share', 'short_words',
  'separators', 'quote_marks', 'copyright', 'date_like', 'words_1', 'words_2to4', 'prose',
  ...OWNER_TAGS.map((tag) => `owner_${tag}`),
  ...ANCESTOR_TAGS.map((tag) => `in_${tag}`),
  ...INLINE_TAGS.map((tag) => `inline_${tag}`),
  ...CLASS_FAMILIES.map((family) => `class_${family}`),
  ...CLASS_FAMILIES.map((family) => `own_class_${family}`),
  'depth', 'depth_vs_prose', 'hidden', 'itemprop_body', 'in_marked_article',
  ...Array.from({ length: CONTAINER_LEVELS }, (_, level) => [`c${level}_word_share`, `c${level}_link_density`, `c${level}_blocks_log`, `c${level}_prose_share`]).flat(),
  'in_core', 'in_core_strict', 'before_core', 'after_core',
  'position', 'text_position', 'word_share', 'prose_before_share', 'prose_after_share',
  'readability', 'readability_found', 'readability_share', 'article_body', 'article_body_found', 'title_overlap', 'is_title',
  'description', 'repeated', 'after_title', 'blocks_after_title', 'after_comments_heading', 'prose_nearby',
  'page_words_log', 'page_blocks_log', 'page_link_density', 'page_prose_share',
] as const;

/** What is copied from each neighbour. */
const NEIGHBOUR_FEATURES = ['words_log', 'link_density', 'sentence_marks', 'prose', 'readability', 'in_core', 'owner_p', 'is_title'] as const;

/** Every feature's name, in column order. */
export const FEATURE_NAMES: readonly string[] = [
  ...OWN_FEATURES,
  ...NEIGHBOUR_OFFSETS.flatMap((offset) => NEIGHBOUR_FEATURES.map((name) => `${offset > 0 ? 'next' : 'prev'}${Math.abs(offset)}_${name}`)),
  'same_owner_prev', 'same_owner_next', 'same_parent_prev', 'same_parent_next',
];

const OWN_INDEX = new Map<string, number>(OWN_FEATURES.map((name, i) => [name, i]));
const NEIGHBOUR_SOURCE = NEIGHBOUR_FEATURES.map((name) => OWN_INDEX.get(name) as number);

/** The features of every block of a page: `FEATURE_NAMES.length` numbers per block, row by row. */
export function blockFeatures(page: PageBlocks, signals: PageSignals): Float32Array {
  const { blocks } = page;
  const own = OWN_FEATURES.length;
  const width = FEATURE_NAMES.length;
  const out = new Float32Array(blocks.length * width);
  if (blocks.length === 0) return out;
  const families = new Map<DomElement, number>();
  const stats = containerStats(page);
  const core = findCore(page, stats);
  const readability = signals.readabilityText ? wordTrigrams(signals.readabilityText) : null;
  const articleBody = signals.articleBody ? wordTrigrams(signals.articleBody) : null;
  const titleWords = signals.titles.map((title) => new Set(lowerWords(title))).filter((words) => words.size > 0);
  const description = signals.description ? wordTrigrams(signals.description) : null;
  const textCounts = new Map<string, number>();
  for (const block of blocks) textCounts.set(block.text.toLowerCase(), (textCounts.get(block.text.toLowerCase()) ?? 0) + 1);
  const commentsHeading = blocks.find((block) => block.words <= 6 && COMMENTS_HEADING.test(block.text))?.index ?? -1;
  const proseAt = blocks.map((block) => (isProse(block) ? 1 : 0));
  let titleAt = -1;
  const pageWords = Math.max(1, page.words);
  const totalChars = blocks.reduce((sum, block) => sum + block.text.length, 0) || 1;
  const linked = blocks.reduce((sum, block) => sum + block.linkedWords, 0);
  const proseWords = blocks.reduce((sum, block) => sum + (isProse(block) ? block.words : 0), 0);
  const proseDepths = blocks.filter(isProse).map((block) => depthOf(block.owner));
  const typicalDepth = proseDepths.length > 0 ? median(proseDepths) : 0;
  const marked = markedArticles(page);
  const readabilityWords = signals.readabilityText ? (signals.readabilityText.match(WORD)?.length ?? 0) : 0;

  let charsBefore = 0;
  let proseBefore = 0;
  for (const block of blocks) {
    const row = new Float32Array(own);
    let column = 0;
    const set = (value: number): void => {
      row[column++] = value;
    };
    const text = block.text;
    const words = text.match(WORD) ?? [];
    const letters = text.replace(/[^\p{L}]/gu, '');
    set(Math.log1p(block.words));
    set(Math.log1p(text.length));
    set(block.linkedWords / block.words);
    set(block.allLinked ? 1 : 0);
    set(Math.log1p(block.links));
    set(count(text, /[.!?。！？]/g) / block.words);
    set(count(text, /[,;，、]/g) / block.words);
    set(/[.!?:"'”’»)。！？…]$/.test(text) ? 1 : 0);
    set(/^[\p{Lu}\p{N}"'“‘«(]/u.test(text) ? 1 : 0);
    set(words.filter((word) => /^\p{Lu}/u.test(word)).length / block.words);
    set(count(text, /\p{N}/gu) / text.length);
    set(letters.length / block.words);
    set(letters.length > 0 ? count(letters, /\p{Lu}/gu) / letters.length : 0);
    set(words.filter((word) => word.length <= 3).length / block.words);
    set(count(text, /[|•·»«›‹/]/g) / block.words);
    set(count(text, /["“”„«»]/g) / block.words);
    set(/©|\(c\)|copyright|all rights reserved|alle rechte/i.test(text) ? 1 : 0);
    set(DATE_LIKE.test(text) ? 1 : 0);
    set(block.words === 1 ? 1 : 0);
    set(block.words >= 2 && block.words <= 4 ? 1 : 0);
    set(isProse(block) ? 1 : 0);
    const ownerTag = block.owner.localName;
    for (const tag of OWNER_TAGS) set(ownerTag === tag ? 1 : 0);

    // The elements around the block, from its own element up to the body.
    const tagCounts = new Map<string, number>();
    const nearest = new Array<number>(CLASS_FAMILIES.length).fill(0);
    let hidden = 0;
    let itempropBody = 0;
    let depth = 0;
    const ownFamilies = elementFamilies(block.owner, families);
    for (let element: DomElement | null = block.owner; element && element.localName !== 'html'; element = element.parentElement) {
      const tag = element.localName;
      tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
      const bits = elementFamilies(element, families);
      FAMILY_BITS.forEach((bit, i) => {
        if (bits & bit && nearest[i] === 0) nearest[i] = 1 / (1 + depth);
      });
      if (isHidden(element)) hidden = 1;
      if (/\barticleBody\b/.test(element.getAttribute('itemprop') ?? '')) itempropBody = 1;
      depth++;
    }
    for (const tag of ANCESTOR_TAGS) set(Math.min(tagCounts.get(tag) ?? 0, 5));
    for (const tag of INLINE_TAGS) set(block.inline.has(tag) ? 1 : 0);
    for (const value of nearest) set(value);
    for (const bit of FAMILY_BITS) set(ownFamilies & bit ? 1 : 0);
    set(depth);
    set(depth - typicalDepth);
    set(hidden);
    set(itempropBody);
    set(marked.has(block.index) ? 1 : 0);

    // The containers: the block's element, its parent, grandparent…
    let container: DomElement | null = block.owner;
    for (let level = 0; level < CONTAINER_LEVELS; level++) {
      const stat = container ? stats.get(container) : undefined;
      set(stat ? stat.words / pageWords : 1);
      set(stat ? stat.linked / Math.max(1, stat.words) : linked / pageWords);
      set(Math.log1p(stat ? stat.blocks : blocks.length));
      set(stat ? stat.prose / Math.max(1, stat.words) : proseWords / pageWords);
      container = container?.parentElement && container.localName !== 'body' ? container.parentElement : null;
    }
    const inCore = core.loose !== null && core.loose.contains(block.owner);
    set(inCore ? 1 : 0);
    set(core.strict !== null && core.strict.contains(block.owner) ? 1 : 0);
    set(!inCore && core.first >= 0 && block.index < core.first ? 1 : 0);
    set(!inCore && core.last >= 0 && block.index > core.last ? 1 : 0);

    set(block.index / blocks.length);
    set(charsBefore / totalChars);
    set(block.words / pageWords);
    set(proseWords > 0 ? proseBefore / proseWords : 0);
    set(proseWords > 0 ? (proseWords - proseBefore - (isProse(block) ? block.words : 0)) / proseWords : 0);

    set(readability ? containment(words, readability) : 0);
    set(readability ? 1 : 0);
    set(readabilityWords / pageWords);
    set(articleBody ? containment(words, articleBody) : 0);
    set(articleBody ? 1 : 0);
    const lower = words.map((word) => word.toLowerCase());
    let overlap = 0;
    for (const title of titleWords) {
      overlap = Math.max(overlap, lower.filter((word) => title.has(word)).length / Math.max(lower.length, title.size));
    }
    const isTitle = overlap >= 0.8 && block.words <= 40;
    if (isTitle && titleAt < 0) titleAt = block.index;
    set(overlap);
    set(isTitle ? 1 : 0);
    set(description ? containment(words, description) : 0);
    set(Math.log1p((textCounts.get(text.toLowerCase()) ?? 1) - 1));
    set(titleAt >= 0 && titleAt < block.index ? 1 : 0);
    set(titleAt >= 0 ? Math.min(block.index - titleAt, 50) : -1);
    set(commentsHeading >= 0 && block.index > commentsHeading ? 1 : 0);
    let nearby = 0;
    for (let other = Math.max(0, block.index - 5); other <= Math.min(blocks.length - 1, block.index + 5); other++) nearby += proseAt[other] as number;
    set(nearby / 11);

    set(Math.log1p(page.words));
    set(Math.log1p(blocks.length));
    set(linked / pageWords);
    set(proseWords / pageWords);

    out.set(row, block.index * width);
    charsBefore += text.length;
    if (isProse(block)) proseBefore += block.words;
  }

  // The neighbours' features, copied beside each block's own; -1 where there is no neighbour.
  for (const block of blocks) {
    let column = block.index * width + own;
    for (const offset of NEIGHBOUR_OFFSETS) {
      const other = block.index + offset;
      for (const source of NEIGHBOUR_SOURCE) {
        out[column++] = other >= 0 && other < blocks.length ? (out[other * width + source] as number) : -1;
      }
    }
    const previous = blocks[block.index - 1];
    const next = blocks[block.index + 1];
    out[column++] = previous?.owner === block.owner ? 1 : 0;
    out[column++] = next?.owner === block.owner ? 1 : 0;
    out[column++] = previous && previous.owner.parentElement === block.owner.parentElement ? 1 : 0;
    out[column++] = next && next.owner.parentElement === block.owner.parentElement ? 1 : 0;
  }
  return out;
}

/**
 * A heading that opens the comments ("13 comments:", "Leave a reply", "Kommentare (4)",
 * "Réagissez"), in the languages of the pages Cuttings meets most: what follows is readers' text.
 */
const COMMENTS_HEADING =
  /^(?:\d+\s+)?(?:comments?|responses?|replies|reader comments|leave a (?:comment|reply)|post a comment|add (?:a |your )?comment|join the discussion|discussion|kommentare?|leserkommentare|diskussion|commentaires?|réagissez|comentarios?|commenti)\b(?:\s*\(?\d+\)?)?\s*:?$/i;

/** "July 24, 2012", "24.07.2012", "2012-07-24", "3 hours ago": a dateline or a timestamp. */
const DATE_LIKE =
  /\b(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2}\.? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mär|okt|dez)[a-zä]*\.? \d{4}|\d+ (?:minutes?|hours?|days?) ago)\b/i;

function isProse(block: TextBlock): boolean {
  return block.words >= PROSE_WORDS && block.linkedWords / block.words < PROSE_LINK_DENSITY;
}

function count(text: string, pattern: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) n++;
  return n;
}

/** How many elements from `element` up to the `<html>`, which is not counted. */
function depthOf(element: DomElement): number {
  let depth = 0;
  for (let node: DomElement | null = element; node && node.localName !== 'html'; node = node.parentElement) depth++;
  return depth;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Hidden by the page itself: `hidden`, `aria-hidden`, or an inline `display:none`. */
function isHidden(element: DomElement): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

interface ContainerStat {
  words: number;
  linked: number;
  blocks: number;
  prose: number;
}

/** For every element that holds a block: the words, linked words, blocks and prose words under it. */
function containerStats(page: PageBlocks): Map<DomElement, ContainerStat> {
  const stats = new Map<DomElement, ContainerStat>();
  for (const block of page.blocks) {
    const prose = isProse(block) ? block.words : 0;
    for (let element: DomElement | null = block.owner; element; element = element.parentElement) {
      let stat = stats.get(element);
      if (!stat) {
        stat = { words: 0, linked: 0, blocks: 0, prose: 0 };
        stats.set(element, stat);
      }
      stat.words += block.words;
      stat.linked += block.linkedWords;
      stat.blocks++;
      stat.prose += prose;
    }
  }
  return stats;
}

/**
 * The page's core: the innermost element that still holds most of the page's prose (at least
 * 50%, "loose", and 80%, "strict"), found by walking down from the body into the child that
 * holds most of it. On an article page it is the article's container.
 */
function findCore(page: PageBlocks, stats: Map<DomElement, ContainerStat>): { loose: DomElement | null; strict: DomElement | null; first: number; last: number } {
  const root = (page.blocks[0]?.owner.ownerDocument?.body ?? null) as DomElement | null;
  const total = root ? (stats.get(root)?.prose ?? 0) : 0;
  if (!root || total === 0) return { loose: null, strict: null, first: -1, last: -1 };
  const descend = (share: number): DomElement => {
    let element: DomElement = root;
    for (;;) {
      let best: DomElement | null = null;
      for (const child of Array.from(element.children)) {
        const prose = stats.get(child)?.prose ?? 0;
        if (prose >= total * share && (!best || prose > (stats.get(best)?.prose ?? 0))) best = child;
      }
      if (!best) return element;
      element = best;
    }
  };
  const loose = descend(0.5);
  const strict = descend(0.8);
  const inside = page.blocks.filter((block) => loose.contains(block.owner));
  return { loose, strict, first: inside[0]?.index ?? -1, last: inside[inside.length - 1]?.index ?? -1 };
}

/** The blocks inside the page's one `<article>` or `itemprop=articleBody` (none when it has several). */
function markedArticles(page: PageBlocks): Set<number> {
  const document = page.blocks[0]?.owner.ownerDocument;
  const inside = new Set<number>();
  if (!document) return inside;
  const marked = Array.from(document.querySelectorAll('[itemprop~="articleBody"]'));
  const articles = marked.length > 0 ? marked : Array.from(document.querySelectorAll('article'));
  if (articles.length !== 1) return inside;
  const article = articles[0] as DomElement;
  for (const block of page.blocks) if (article.contains(block.owner)) inside.add(block.index);
  return inside;
}

function lowerWords(text: string): string[] {
  return (text.match(WORD) ?? []).map((word) => word.toLowerCase());
}

/** A text's word trigrams, and its single words and pairs (for blocks shorter than three words), lower-cased. */
function wordTrigrams(text: string): Set<string> {
  const words = lowerWords(text);
  const set = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    set.add(`1 ${words[i]}`);
    if (i + 1 < words.length) set.add(`2 ${words[i]} ${words[i + 1]}`);
    if (i + 2 < words.length) set.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  }
  return set;
}

/** The share of a block's word trigrams found in another text's (for a block of 1–2 words, whether they are). */
function containment(words: string[], trigrams: Set<string>): number {
  const lower = words.map((word) => word.toLowerCase());
  if (lower.length < 3) return trigrams.has(`${lower.length} ${lower.join(' ')}`) ? 1 : 0;
  let found = 0;
  for (let i = 0; i + 2 < lower.length; i++) if (trigrams.has(`${lower[i]} ${lower[i + 1]} ${lower[i + 2]}`)) found++;
  return found / (lower.length - 2);
}
