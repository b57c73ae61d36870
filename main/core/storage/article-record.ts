import type { ArticleSummary, Highlight, Provenance } from '../../../common/article';

/** What the catalog keeps of each article: everything but the captured content. */
export interface ArticleRecord extends ArticleSummary {
  provenance: Provenance;
  /** The user's Markdown note; absent when there is none. */
  note?: string;
  /** Passages highlighted in the reader; absent when there are none. */
  highlights?: Highlight[];
}

/** What a list shows of an article: its record without provenance, note and highlights. */
export function toSummary(record: ArticleRecord): ArticleSummary {
  // Notes and highlights are the article's (Library.get), not its summary's: lists stay small.
  const { provenance: _provenance, note: _note, highlights: _highlights, ...summary } = record;
  return { ...summary, tags: [...record.tags] };
}
