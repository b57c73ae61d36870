/**
 * Plain text from (sanitised) article HTML: the text Cuttings indexes, exports and hashes.
 */
import { ELEMENT_NODE, TEXT_NODE } from './dom';
import type { DomElement, DomNode } from './dom';

/** Elements that start and end a paragraph of their own. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'section',
  'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

/** Elements whose content is never reader text. */
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'svg', 'math']);

/** Soft hyphen, zero-width space, byte-order mark. */
const INVISIBLE = /[\u00ad\u200b\ufeff]/g;

interface Step {
  node: DomNode;
  leaving: boolean;
}

/**
 * Turns an element's content into plain text: block elements become paragraphs separated by
 * one blank line (so headings stand on lines of their own), white space is collapsed within a
 * paragraph, `<br>` keeps its line break, `<pre>` keeps its layout and table cells are joined
 * with " | ". Walks with an explicit stack, so deeply nested pages cannot overflow the call stack.
 */
export function htmlToText(root: DomElement): string {
  const paragraphs: string[] = [];
  let pieces: string[] = [];

  const endParagraph = (): void => {
    if (pieces.length === 0) return;
    const paragraph = pieces
      .join('')
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter((line) => line !== '')
      .join('\n');
    if (paragraph !== '') paragraphs.push(paragraph);
    pieces = [];
  };

  const stack: Step[] = [];
  const pushChildren = (node: DomNode): void => {
    for (let child = node.lastChild; child; child = child.previousSibling) {
      stack.push({ node: child, leaving: false });
    }
  };
  pushChildren(root);

  while (stack.length > 0) {
    const { node, leaving } = stack.pop() as Step;
    if (node.nodeType === TEXT_NODE) {
      // Source line breaks are only white space; `<br>` is what makes a line break.
      // Soft hyphens and zero-width spaces are invisible break hints ("Mit\u00adtel\u00adal\u00adter"):
      // left in, they split the words for search.
      pieces.push((node.nodeValue ?? '').replace(INVISIBLE, '').replace(/\s+/g, ' '));
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as DomElement;
    const tag = element.localName;
    if (leaving) {
      endParagraph();
      continue;
    }
    if (SKIPPED_TAGS.has(tag)) continue;
    if (tag === 'br') {
      pieces.push('\n');
      continue;
    }
    if (tag === 'pre') {
      endParagraph();
      const pre = preformattedText(element.textContent ?? '');
      if (pre !== '') paragraphs.push(pre);
      continue;
    }
    if ((tag === 'td' || tag === 'th') && element.previousElementSibling) pieces.push(' | ');
    if (BLOCK_TAGS.has(tag)) {
      endParagraph();
      stack.push({ node, leaving: true });
    }
    pushChildren(node);
  }
  endParagraph();
  return paragraphs.join('\n\n');
}

/** Code keeps its lines and indentation; only trailing space and runs of blank lines go. */
function preformattedText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}
