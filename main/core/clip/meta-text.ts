/**
 * Small text helpers the metadata readers share: the first usable value, collapsed white
 * space, URLs told from names, names joined into one line.
 */

/** The first value that is a non-empty string. */
export function firstOf(...values: Array<string | null | undefined | false>): string | null {
  for (const value of values) if (typeof value === 'string' && value !== '') return value;
  return null;
}

/** Collapses white space; empty becomes null. */
export function cleanText(text: string | null | undefined): string | null {
  const clean = text?.replace(/\s+/g, ' ').trim();
  return clean ? clean : null;
}

/** True if the value is a web address rather than a name. */
export function looksLikeUrl(value: string): boolean {
  return /^(?:https?:\/\/|www\.)/i.test(value.trim());
}

/** The value unless it is a URL (some sites put their address where their name belongs). */
export function nonUrl(value: string | null): string | null {
  return value && !looksLikeUrl(value) ? value : null;
}

/** Distinct names, "By " stripped, joined with ", "; null if none. */
export function joinNames(names: Array<string | null | undefined>): string | null {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of names) {
    const name = cleanText(raw)?.replace(/^by:?\s+/i, '');
    if (!name || looksLikeUrl(name)) continue;
    const key = name.toLocaleLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(name);
  }
  return kept.length > 0 ? kept.join(', ') : null;
}
