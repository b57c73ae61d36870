/**
 * The excerpt shown under a title in the article list.
 */

/** Longest excerpt, in characters, before it is cut at a word boundary. */
export const EXCERPT_MAX_CHARS = 200;

/**
 * Collapses white space and cuts the text to about 200 characters at a word boundary,
 * ending with "…" when cut. `makeExcerpt('a b c', 3)` → `'a b…'`.
 */
export function makeExcerpt(text: string, maxChars = EXCERPT_MAX_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const head = flat.slice(0, maxChars + 1);
  const lastSpace = head.lastIndexOf(' ');
  // A single very long word (a URL) has no boundary worth keeping: cut it hard instead.
  const cut = lastSpace > maxChars / 2 ? head.slice(0, lastSpace) : flat.slice(0, maxChars);
  return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}
