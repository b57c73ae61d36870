/**
 * Checks the note and highlights of a catalog record that comes from outside the library
 * (an archive being imported), so that a damaged or hand-edited file cannot put something
 * into the catalog the app would trip over.
 */
import type { Highlight } from '../../../common/article';
import { locateHighlight } from '../../../common/highlight-anchor';
import { MAX_COMMENT_CHARS } from './highlights';
import { MAX_NOTE_CHARS } from './note-text';

/** The string fields every stored highlight has. */
const HIGHLIGHT_FIELDS = ['id', 'quote', 'prefix', 'suffix', 'comment', 'created'] as const;

/** Throws an Error saying what is wrong with a record's `note` or `highlights`; returns if they are absent or sound. */
export function checkStoredAnnotations(record: { note?: unknown; highlights?: unknown }): void {
  if (record.note !== undefined) {
    if (typeof record.note !== 'string') throw new Error('"note" must be a string');
    if (record.note.length > MAX_NOTE_CHARS) throw new Error(`"note" has ${record.note.length} characters; a note may have at most ${MAX_NOTE_CHARS}`);
  }
  if (record.highlights === undefined) return;
  if (!Array.isArray(record.highlights)) throw new Error('"highlights" must be an array');
  const ids = new Set<string>();
  for (const [at, highlight] of record.highlights.entries()) {
    const fields = highlight as Record<string, unknown>;
    if (typeof highlight !== 'object' || highlight === null) throw new Error(`highlight ${at + 1} is not an object`);
    for (const field of HIGHLIGHT_FIELDS) {
      if (typeof fields[field] !== 'string') throw new Error(`highlight ${at + 1}: "${field}" must be a string`);
    }
    if ((fields.quote as string).trim() === '') throw new Error(`highlight ${at + 1}: "quote" is blank`);
    if ((fields.comment as string).length > MAX_COMMENT_CHARS) throw new Error(`highlight ${at + 1}: "comment" is longer than ${MAX_COMMENT_CHARS} characters`);
    if (ids.has(fields.id as string)) throw new Error(`highlight ${at + 1}: id ${JSON.stringify(fields.id)} is used twice`);
    ids.add(fields.id as string);
  }
}

/** Throws an Error naming the first highlight whose quote the article's text does not hold. */
export function checkHighlightsInText(highlights: readonly Highlight[], text: string): void {
  for (const [at, highlight] of highlights.entries()) {
    if (!locateHighlight(text, highlight)) throw new Error(`highlight ${at + 1} (${JSON.stringify(highlight.quote.slice(0, 40))}) is not in the article's text`);
  }
}
