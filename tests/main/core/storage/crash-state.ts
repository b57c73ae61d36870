/**
 * What the crash test checks of an article besides its being there: its tags, note and
 * highlights, in a form the writer can predict before an edit and the checker can compare
 * after a kill (tags and highlights sorted, highlights by quote and comment).
 */
import type { ArticleRecord } from '../../../../main/core/storage/article-record';

/** An article's tags, note and highlights, comparable as JSON. */
export interface AnnotationState {
  tags: string[];
  note: string;
  /** `quote|comment` of each highlight, sorted. */
  highlights: string[];
}

/** The annotation state of a catalog record. */
export function annotationState(record: ArticleRecord): AnnotationState {
  return {
    tags: [...record.tags].sort(),
    note: record.note ?? '',
    highlights: (record.highlights ?? []).map((highlight) => `${highlight.quote}|${highlight.comment}`).sort(),
  };
}
