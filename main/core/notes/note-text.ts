/**
 * An article's note: Markdown the user writes about it, kept in the catalog record (so one
 * edit rewrites one small shard file). Checked here before anything is written.
 */
import { CuttingsError } from '../../../common/errors';

/**
 * The most characters a note may hold: a long essay fits, while a note stays small enough
 * that its catalog shard and the search worker's copy of it stay quick to write and send.
 */
export const MAX_NOTE_CHARS = 100_000;

/**
 * The note to store for an article: as written, or '' (no note) when it is only white space.
 * Throws an `invalid-input` error naming the article when it is longer than MAX_NOTE_CHARS.
 */
export function checkedNote(articleId: string, note: string): string {
  if (note.trim() === '') return '';
  if (note.length > MAX_NOTE_CHARS) {
    throw new CuttingsError(
      'invalid-input',
      `notes: the note on ${articleId} has ${note.length.toLocaleString('en')} characters; a note may have at most ${MAX_NOTE_CHARS.toLocaleString('en')}`,
    );
  }
  return note;
}
