/**
 * The article cut out of its page, with its markup: given the blocks kept, the page is pruned
 * to them. The smallest element holding every kept block is taken, and inside it every text
 * the classifier did not keep, and every element left holding nothing kept, is removed; what
 * remains keeps its paragraphs, headings, lists, quotes, tables and links, as the page had
 * them. Pictures stay where they stand inside the article: between two kept blocks, or in a
 * `<figure>` whose caption is kept.
 *
 * This edits the document: call it last.
 */
import { ELEMENT_NODE, TEXT_NODE } from '../dom';
import type { DomElement, DomNode } from '../dom';
import type { PageBlocks } from './text-blocks';

/** Elements kept inside the article though they hold no text: line breaks and rules. */
const EMPTY_KEPT = new Set(['br', 'hr', 'wbr']);

/**
 * The element that holds the kept blocks, pruned to them; null when no block is kept. Its
 * outer HTML is the article (its tag may be a `<div>`, a `<td>`, a `<p>`…).
 */
export function articleFromBlocks(page: PageBlocks, kept: boolean[]): DomElement | null {
  const keptNodes = new Set<DomNode>();
  for (const block of page.blocks) if (kept[block.index]) for (const node of block.nodes) keptNodes.add(node);
  if (keptNodes.size === 0) return null;
  const pictures = keptPictures(page, kept);

  // Every element on the way from a kept node up to the document is kept.
  const holders = new Set<DomElement>();
  const climb = (node: DomNode): void => {
    for (let element = node.parentElement; element && !holders.has(element); element = element.parentElement) holders.add(element);
  };
  for (const node of keptNodes) climb(node);
  for (const picture of pictures) {
    holders.add(picture);
    climb(picture);
  }
  const root = lowestCommonHolder(holders, keptNodes);

  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    for (let child = node.firstChild; child; ) {
      const next = child.nextSibling;
      if (child.nodeType === TEXT_NODE) {
        if (!keptNodes.has(child) && (child.nodeValue ?? '').trim() !== '') child.remove();
      } else if (child.nodeType === ELEMENT_NODE) {
        const element = child as DomElement;
        if (holders.has(element)) {
          if (!pictures.has(element)) stack.push(element);
        } else if (!EMPTY_KEPT.has(element.localName)) element.remove();
      } else child.remove();
      child = next;
    }
  }
  return root;
}

/**
 * The lowest element every kept node and picture is under: walking down from the top of
 * the kept elements while only one child of the element is kept.
 */
function lowestCommonHolder(holders: Set<DomElement>, keptNodes: Set<DomNode>): DomElement {
  let top = [...keptNodes][0]?.parentElement as DomElement;
  while (top.parentElement && holders.has(top.parentElement)) top = top.parentElement;
  let element = top;
  for (;;) {
    let only: DomElement | null = null;
    let count = 0;
    let text = false;
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === ELEMENT_NODE && holders.has(child as DomElement)) {
        only = child as DomElement;
        count++;
      } else if (child.nodeType === TEXT_NODE && keptNodes.has(child)) text = true;
    }
    if (count !== 1 || text || !only) return element;
    element = only;
  }
}

/** Pictures between two kept blocks, or in a `<figure>` whose caption block is kept. */
function keptPictures(page: PageBlocks, kept: boolean[]): Set<DomElement> {
  const pictures = new Set<DomElement>();
  for (const image of page.images) {
    const between = kept[image.before - 1] === true && kept[image.before] === true;
    const figure = image.element.closest('figure');
    const captioned =
      figure !== null && page.blocks.some((block) => kept[block.index] && block.owner.localName === 'figcaption' && figure.contains(block.owner));
    if (between || captioned) pictures.add(figure ?? image.element);
  }
  return pictures;
}
