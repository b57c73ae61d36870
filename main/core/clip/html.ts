/**
 * Clips an HTML page: the article and its metadata as extract.ts finds them, in the shape
 * the library stores (a ClippedArticle).
 */
import type { ClippedArticle } from './clipped-article';
import { extractPage } from './extract';
import { MAX_CLIP_BYTES } from './input-checks';
import { resolveHttpUrl } from './urls';

/** The size limit, re-exported here because it is the HTML clipper's contract. */
export { MAX_CLIP_BYTES };

/** Options for {@link clipHtml}. */
export interface ClipHtmlOptions {
  /** Where the page came from, to resolve its relative links: `{ url: 'https://x.org/a' }`. */
  url?: string;
  /** The file it was read from, named in error messages: `{ fileName: 'story.html' }`. */
  fileName?: string;
}

/**
 * Turns an HTML page into a ClippedArticle. Throws ClipError for input that is empty, binary,
 * over {@link MAX_CLIP_BYTES} or has no article in it. Never runs the page's scripts and never
 * loads anything: remote images are kept only as `data-src` URLs.
 */
export function clipHtml(html: string, options: ClipHtmlOptions = {}): ClippedArticle {
  const page = extractPage(html, options);
  return {
    title: page.title,
    text: page.text,
    html: page.html,
    url: page.canonical ?? resolveHttpUrl(options.url),
    source: page.site,
    author: page.author,
    published: page.published,
    lang: page.lang,
    excerpt: page.excerpt,
  };
}

