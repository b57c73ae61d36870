/**
 * The user's notes and highlights on an article, and the tags suggested from its text, as a
 * library keeps them: checked (note-text.ts, highlights.ts), written to the catalog record
 * and told to the search index, one edit after another.
 */
import type { AddHighlightRequest, RemoveHighlightRequest, TagSuggestion, UpdateHighlightRequest } from '../../../common/api';
import type { Article, Highlight } from '../../../common/article';
import type { ArticleRecord } from '../storage/article-record';
import { withCommentUpdated, withHighlightAdded, withHighlightRemoved } from './highlights';
import { checkedNote } from './note-text';
import { suggestTagsFor } from './suggest-tags';
import { OneAtATime } from '../../../common/one-at-a-time';

/** What notes and highlights need of the library (library/library-context.ts gives it). */
export interface AnnotatedLibrary {
  /** Throws unless the library may be written. */
  assertWritable(): void;
  /** One article's catalog record; throws `library: no article with id …` for an unknown id. */
  record(id: string): ArticleRecord;
  /** An article's text. */
  textOf(id: string): Promise<string>;
  /** The spelling in use for a tag. */
  canonicalTag(tag: string): string;
  /** Writes a changed record and tells the search index. */
  writeRecord(updated: ArticleRecord): Promise<void>;
}

/** Notes, highlights and suggested tags of one library's articles. */
export class Annotations {
  /** The note or highlight edit under way, which the next waits for (see oneAtATime). */
  private readonly annotating = new OneAtATime();

  constructor(
    private readonly library: AnnotatedLibrary,
    /** Reads a whole article, as Library.get does. */
    private readonly article: (id: string) => Promise<Article>,
  ) {}

  /**
   * Sets an article's Markdown note ('' or only white space deletes it) and returns the
   * article. A note longer than MAX_NOTE_CHARS is refused and nothing is written.
   */
  async setNote(id: string, note: string): Promise<Article> {
    this.library.assertWritable();
    await this.oneAtATime(async () => {
      const record = this.library.record(id);
      const { note: _old, ...rest } = record;
      const checked = checkedNote(id, note);
      if (checked !== (record.note ?? '')) await this.library.writeRecord(checked ? { ...rest, note: checked } : rest);
    });
    return this.article(id);
  }

  /**
   * Adds a highlight over a passage of the article's text (the quote, with the prefix and
   * suffix to tell apart passages that occur more than once) and returns the article's
   * highlights. A quote the text does not hold is refused and nothing is written.
   */
  async addHighlight(request: AddHighlightRequest): Promise<Highlight[]> {
    this.library.assertWritable();
    const { id, ...anchor } = request;
    this.library.record(id);
    const text = await this.library.textOf(id);
    return this.oneAtATime(async () => {
      const record = this.library.record(id);
      return this.setHighlights(record, withHighlightAdded(id, text, record.highlights ?? [], anchor));
    });
  }

  /** Changes a highlight's comment ('' clears it) and returns the article's highlights. */
  async updateHighlight(request: UpdateHighlightRequest): Promise<Highlight[]> {
    this.library.assertWritable();
    return this.oneAtATime(async () => {
      const record = this.library.record(request.id);
      return this.setHighlights(record, withCommentUpdated(request.id, record.highlights ?? [], request));
    });
  }

  /** Deletes a highlight and returns the article's highlights. */
  async removeHighlight(request: RemoveHighlightRequest): Promise<Highlight[]> {
    this.library.assertWritable();
    return this.oneAtATime(async () => {
      const record = this.library.record(request.id);
      return this.setHighlights(record, withHighlightRemoved(request.id, record.highlights ?? [], request));
    });
  }

  /** People, places and organisations the article names, as tags it does not have yet. */
  async suggestTags(id: string): Promise<TagSuggestion[]> {
    const record = this.library.record(id);
    return suggestTagsFor({ title: record.title, text: await this.library.textOf(id), lang: record.lang, tags: record.tags }, (tag) => this.library.canonicalTag(tag));
  }

  /** Stores a record's highlights (none: the field goes) and returns them. */
  private async setHighlights(record: ArticleRecord, highlights: Highlight[]): Promise<Highlight[]> {
    const { highlights: _old, ...rest } = record;
    await this.library.writeRecord(highlights.length > 0 ? { ...rest, highlights } : rest);
    return highlights;
  }

  /**
   * Runs note and highlight edits one after another: each reads the record, changes it and
   * writes it, and two at once (a double click) would otherwise both start from the same
   * record and the second write lose the first's change.
   */
  private oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    return this.annotating.run(work);
  }
}
