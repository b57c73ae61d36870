/**
 * A page cut into text blocks, the unit the block classifier judges (the idea of boilerpipe,
 * Dragnet and trafilatura): a block is a run of text between two block-level boundaries — a
 * paragraph, a list item, a table cell, a heading, a `<div>`'s own text — with what its
 * markup says about it. The article is then the blocks the model keeps.
 *
 * Why blocks of text rather than elements: the same element holds article and chrome on many
 * pages (a `<td>` with the story and its "Email this" links, a `<div>` whose paragraphs are
 * `<br><br>`-separated lines), and the text is what is scored and stored. The blocks keep
 * their text nodes, so that the article can be cut out of the page with its markup
 * (article-from-blocks.ts).
 *
 * Nothing here changes the document.
 */
import { ELEMENT_NODE, TEXT_NODE } from '../dom';
import type { DomDocument, DomElement, DomNode } from '../dom';

/** One text block of a page. */
export interface TextBlock {
  /** Its place among the page's blocks, from 0. */
  index: number;
  /** Its text, white space collapsed. */
  text: string;
  /** How many words (see {@link WORD}), and how many of them are in links. */
  words: number;
  linkedWords: number;
  /** How many links (`<a>` elements) it holds. */
  links: number;
  /** Its text nodes, in page order. */
  nodes: DomNode[];
  /** The nearest block-level element around it: the `<p>`, `<li>`, `<td>` or `<div>`. */
  owner: DomElement;
  /** True when the whole text is inside one `<a>` … inside the owner (a menu item, a teaser). */
  allLinked: boolean;
  /** The inline elements around most of its text, as tag names ("b", "strong", "font"…). */
  inline: Set<string>;
}

/** A picture of the page, and where it stands among the blocks. */
export interface PageImage {
  element: DomElement;
  /** How many blocks come before it: it stands between block `before - 1` and block `before`. */
  before: number;
}

/** A page's blocks, with the page's totals. */
export interface PageBlocks {
  blocks: TextBlock[];
  /** Words in all blocks. */
  words: number;
  /** Its `<img>`s, in page order. */
  images: PageImage[];
}

/**
 * A word, as the benchmarks split text (Python's Unicode `\w+`): letters, marks, digits, `_`.
 * Counting words this way keeps the model's sense of length the same as the score's.
 */
export const WORD = /[\p{L}\p{M}\p{N}_]+/gu;

/** Counts the words of a text as {@link WORD} reads them. */
export function countBlockWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORD)) count++;
  return count;
}

/** Elements whose content is never text a reader sees. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'button', 'select', 'option',
  'textarea', 'input', 'head', 'title', 'canvas', 'map', 'audio', 'video', 'link', 'meta', 'datalist', 'applet', 'frameset',
]);

/** Elements that end one block and start another (HTML's block-level elements, table cells). */
export const BLOCK_BOUNDARY = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul', 'img', 'frame', 'noframes',
]);

/** Inline elements remembered on a block (whether its text is bold, small, a font change…). */
const NOTED_INLINE = new Set(['a', 'b', 'strong', 'em', 'i', 'font', 'span', 'small', 'big', 'u', 'label', 'cite', 'time', 'abbr', 'sup', 'sub', 'q', 'code']);

interface Walk {
  node: DomNode;
  leaving: boolean;
}

/**
 * Cuts a document's `<body>` into text blocks, in page order. Blocks without a word are
 * dropped. Two `<br>`s in a row end a block too: older pages write their paragraphs so.
 */
export function textBlocks(document: DomDocument): PageBlocks {
  const root = (document.body ?? document.documentElement) as DomElement | null;
  const blocks: TextBlock[] = [];
  const images: PageImage[] = [];
  if (!root) return { blocks, words: 0, images };

  let nodes: DomNode[] = [];
  let pieces: string[] = [];
  let linked: string[] = [];
  let owner: DomElement = root;
  let lastBreak = false;
  // Inline elements open around the text being read, and the text each holds.
  const inlineStack: string[] = [];
  const inlineChars = new Map<string, number>();
  let chars = 0;
  let linkDepth = 0;
  let links = 0;
  let outsideLink = false;

  const flush = (): void => {
    if (nodes.length > 0) {
      const text = pieces.join('').replace(/\s+/g, ' ').trim();
      const words = countBlockWords(text);
      if (words > 0) {
        const inline = new Set<string>();
        for (const [tag, count] of inlineChars) if (count * 2 > chars) inline.add(tag);
        blocks.push({
          index: blocks.length,
          text,
          words,
          linkedWords: Math.min(words, countBlockWords(linked.join(' '))),
          links,
          nodes,
          owner,
          allLinked: !outsideLink && linked.length > 0,
          inline,
        });
      }
    }
    nodes = [];
    pieces = [];
    linked = [];
    inlineChars.clear();
    chars = 0;
    links = 0;
    outsideLink = false;
  };

  const stack: Walk[] = [];
  const owners: DomElement[] = [root];
  const pushChildren = (node: DomNode): void => {
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push({ node: child, leaving: false });
  };
  pushChildren(root);
  while (stack.length > 0) {
    const { node, leaving } = stack.pop() as Walk;
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      if (value.trim() === '') {
        if (nodes.length > 0) pieces.push(' ');
        continue;
      }
      lastBreak = false;
      nodes.push(node);
      pieces.push(value);
      chars += value.length;
      for (const tag of new Set(inlineStack)) inlineChars.set(tag, (inlineChars.get(tag) ?? 0) + value.length);
      if (linkDepth > 0) linked.push(value);
      else if (/[\p{L}\p{N}]/u.test(value)) outsideLink = true;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as DomElement;
    const tag = element.localName;
    if (leaving) {
      if (BLOCK_BOUNDARY.has(tag)) {
        flush();
        owners.pop();
        owner = owners[owners.length - 1] ?? root;
      } else {
        if (tag === 'a') linkDepth--;
        if (NOTED_INLINE.has(tag)) inlineStack.pop();
      }
      continue;
    }
    if (SKIPPED.has(tag)) continue;
    if (tag === 'br') {
      if (lastBreak) flush();
      else if (nodes.length > 0) pieces.push(' ');
      lastBreak = true;
      continue;
    }
    if (BLOCK_BOUNDARY.has(tag)) {
      flush();
      lastBreak = false;
      if (tag === 'img') images.push({ element, before: blocks.length });
      owners.push(element);
      owner = element;
    } else {
      if (tag === 'a') {
        linkDepth++;
        links++;
      }
      if (NOTED_INLINE.has(tag)) inlineStack.push(tag);
    }
    stack.push({ node, leaving: true });
    pushChildren(node);
  }
  flush();
  return { blocks, words: blocks.reduce((sum, block) => sum + block.words, 0), images };
}
