import { describe, expect, it } from 'vitest';
import { checkDetails, guessesToCheck, isPublishedDate } from '../../common/article-details';

describe('checking an article’s details', () => {
  it('takes a calendar day or a full ISO 8601 time with its zone, and nothing else', () => {
    for (const good of ['2024-02-29', '2024-03-05T09:30Z', '2024-03-05T09:30:00Z', '2024-03-05T09:30:00.123+01:00', '1999-12-31T23:59:59-05:00']) {
      expect(isPublishedDate(good), good).toBe(true);
    }
    for (const bad of ['2023-02-29', '2024-13-01', '2024-3-5', '2024-03-05T09:30', '2024-03-05T24:00Z', '2024-03-05 09:30Z', '5 March 2024', '2024', '']) {
      expect(isPublishedDate(bad), bad).toBe(false);
    }
  });

  it('tidies white space, turns an emptied author, source or date into null, and leaves out what was not given', () => {
    expect(checkDetails({ title: ' The\n harbour  ', author: ' ', source: '', published: ' 2024-03-05 ' })).toEqual({
      ok: true,
      details: { title: 'The harbour', author: null, source: null, published: '2024-03-05' },
    });
    expect(checkDetails({ published: '' })).toEqual({ ok: true, details: { published: null } });
    expect(checkDetails({})).toEqual({ ok: true, details: {} });
  });

  it('names the field and the value that is wrong', () => {
    expect(checkDetails({ title: 'ok', published: '2024-02-30' })).toEqual({
      ok: false,
      problem: { field: 'published', message: 'details: published date "2024-02-30" is not a date (YYYY-MM-DD, or a full ISO 8601 time such as 2024-03-05T09:30:00Z)' },
    });
    expect(checkDetails({ title: ' \t' })).toEqual({ ok: false, problem: { field: 'title', message: 'details: the title cannot be empty' } });
    expect(checkDetails({ author: 'a'.repeat(1001) })).toEqual({ ok: false, problem: { field: 'author', message: 'details: the author has 1,001 characters; it may have at most 1,000' } });
  });
});

describe('a scan’s guesses to check', () => {
  const guessed = { title: 'Wall opens', published: '1989-11-10' };

  it('are those the article still carries until its details are saved or confirmed', () => {
    expect(guessesToCheck(guessed, { title: 'Wall opens', published: '1989-11-10' })).toEqual(guessed);
    expect(guessesToCheck(guessed, { title: 'Given at import', published: '1989-11-10' })).toEqual({ title: null, published: '1989-11-10' });
    expect(guessesToCheck(guessed, { title: 'Wall opens', published: null })).toEqual({ title: 'Wall opens', published: null });
    expect(guessesToCheck(guessed, { title: 'Wall opens', published: '1989-11-10', edited: '2026-01-01T00:00:00.000Z' })).toEqual({ title: null, published: null });
    expect(guessesToCheck({ title: null, published: null }, { title: 'Wall opens', published: '1989-11-10' })).toEqual({ title: null, published: null });
  });
});
