import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anchorOf, HIGHLIGHT_CONTEXT, locateHighlight } from '../../common/highlight-anchor';

const TEXT = 'Talks in Geneva ended late.\n\nThen Geneva again, and then   Geneva\nonce more.';

describe('locateHighlight', () => {
  it('finds a quote that occurs once', () => {
    const range = locateHighlight(TEXT, { quote: 'ended late' });
    expect(range).toEqual({ start: 16, end: 26 });
    expect(TEXT.slice(range!.start, range!.end)).toBe('ended late');
  });

  it('picks the occurrence whose prefix and suffix match, not the first', () => {
    const second = locateHighlight(TEXT, { quote: 'Geneva', prefix: '\n\nThen ', suffix: ' again' })!;
    expect(second.start).toBe(TEXT.indexOf('Then Geneva') + 5);
    const third = locateHighlight(TEXT, { quote: 'Geneva', prefix: 'and then ', suffix: ' once' })!;
    expect(third.start).toBe(TEXT.lastIndexOf('Geneva'));
    expect(locateHighlight(TEXT, { quote: 'Geneva' })!.start).toBe(TEXT.indexOf('Geneva'));
  });

  it('tolerates white space that differs between the quote and the text', () => {
    const range = locateHighlight(TEXT, { quote: '  then Geneva once   more ' })!;
    expect(TEXT.slice(range.start, range.end)).toBe('then   Geneva\nonce more');
    const across = locateHighlight(TEXT, { quote: 'late. Then' })!;
    expect(TEXT.slice(across.start, across.end)).toBe('late.\n\nThen');
    expect(locateHighlight('a\u00a0b', { quote: 'a b' })).toEqual({ start: 0, end: 3 });
  });

  it('answers null for a quote the text does not hold, and for a blank one', () => {
    expect(locateHighlight(TEXT, { quote: 'Lausanne' })).toBeNull();
    expect(locateHighlight(TEXT, { quote: 'geneva' })).toBeNull();
    expect(locateHighlight(TEXT, { quote: '  \n ' })).toBeNull();
    expect(locateHighlight('', { quote: 'x' })).toBeNull();
  });

  it('finds again every passage anchorOf describes, wherever it is and however often it repeats', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('ab', 'ab ', 'c', '\n', '  ', 'ab\nc'), { minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const start = a % text.length;
        const end = start + 1 + (b % (text.length - start));
        const anchor = anchorOf(text, { start, end });
        const range = locateHighlight(text, anchor);
        if (anchor.quote.trim() === '') return range === null;
        // The passage found is the selected one, give or take the white space at its edges.
        const trimmedStart = start + (anchor.quote.length - anchor.quote.trimStart().length);
        const trimmedEnd = end - (anchor.quote.length - anchor.quote.trimEnd().length);
        if (range!.start === trimmedStart) return range!.end === trimmedEnd;
        // Elsewhere only if that place cannot be told apart: the same words with the same
        // context around them (a run repeated further than HIGHLIGHT_CONTEXT reaches).
        const found = anchorOf(text, range!);
        const squeeze = (value: string) => value.replace(/\s+/gu, ' ').trim();
        return squeeze(found.quote) === squeeze(anchor.quote) && squeeze(found.prefix).endsWith(squeeze(anchor.prefix).slice(-8)) && squeeze(found.suffix).startsWith(squeeze(anchor.suffix).slice(0, 8));
      }),
    );
  });
});

describe('anchorOf', () => {
  it('keeps the passage and up to HIGHLIGHT_CONTEXT characters on each side', () => {
    const long = `${'x'.repeat(50)}QUOTE${'y'.repeat(50)}`;
    const anchor = anchorOf(long, { start: 50, end: 55 });
    expect(anchor).toEqual({ quote: 'QUOTE', prefix: 'x'.repeat(HIGHLIGHT_CONTEXT), suffix: 'y'.repeat(HIGHLIGHT_CONTEXT) });
    expect(anchorOf('Talks in Geneva.', { start: 9, end: 15 })).toEqual({ quote: 'Geneva', prefix: 'Talks in ', suffix: '.' });
  });
});
