/**
 * HTML escaping for text the clippers wrap in markup themselves.
 */

/** Escapes `& < > " '` so that text stays text in element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
