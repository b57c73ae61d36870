/**
 * Highlights: passages of an article's text the user marked in the reader, each with an
 * optional comment. They live in the article's catalog record; these functions work out the
 * new list of highlights and never touch the disk (the library writes what they return).
 *
 * A highlight is anchored by its quote with a little text on each side
 * (common/highlight-anchor.ts); it is accepted only if the quote is found in the article's
 * text, and is then stored exactly as that text has it, with its context taken from the text,
 * so that the reader finds it again however the selection was spaced.
 */
import { ulid } from 'ulid';
import type { AddHighlightRequest, RemoveHighlightRequest, UpdateHighlightRequest } from '../../../common/api';
import type { Highlight } from '../../../common/article';
import { CuttingsError } from '../../../common/errors';
import { anchorOf, locateHighlight } from '../../../common/highlight-anchor';

/** The most characters a highlight's comment may hold. */
export const MAX_COMMENT_CHARS = 10_000;

/** How much of a quote an error message shows. */
const SHOWN = 60;

/** A quote as an error message shows it: on one line, cut short if long. */
function shown(quote: string): string {
  const line = quote.replace(/\s+/gu, ' ').trim();
  return JSON.stringify(line.length > SHOWN ? `${line.slice(0, SHOWN)}…` : line);
}

function checkedComment(comment: string): string {
  if (comment.length > MAX_COMMENT_CHARS) {
    throw new CuttingsError(
      'invalid-input',
      `highlights: a comment has ${comment.length.toLocaleString('en')} characters; a comment may have at most ${MAX_COMMENT_CHARS.toLocaleString('en')}`,
    );
  }
  return comment.trim() === '' ? '' : comment;
}

/**
 * The article's highlights with a new one added at the end. Throws an `invalid-input` error,
 * naming the article and the quote, when the quote is blank, is not in the text, or is
 * already highlighted at the same place.
 */
export function withHighlightAdded(
  articleId: string,
  text: string,
  highlights: readonly Highlight[],
  request: Omit<AddHighlightRequest, 'id'>,
  now: Date = new Date(),
): Highlight[] {
  if (request.quote.trim() === '') throw new CuttingsError('invalid-input', `highlights: there is nothing to highlight (the quote is blank) in ${articleId}`);
  const comment = checkedComment(request.comment ?? '');
  const range = locateHighlight(text, request);
  if (!range) {
    throw new CuttingsError('invalid-input', `highlights: the text of ${articleId} has no passage ${shown(request.quote)}; nothing was highlighted`);
  }
  const anchor = anchorOf(text, range);
  const same = highlights.find((highlight) => {
    const at = locateHighlight(text, highlight);
    return at !== null && at.start === range.start && at.end === range.end;
  });
  if (same) throw new CuttingsError('invalid-input', `highlights: ${shown(anchor.quote)} is already highlighted in ${articleId} (highlight ${same.id})`);
  const highlight: Highlight = { id: newHighlightId(highlights), ...anchor, comment, created: now.toISOString() };
  return [...highlights, highlight];
}

/** A fresh id for a highlight: a ULID, checked against the article's others all the same. */
function newHighlightId(highlights: readonly Highlight[]): string {
  for (;;) {
    const id = ulid();
    if (!highlights.some((highlight) => highlight.id === id)) return id;
  }
}

/** The position of a highlight in the list; a `not-found` error naming both ids if it is not there. */
function indexOfHighlight(articleId: string, highlights: readonly Highlight[], highlightId: string): number {
  const at = highlights.findIndex((highlight) => highlight.id === highlightId);
  if (at < 0) throw new CuttingsError('not-found', `highlights: ${articleId} has no highlight with id ${highlightId}`);
  return at;
}

/** The article's highlights with one's comment changed ('' clears it). */
export function withCommentUpdated(articleId: string, highlights: readonly Highlight[], request: Omit<UpdateHighlightRequest, 'id'>): Highlight[] {
  const at = indexOfHighlight(articleId, highlights, request.highlightId);
  const comment = checkedComment(request.comment);
  return highlights.map((highlight, i) => (i === at ? { ...highlight, comment } : highlight));
}

/** The article's highlights without one. */
export function withHighlightRemoved(articleId: string, highlights: readonly Highlight[], request: Omit<RemoveHighlightRequest, 'id'>): Highlight[] {
  const at = indexOfHighlight(articleId, highlights, request.highlightId);
  return highlights.filter((_, i) => i !== at);
}
