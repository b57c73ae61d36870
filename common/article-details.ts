/**
 * An article's details as the user edits them after capture — title, publication date,
 * author(s), source — checked the same way in main (before anything is written) and in the
 * window's Edit details dialog (to say what is wrong beside the field, before asking main).
 * Pure: no DOM, no node.
 */

/** The details the user may change; a field left out is kept as it is. */
export interface ArticleDetails {
  title?: string;
  /** `YYYY-MM-DD` or a full ISO 8601 time (`2024-03-05T09:30:00Z`, `…+01:00`); '' clears it. */
  published?: string;
  /** Author(s) as one line ("Jane Doe, John Roe"); '' clears it. */
  author?: string;
  /** The publication or site ("The Guardian"); '' clears it. */
  source?: string;
}

/** The details once checked: white space tidied; null where the user cleared a field. */
export interface CheckedDetails {
  title?: string;
  published?: string | null;
  author?: string | null;
  source?: string | null;
}

/** Which field a problem is in, and the one line that says it. */
export interface DetailsProblem {
  field: keyof ArticleDetails;
  message: string;
}

/** The longest title, author or source kept (a headline runs to a few hundred characters at most). */
export const MAX_DETAIL_CHARS = 1000;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;
/** A full ISO 8601 time: a day, a time to the minute or finer, and its zone (Z or an offset). */
const TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/u;

/** Whether `value` is a real calendar day `YYYY-MM-DD` (not 2024-02-30). */
export function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

/** Whether `value` is a publication date the library keeps: a calendar day, or a full ISO 8601 time on one. */
export function isPublishedDate(value: string): boolean {
  if (isCalendarDay(value)) return true;
  const time = TIME.exec(value);
  return time !== null && isCalendarDay(time[1]!);
}

/** White space folded to single spaces and trimmed, as the add pipeline tidies metadata. */
function tidy(value: string): string {
  return value.replace(/\s+/gu, ' ').trim();
}

/**
 * Checks the details a user gave. Returns the tidied details, or the first problem: an empty
 * title (a title cannot be cleared), a date that is not one, a field too long.
 */
export function checkDetails(details: ArticleDetails): { ok: true; details: CheckedDetails } | { ok: false; problem: DetailsProblem } {
  const checked: CheckedDetails = {};
  if (details.title !== undefined) {
    const title = tidy(details.title);
    if (title === '') return { ok: false, problem: { field: 'title', message: 'details: the title cannot be empty' } };
    const tooLong = longer('title', title);
    if (tooLong) return { ok: false, problem: tooLong };
    checked.title = title;
  }
  if (details.published !== undefined) {
    const published = details.published.trim();
    if (published !== '' && !isPublishedDate(published)) {
      return {
        ok: false,
        problem: { field: 'published', message: `details: published date ${JSON.stringify(published.slice(0, 60))} is not a date (YYYY-MM-DD, or a full ISO 8601 time such as 2024-03-05T09:30:00Z)` },
      };
    }
    checked.published = published === '' ? null : published;
  }
  for (const field of ['author', 'source'] as const) {
    const given = details[field];
    if (given === undefined) continue;
    const value = tidy(given);
    const tooLong = longer(field, value);
    if (tooLong) return { ok: false, problem: tooLong };
    checked[field] = value === '' ? null : value;
  }
  return { ok: true, details: checked };
}

function longer(field: 'title' | 'author' | 'source', value: string): DetailsProblem | null {
  if (value.length <= MAX_DETAIL_CHARS) return null;
  return { field, message: `details: the ${field} has ${value.length.toLocaleString('en')} characters; it may have at most ${MAX_DETAIL_CHARS.toLocaleString('en')}` };
}

/**
 * Which of a scan's guesses (its headline and date, guessed from the recognised text) the
 * article still carries unchecked: those it shows as guessed, until the user saves or
 * confirms its details (`edited`).
 */
export function guessesToCheck(
  guessed: { title: string | null; published: string | null },
  article: { title: string; published: string | null; edited?: string },
): { title: string | null; published: string | null } {
  if (article.edited !== undefined) return { title: null, published: null };
  return {
    title: guessed.title && guessed.title === article.title ? guessed.title : null,
    published: guessed.published && article.published?.startsWith(guessed.published) ? guessed.published : null,
  };
}
