/**
 * The search query language, parsed where both main (to search) and the renderer (to
 * highlight) can use it. For now: words, ANDed, the last one matched as a prefix while the
 * user types; and `tag:NAME` or `tag:"two words"` filters.
 */

/** A parsed query. */
export interface ParsedQuery {
  /** Free-text words, in order. */
  words: string[];
  /** Tags every hit must carry. */
  tags: string[];
}

const TOKEN = /(\S+?):"([^"]*)"?|"([^"]*)"?|(\S+)/gu;

/**
 * Splits a query into words and field filters.
 *
 * @example parseQuery('lavrov tag:ukraine') // { words: ['lavrov'], tags: ['ukraine'] }
 */
export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { words: [], tags: [] };
  for (const match of query.matchAll(TOKEN)) {
    const [, quotedField, quotedValue, phrase, bare] = match;
    if (quotedField !== undefined) {
      addField(parsed, quotedField, quotedValue ?? '', match[0]);
    } else if (phrase !== undefined) {
      parsed.words.push(...phrase.split(/\s+/u).filter(Boolean));
    } else if (bare !== undefined) {
      const colon = bare.indexOf(':');
      if (colon > 0 && colon < bare.length - 1) addField(parsed, bare.slice(0, colon), bare.slice(colon + 1), bare);
      else parsed.words.push(bare);
    }
  }
  return parsed;
}

function addField(parsed: ParsedQuery, field: string, value: string, raw: string): void {
  if (field.toLowerCase() === 'tag' && value.trim()) parsed.tags.push(value.trim());
  // An unknown field is searched as words, the way a user who typed "note:" would expect.
  else parsed.words.push(raw);
}
