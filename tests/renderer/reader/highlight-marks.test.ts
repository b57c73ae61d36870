// @vitest-environment jsdom
/** Drawing highlights in the reader document: the quote found white space aside, the right one of two, across elements. */
import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../../common/article';
import { findQuote, highlightMarkId, markHighlights } from '../../../renderer/reader/highlight-marks';

const highlight = (id: string, quote: string, prefix = '', suffix = '', comment = ''): Highlight => ({ id, quote, prefix, suffix, comment, created: '2026-01-01T00:00:00.000Z' });

describe('findQuote', () => {
  it('picks the occurrence whose surroundings match the prefix and suffix', () => {
    const text = 'one two. one three.';
    expect(findQuote(text, { quote: 'one', prefix: 'two. ', suffix: ' three' })).toEqual({ start: 9, end: 12 });
    expect(findQuote(text, { quote: 'one', prefix: '', suffix: ' two' })).toEqual({ start: 0, end: 3 });
  });

  it('ignores white space on both sides, and is null for a quote not there', () => {
    expect(findQuote('a\n\nb  c', { quote: 'a b c', prefix: '', suffix: '' })).toEqual({ start: 0, end: 7 });
    expect(findQuote('abc', { quote: 'x', prefix: '', suffix: '' })).toBeNull();
    expect(findQuote('abc', { quote: '  ', prefix: '', suffix: '' })).toBeNull();
  });
});

describe('markHighlights', () => {
  it('wraps a quote that spans paragraphs and inline elements, leaving the space between blocks alone', () => {
    const doc = new DOMParser().parseFromString('<p>The talks <b>ended</b> early.</p>\n<p>Next came lunch.</p>', 'text/html');
    const result = markHighlights(doc, [highlight('h1', 'ended early. Next came', '', '', 'why?')]);
    expect(result.missing).toEqual([]);
    expect(result.drawn.get('h1')).toBe(1);
    const marks = [...doc.querySelectorAll('mark.cuttings-highlight')];
    expect(marks.map((mark) => mark.textContent)).toEqual(['ended', ' early.', 'Next came']);
    expect(marks[0]!.id).toBe(highlightMarkId(1));
    expect(marks[1]!.id).toBe('');
    expect(marks.every((mark) => mark.getAttribute('title') === 'why?' && mark.getAttribute('data-highlight') === 'h1')).toBe(true);
    expect(doc.body.textContent).toBe('The talks ended early.\nNext came lunch.');
  });

  it('draws the second of two same phrases by its context, and reports a quote that is gone', () => {
    const doc = new DOMParser().parseFromString('<p>two hours, then two hours more</p>', 'text/html');
    const result = markHighlights(doc, [highlight('a', 'two hours', 'then ', ' more'), highlight('b', 'not in the text')]);
    expect(result.missing.map((h) => h.id)).toEqual(['b']);
    expect(doc.body.innerHTML).toBe('<p>two hours, then <mark class="cuttings-highlight" data-highlight="a" id="cuttings-highlight-1">two hours</mark> more</p>');
  });

  it('takes the id prefix away from the article’s own elements', () => {
    const doc = new DOMParser().parseFromString('<p id="cuttings-highlight-1">x</p>', 'text/html');
    markHighlights(doc, []);
    expect(doc.querySelector('p')?.id).toBe('');
  });
});
