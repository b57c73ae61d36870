import { describe, expect, it } from 'vitest';
import { isAnnotated, NOTE_MATCH_SCORE, withNoteMatches } from '../../../../main/core/notes/note-search';
import type { SearchRecord } from '../../../../main/core/search/search-record';
import type { TermMatches, TermQuery } from '../../../../main/core/search/search-terms';

const record = (id: string, extra: Partial<SearchRecord> = {}): SearchRecord => ({
  id, title: id, source: null, author: null, lang: 'en', url: null, published: null, clipped: '2024-01-01T00:00:00.000Z', tags: [], ...extra,
});
const highlight = (comment: string) => ({ id: 'h', quote: 'q', prefix: '', suffix: '', comment, created: '' });
const RECORDS = [
  record('plain'),
  record('noted', { note: 'Ask the **Treasury** about Zürich' }),
  record('commented', { highlights: [highlight('US-Russia talks, again')] }),
];
const query = (text: string, prefix = false, fields: string[] | null = null): TermQuery => ({ text, prefix, fuzzy: false, fields });

/** The index's answers: `index` says which documents the index itself matched for each query. */
function matcher(index: number[][] = []) {
  return withNoteMatches(
    (queries) => queries.map((_, at): TermMatches => ({ docs: index[at] ?? [], scores: (index[at] ?? []).map(() => 1), matched: [] })),
    () => RECORDS.length,
    (doc) => RECORDS[doc],
  );
}

describe('withNoteMatches', () => {
  it('adds the articles whose note or highlight comments have the word, folded as the index folds it', async () => {
    const [treasury, zurich, russia, hyphen] = await matcher()([query('treasury'), query('zurich'), query('russia'), query('us-russia')]);
    expect(treasury!.docs).toEqual([1]);
    expect(zurich!.docs).toEqual([1]);
    expect(russia!.docs).toEqual([2]);
    expect(hyphen!.docs).toEqual([2]);
  });

  it('matches prefixes, leaves field-limited words alone, and adds to the score of an article the index found too', async () => {
    const [prefix, titled, both] = await matcher([[], [1], [1]])([query('treas', true), query('treasury', false, ['title']), query('treasury')]);
    expect(prefix!.docs).toEqual([1]);
    expect(titled).toEqual({ docs: [1], scores: [1], matched: [] });
    expect(both).toEqual({ docs: [1], scores: [1 + NOTE_MATCH_SCORE], matched: [] });
    expect((await matcher()([query('treas')]))[0]!.docs).toEqual([]);
  });

  it('tells annotated articles apart', () => {
    expect(RECORDS.map(isAnnotated)).toEqual([false, true, true]);
    expect(isAnnotated(record('x', { note: '', highlights: [] }))).toBe(false);
  });
});
