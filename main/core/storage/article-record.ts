import type { ArticleSummary, Highlight, Provenance } from '../../../common/article';

/** What the catalog keeps of each article: everything but the captured content. */
export interface ArticleRecord extends ArticleSummary {
  provenance: Provenance;
  /** The user's Markdown note; absent when there is none. */
  note?: string;
  /** Passages highlighted in the reader; absent when there are none. */
  highlights?: Highlight[];
}
