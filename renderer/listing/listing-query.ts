/**
 * What is listed, said in the query language: the search text with the sidebar's tag added as
 * `tag:"…"`, which main's parser understands. A tag with a quote in it (straight or curly: any
 * of them closes a quoted run, and nothing escapes one) cannot be said there, so such a tag is
 * matched here instead.
 */
import type { ArticleSummary } from '../../common/article';
import { canQuote, parseSearchQuery } from '../../common/query';
import { isTagUnder, tagKey } from '../../common/tags';

/**
 * Adds the sidebar's tag to a query as `tag:"…"`; a tag with a quote is left out.
 *
 * @example withTag('lavrov', 'ukraine') // 'lavrov tag:"ukraine"'
 */
export function withTag(text: string, tag: string | null): string {
  if (tag === null || !canQuote(tag)) return text;
  return `${text} tag:"${tag}"`;
}

/** Whether an article carries a tag or one below it (`ukraine` matches `ukraine/diplomacy`). */
export function hasTag(summary: Pick<ArticleSummary, 'tags'>, tag: string): boolean {
  const wanted = tagKey(tag);
  return summary.tags.some((candidate) => isTagUnder(candidate, wanted));
}

/**
 * The query of what is listed: the search with the tag, `tag:"…"` alone, or '' for every
 * article; null when the tag cannot be said in a query.
 *
 * @example listedQuery('', 'ukraine') // 'tag:"ukraine"'
 */
export function listedQuery(text: string, tag: string | null): string | null {
  if (tag !== null && !canQuote(tag)) return null;
  if (text === '') return tag === null ? '' : `tag:"${tag}"`;
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
