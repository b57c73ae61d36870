/** Matching a locator's text exactly, for the page class and its parts. */

/** A regular expression matching exactly `text`. */
export function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}$`, 'u');
}
