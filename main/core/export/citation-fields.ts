/**
 * What the citation formats (BibTeX, RIS, CSL-JSON) share: authors split into names and
 * dates into parts, from the library's one-line author and ISO date.
 */

/** A person's name, or an organisation's as a literal. */
export type CitationName = { family: string; given?: string } | { literal: string };

/**
 * The authors of a one-line author field ("Jane Doe, John Roe", "Jane Doe and John Roe").
 * A one-word name or one of more than three words (an organisation, "BBC Monitoring
 * Global Newsline") is kept whole as a literal; otherwise the last word is the family name.
 */
export function splitAuthors(line: string | null): CitationName[] {
  if (!line) return [];
  return line
    .split(/\s*(?:,|;|\band\b|&)\s*/u)
    .map((name) => name.replace(/\s+/gu, ' ').trim())
    .filter((name) => name !== '')
    .map((name) => {
      const words = name.split(' ');
      if (words.length < 2 || words.length > 3) return { literal: name };
      return { family: words[words.length - 1]!, given: words.slice(0, -1).join(' ') };
    });
}

/** Year, month and day of an ISO date or time, as far as it gives them. */
export function dateParts(value: string | null): number[] | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/u.exec(value ?? '');
  if (!match) return null;
  return [match[1], match[2], match[3]].filter((part): part is string => part !== undefined).map(Number);
}

/** A value on one line: citation formats are line-based or read line breaks as spaces. */
export function oneLine(value: string): string {
  return value.replace(/\s+/gu, ' ').trim();
}
