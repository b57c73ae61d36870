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
import { yieldToOthers } from '../yield-to-others';

/**
 * How many records the tag's test goes through between turns of the event loop: the whole
 * library's records are gathered without holding the thread (matchingRecords of the empty
 * query), where its list of summaries, made in one go, held it 3–4.7 s at 1,000,000.
 */
const SLICE = 20_000;

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
    const matches: ArticleRecord[] = [];
    const all = await library.matchingRecords('');
    for (let at = 0; at < all.length; at++) {
      const record = all[at]!;
      if (record.tags.some((tag) => tagKey(tag) === key || tagKey(tag).startsWith(under))) matches.push(record);
      if (at % SLICE === SLICE - 1) await yieldToOthers();
    }
    if (matches.length === 0) throw new CuttingsError('not-found', `export: no article has the tag ${JSON.stringify(selection.tag)}`);
    return matches;
  }
  if (selection.ids && selection.ids.length > 0) {
    const seen = new Set<string>();
    // library.record names the first unknown id: `library: no article with id …`.
    return selection.ids.filter((id) => !seen.has(id) && seen.add(id)).map((id) => library.record(id));
  }
  return library.matchingRecords('');
}
