import type { ArticleSummary, Provenance } from '../../common/article';

/** What the catalog keeps of each article: everything but the captured content. */
export interface ArticleRecord extends ArticleSummary {
  provenance: Provenance;
}
