/**
 * What is listed, said in the query language: the search text with the sidebar's tag added as
 * `tag:"…"`, which main's parser understands; a quote or a backslash in the tag is escaped
 * (common/query.ts: quoteValue), so that every tag can be said.
 */
import { parseSearchQuery, quoteValue } from '../../common/query';

/**
 * Adds the sidebar's tag to a query as `tag:"…"`.
 *
 * @example withTag('lavrov', 'ukraine') // 'lavrov tag:"ukraine"'
 */
export function withTag(text: string, tag: string | null): string {
  if (tag === null) return text;
  return `${text} tag:${quoteValue(tag)}`;
}

/**
 * The query of what is listed: the search with the tag, `tag:"…"` alone, or '' for every
 * article.
 *
 * @example listedQuery('', 'ukraine') // 'tag:"ukraine"'
 */
export function listedQuery(text: string, tag: string | null): string {
  if (text === '') return tag === null ? '' : `tag:${quoteValue(tag)}`;
  return withTag(text, tag).trim();
}

/**
 * Adds a filter to a query so that it narrows all of it: a query whose top level is an OR is
 * put in parentheses first (`a OR b` and a tag must not become `a OR (b AND tag)`).
 *
 * @example refineQuery('kyiv OR kiev', 'tag:"ukraine"') // '(kyiv OR kiev) tag:"ukraine"'
 */
export function refineQuery(query: string, clause: string): string {
  const text = query.trim();
  if (text === '') return clause;
  const parsed = parseSearchQuery(text);
  return parsed.ok && parsed.query?.kind === 'or' ? `(${text}) ${clause}` : `${text} ${clause}`;
}
