/**
 * The clippers: pasted text or an HTML page in, a ClippedArticle out. Pure functions, no
 * network and no electron; main/core's library stores what they return.
 */
export { clipPlainText } from './plain-text';
export type { ClipPlainTextOptions } from './plain-text';
export { clipHtml } from './html';
export type { ClipHtmlOptions } from './html';
export { ClipError } from './clipped-article';
export type { ClippedArticle } from './clipped-article';
export { looksLikeHtml, MAX_CLIP_BYTES } from './input-checks';
