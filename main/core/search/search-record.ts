/**
 * The search record: what search keeps of an article's catalog record, the same in the
 * library's thread and in the search worker. It uses nothing else in search/, so that the
 * index, the query evaluator and the results can all depend on it without a cycle.
 */
import type { ArticleRecord } from '../storage/article-record';

/**
 * What search needs of an article's catalog record: its filters, facets and sort keys, and
 * the user's note and highlights where there are any (few articles have them: `has:notes`,
 * and words in notes found, see notes/note-search.ts).
 */
export type SearchRecord = Pick<ArticleRecord, 'id' | 'title' | 'source' | 'author' | 'lang' | 'url' | 'published' | 'clipped' | 'tags' | 'note' | 'highlights'>;

/** The search fields of a record, and nothing else (so that little crosses between threads). */
export function toSearchRecord(record: SearchRecord): SearchRecord {
  const { id, title, source, author, lang, url, published, clipped, tags, note, highlights } = record;
  return { id, title, source, author, lang, url, published, clipped, tags, ...(note ? { note } : {}), ...(highlights?.length ? { highlights } : {}) };
}

/** What a record is counted under in a result's facets: its tags, source and publication date. */
export type FacetFields = Pick<SearchRecord, 'tags' | 'source' | 'published'>;

/**
 * The facet fields of stored records as their dictionaries: each distinct list of tags, source
 * and publication date once, and a number a record for each. Counting a result by these is
 * three increments a record; what each number stands for is worked out once a query.
 */
export interface FacetColumns {
  tagLists: readonly (readonly string[])[];
  tagList: Uint32Array;
  sources: readonly (string | null)[];
  source: Uint32Array;
  dates: readonly (string | null)[];
  published: Uint32Array;
}

/** Facet columns, and which documents they speak for (those stored and not changed since). */
export interface ColumnFacets {
  columns: FacetColumns;
  covers(doc: number): boolean;
}
