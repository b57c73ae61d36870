/**
 * Which articles an export takes: the articles a query matches (`--query Q`, the app's
 * current search), those under a tag (`--tag T`, the tag and the tags below it, as `tag:T`
 * in a search), chosen ids (the app's selection), or, with none of these, every article.
 * Resolved through the Library's own list, record and search, newest clipped first.
 */
import { CuttingsError } from '../../../common/errors';
import { normaliseTag, tagKey } from '../../../common/tags';
import type { ArticleRecord } from '../storage/article-record';
import type { ArticleReader } from '../library/article-access';

/** What to export; give at most one of the three. */
export interface ExportSelection {
  query?: string;
  tag?: string;
  ids?: readonly string[];
}

/** The catalog records of the selected articles, newest clipped first (ids in the order given). */
export async function resolveSelection(library: ArticleReader, selection: ExportSelection = {}): Promise<ArticleRecord[]> {
  const given = [selection.query !== undefined, selection.tag !== undefined, (selection.ids?.length ?? 0) > 0].filter(Boolean).length;
  if (given > 1) throw new CuttingsError('invalid-input', 'export: choose articles by one of a query, a tag or ids, not several');
  if (selection.query !== undefined) return library.matchingRecords(selection.query);
  if (selection.tag !== undefined) {
    const key = tagKey(normaliseTag(selection.tag));
    const under = `${key}/`;
    const matches = library.list().filter((article) => article.tags.some((tag) => tagKey(tag) === key || tagKey(tag).startsWith(under)));
    if (matches.length === 0) throw new CuttingsError('not-found', `export: no article has the tag ${JSON.stringify(selection.tag)}`);
    return matches.map((article) => library.record(article.id));
  }
  if (selection.ids && selection.ids.length > 0) {
    const seen = new Set<string>();
    // library.record names the first unknown id: `library: no article with id …`.
    return selection.ids.filter((id) => !seen.has(id) && seen.add(id)).map((id) => library.record(id));
  }
  return library.list().map((article) => library.record(article.id));
}
