/**
 * Makes untrusted article HTML safe for the offline reader.
 *
 * The reader shows stored HTML in a sandboxed iframe with `default-src 'none'`; this is the
 * first line of defence, and the one that also holds when the HTML is exported or shown
 * elsewhere. DOMPurify removes everything active; then links are made absolute and images
 * are unhooked from the network.
 */
import createDOMPurify from 'dompurify';
import type { Config, DOMPurify, WindowLike } from 'dompurify';
import { selectAll } from './dom';
import type { DomElement, DomWindow } from './dom';
import { PLACEHOLDER_BASE_URL, resolveHttpUrl } from './urls';
import { isEmbeddedImage } from './embedded-images';
import { ASSET_PROTOCOL, ASSET_SCHEME } from '../../../common/schemes';


/**
 * What a reader needs: text structure, quotes, lists, figures, tables, code. Anything else
 * (forms, embeds, media, SVG, MathML, styles) is dropped; unknown wrappers such as `<font>`
 * are unwrapped, keeping their text.
 */
const ALLOWED_TAGS = [
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption',
  'center', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt',
  'em', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'i', 'img', 'ins', 'kbd', 'li', 'main', 'mark', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby',
  's', 'samp', 'section', 'small', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'tt', 'u', 'ul', 'var', 'wbr',
];

/** No `style`, `class`, `id`, event handlers, `srcset`, `data-*` or `aria-*` survive. */
const ALLOWED_ATTR = [
  'href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'scope', 'headers',
  'span', 'datetime', 'lang', 'dir', 'start', 'reversed', 'open',
];

/** Controls and embeds whose inner text is not article text (a button's "Subscribe"). */
const DROPPED_WITH_CONTENT = ['button', 'select', 'textarea', 'option', 'datalist', 'object', 'embed', 'canvas', 'map', 'dialog', 'nav'];

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ADD_FORBID_CONTENTS: DROPPED_WITH_CONTENT,
  // http(s), mailto, our asset scheme, and relative references (resolved afterwards).
  ALLOWED_URI_REGEXP: new RegExp(`^(?:(?:https?|mailto|${ASSET_SCHEME}):|[^a-z]|[a-z+.-]+(?:[^a-z+.\\-:]|$))`, 'i'),
};
const STRING_CONFIG: Config & { RETURN_DOM: true } = { ...CONFIG, RETURN_DOM: true };
const IN_PLACE_CONFIG: Config = { ...CONFIG, IN_PLACE: true };

/** One DOMPurify per window, made on first use (binding one to a window costs ~1 ms). */
const purifiers = new WeakMap<DomWindow, DOMPurify>();

function getPurifier(window: DomWindow): DOMPurify {
  let purifier = purifiers.get(window);
  if (!purifier) {
    purifier = createDOMPurify(window as unknown as WindowLike);
    purifiers.set(window, purifier);
  }
  return purifier;
}

/**
 * Sanitises an HTML fragment in `window` and returns the `<body>` holding the result
 * (serialise it with `innerHTML`); links and images as in {@link sanitiseElement}.
 */
export function sanitiseHtml(window: DomWindow, html: string, baseUrl: string | null): DomElement {
  const body = getPurifier(window).sanitize(html, STRING_CONFIG) as unknown as DomElement;
  return rewriteUrls(body, baseUrl);
}

/**
 * Sanitises an element of a document parsed in `window` in place, which spares serialising
 * and re-parsing it. Links become absolute against `baseUrl` and keep an href only for
 * http/https/mailto; images keep `cuttings-asset:` sources, while a remote source moves to
 * `data-src` (for a later offline download), so that showing the article loads nothing.
 * The element itself must be an allowed one (a `<div>`).
 */
export function sanitiseElement(window: DomWindow, element: DomElement, baseUrl: string | null): DomElement {
  getPurifier(window).sanitize(element as unknown as Parameters<DOMPurify['sanitize']>[0], IN_PLACE_CONFIG);
  return rewriteUrls(element, baseUrl);
}

function rewriteUrls(root: DomElement, baseUrl: string | null): DomElement {
  const base = baseUrl ?? PLACEHOLDER_BASE_URL;
  for (const link of selectAll(root, 'a[href]')) {
    const href = link.getAttribute('href');
    if (href === null || /^\s*mailto:/i.test(href)) continue;
    const absolute = resolveHttpUrl(href, base);
    if (absolute) link.setAttribute('href', absolute);
    else link.removeAttribute('href');
  }

  for (const image of selectAll(root, 'img')) {
    const src = image.getAttribute('src')?.trim() ?? '';
    if (src.toLowerCase().startsWith(ASSET_PROTOCOL)) continue;
    image.removeAttribute('src');
    // A picture carried in the page (a SingleFile save) is set aside for the asset store;
    // smaller data: images are lazy-load placeholders and go.
    if (isEmbeddedImage(src)) {
      image.setAttribute('data-src', src);
      continue;
    }
    const remote = resolveHttpUrl(src, base);
    if (remote) image.setAttribute('data-src', remote);
    else image.remove();
  }
  return root;
}
