/**
 * Building DOM nodes without HTML strings. Data from the library (titles, snippets, tags) is
 * only ever put into the page as text nodes or attribute values, never parsed as markup, so a
 * title like `<img onerror=…>` stays a title.
 */

/** What `el` accepts for an element's properties. */
export interface ElementProps {
  className?: string;
  /** Attributes set with setAttribute (values are never parsed as HTML). */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  /** Data attributes (`data-*`). */
  dataset?: Record<string, string>;
}

/** A child: a node, or a string that becomes a text node. Null and false are skipped. */
export type Child = Node | string | null | undefined | false;

/**
 * Creates an element with attributes and children; strings become text nodes.
 *
 * @example el('li', { className: 'tag' }, tag.name, el('span', {}, String(tag.count)))
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [name, value] of Object.entries(props.dataset ?? {})) element.dataset[name] = value;
  append(element, ...children);
  return element;
}

/** Appends children to a node; strings become text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces all of a node's children. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** Finds an element the page must have, by id; throws naming it if index.html lacks it. */
export function required<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`renderer: index.html has no #${id} of the expected kind`);
  return element;
}

/** True when keyboard input is going to a text field, where shortcuts must not fire. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
  }
  return false;
}
