import { CuttingsError } from '../../../common/errors';

/**
 * What the clippers (plain text, HTML) hand to the library: the extracted article,
 * not yet stored. The library adds the id, tags, clip time and provenance.
 */
export interface ClippedArticle {
  /** Never empty. */
  title: string;
  /** Plain text, paragraphs separated by one blank line, headings on lines of their own. */
  text: string;
  /** Sanitised reader HTML (DOMPurify): safe to show in the sandboxed reader. */
  html: string;
  /** Metadata found in the input; null where the input has none. */
  url: string | null;
  source: string | null;
  author: string | null;
  /** ISO 8601 date or time, as precise as the page gives it. */
  published: string | null;
  lang: string | null;
  excerpt: string;
}

/** Input that cannot be clipped: empty, binary, too large, or with no article in it. */
export class ClipError extends CuttingsError {
  constructor(message: string) {
    super('bad-content', message);
    this.name = 'ClipError';
  }
}
