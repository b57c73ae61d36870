/**
 * Reading a tab: the function the service worker injects into the page with
 * chrome.scripting.executeScript (it runs in the extension's isolated world, so the page's
 * scripts can neither see it nor change what it reads, and the page's CSP does not apply to
 * it), and what it gives back.
 *
 * It serialises the DOM as it is now — after the page's scripts ran, with the story a
 * logged-in reader sees — or only the selection. Each picture's `src` is set to the address
 * the browser actually showed (`currentSrc`, absolute) and its `srcset` dropped, so that the
 * app meets each picture under the one address the extension fetched it from. A page larger
 * than the cap is measured and refused here, so its 50 MB never cross into the service worker.
 *
 * The function is sent to the page as source text: it must not use anything from outside
 * its own body.
 */

/** What capturePage is asked for. */
export interface CaptureRequest {
  /** `page`: the whole document; `selection`: only what is selected (refused when nothing is). */
  kind: 'page' | 'selection' | 'probe';
  /** The most characters of HTML to hand back. */
  maxHtmlChars: number;
}

/** What capturePage found. */
export type PageCapture =
  | {
      ok: true;
      url: string;
      title: string;
      /** The media type of the document: `application/pdf` for the browser's PDF viewer. */
      contentType: string;
      hasSelection: boolean;
      html?: string;
      selectionHtml?: string;
      /** Absolute http(s) addresses of the pictures in what was captured, in order. */
      imageUrls: string[];
    }
  | { ok: false; reason: 'too-large'; chars: number }
  | { ok: false; reason: 'no-selection' };

/** Runs in the page. `probe` only reports the address, title, type and whether there is a selection. */
export function capturePage(request: CaptureRequest): PageCapture {
  const selection = window.getSelection();
  const hasSelection = !!selection && selection.rangeCount > 0 && !selection.isCollapsed && selection.toString().trim() !== '';
  const base = { ok: true as const, url: location.href, title: document.title, contentType: document.contentType, hasSelection };
  if (request.kind === 'probe') return { ...base, imageUrls: [] };

  const imageUrls: string[] = [];
  const absolute = (value: string | null): string | null => {
    if (!value) return null;
    try {
      const url = new URL(value, document.baseURI);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
      return null;
    }
  };
  /** Points each picture of `root` at the one address it is shown from; `shown[i]` is the live image of `root`'s i-th. */
  const settle = (root: Element | DocumentFragment, shown: HTMLImageElement[] | null) => {
    root.querySelectorAll('picture source').forEach((source) => source.remove());
    root.querySelectorAll('img').forEach((image, i) => {
      const live = shown?.[i];
      const src = absolute((live && live.currentSrc) || image.getAttribute('src'));
      image.removeAttribute('srcset');
      image.removeAttribute('sizes');
      image.removeAttribute('loading');
      if (src) {
        image.setAttribute('src', src);
        if (!imageUrls.includes(src)) imageUrls.push(src);
      }
    });
  };

  if (request.kind === 'selection') {
    if (!hasSelection) return { ok: false, reason: 'no-selection' };
    const holder = document.createElement('div');
    for (let i = 0; i < selection!.rangeCount; i++) holder.append(selection!.getRangeAt(i).cloneContents());
    settle(holder, null);
    const selectionHtml = holder.innerHTML;
    if (selectionHtml.length > request.maxHtmlChars) return { ok: false, reason: 'too-large', chars: selectionHtml.length };
    return { ...base, selectionHtml, imageUrls };
  }

  // Measured before cloning: a page too large is refused without copying it.
  const chars = document.documentElement.outerHTML.length;
  if (chars > request.maxHtmlChars) return { ok: false, reason: 'too-large', chars };
  const copy = document.documentElement.cloneNode(true) as HTMLElement;
  settle(copy, Array.from(document.documentElement.querySelectorAll('img')));
  const doctype = document.doctype ? `<!doctype ${document.doctype.name}>` : '';
  const html = doctype + copy.outerHTML;
  if (html.length > request.maxHtmlChars) return { ok: false, reason: 'too-large', chars: html.length };
  return { ...base, html, imageUrls };
}
