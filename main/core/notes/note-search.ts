/**
 * Words in notes and highlight comments found by plain word search. Few articles carry a
 * note, so rather than a field of the index (whose postings would have to be rewritten on
 * every keystroke saved), the note and comments travel with the article's search record
 * (search/search-record.ts) and a query's words are matched against the annotated articles only:
 * one pass over the records to find them, then the words of a handful of notes.
 */
import { findWords } from '../../../common/text';
import type { SearchRecord } from '../search/search-record';
import { processTerm, queryTerms, type TermMatches, type TermQuery } from '../search/search-terms';

/**
 * What a word found in a note or comment adds to an article's score: about what a word
 * found once in a title scores, as a note is the user's own summary of the article.
 */
export const NOTE_MATCH_SCORE = 4;

/** The index forms of the words of each record's note and comments, worked out once per record. */
const wordsOfRecord = new WeakMap<SearchRecord, NoteWords>();

/** A note's words as a set (exact matches) and a list (prefix matches). */
interface NoteWords {
  set: ReadonlySet<string>;
  list: readonly string[];
}

/** True when an article has a note or highlights. */
export function isAnnotated(record: SearchRecord): boolean {
  return Boolean(record.note) || (record.highlights?.length ?? 0) > 0;
}

/** The words of an article's note and highlight comments, as the index forms them. */
function annotationWords(record: SearchRecord): NoteWords {
  let words = wordsOfRecord.get(record);
  if (!words) {
    const text = [record.note ?? '', ...(record.highlights ?? []).map((highlight) => highlight.comment)].join('\n');
    const set = new Set(findWords(text).flatMap((span) => processTerm(span.word)));
    words = { set, list: [...set] };
    wordsOfRecord.set(record, words);
  }
  return words;
}

/** True when each slot of the query word has a form among the words (as a prefix of one, for `word*`). */
function matchesWords(words: NoteWords, slots: readonly string[][], prefix: boolean): boolean {
  if (slots.length === 0) return false;
  const has = (form: string) => (prefix ? words.list.some((word) => word.startsWith(form)) : words.set.has(form));
  return slots.every((forms) => forms.some(has));
}

/**
 * Wraps a term matcher so that the answers also hold the articles whose note or highlight
 * comments have the word. Words limited to a field (`title:x`) are left alone; a fuzzy word
 * (`word~`) matches notes exactly.
 */
export function withNoteMatches(
  matchTerms: (queries: TermQuery[]) => TermMatches[] | Promise<TermMatches[]>,
  count: () => number,
  record: (doc: number) => SearchRecord | undefined,
  /**
   * The documents that may have a note or highlights, when the caller keeps them (the search
   * index does): a query then looks at those few rather than at every record.
   */
  candidates?: () => Iterable<number>,
): (queries: TermQuery[]) => Promise<TermMatches[]> {
  const everyDoc = function* (): Iterable<number> {
    for (let doc = 0, total = count(); doc < total; doc++) yield doc;
  };
  return async (queries) => {
    const answers = await matchTerms(queries);
    if (!queries.some((query) => query.fields === null)) return answers;
    const annotated: { doc: number; words: NoteWords }[] = [];
    for (const doc of candidates ? candidates() : everyDoc()) {
      const found = record(doc);
      if (found && isAnnotated(found)) annotated.push({ doc, words: annotationWords(found) });
    }
    if (annotated.length === 0) return answers;
    return answers.map((answer, at) => {
      const query = queries[at]!;
      if (query.fields !== null) return answer;
      const slots = queryTerms(query.text);
      const inNotes = annotated.filter(({ words }) => matchesWords(words, slots, query.prefix)).map(({ doc }) => doc);
      if (inNotes.length === 0) return answer;
      const docs = Array.from(answer.docs);
      const scores = Array.from(answer.scores);
      const place = new Map(docs.map((doc, i) => [doc, i]));
      for (const doc of inNotes) {
        const i = place.get(doc);
        if (i === undefined) {
          docs.push(doc);
          scores.push(NOTE_MATCH_SCORE);
        } else scores[i] = scores[i]! + NOTE_MATCH_SCORE;
      }
      return { docs, scores, matched: answer.matched };
    });
  };
}
