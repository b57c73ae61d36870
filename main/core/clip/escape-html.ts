/**
 * HTML escaping for text the clippers wrap in markup themselves, and its reverse for the
 * attribute values the sanitiser writes (an image's `data-src`).
 */

/** Escapes `& < > " '` so that text stays text in element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The value of an attribute as the sanitiser wrote it (`&amp;` `&quot;` `&#39;` `&lt;` `&gt;`), unescaped. */
export function unescapeAttribute(value: string): string {
  return value.replace(/&amp;/gu, '&').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'").replace(/&lt;/gu, '<').replace(/&gt;/gu, '>');
}
