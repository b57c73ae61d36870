// @vitest-environment jsdom
/** Highlighting marks exactly the words of a snippet that the search matched. */
import { describe, expect, it } from 'vitest';
import { focusOnMatch, highlightSnippet, matchedRanges } from '../../../renderer/helpers/highlight';

/** The snippet as HTML, to read what was marked. */
function marked(text: string, terms: string[], lead?: number): string {
  const box = document.createElement('div');
  box.append(highlightSnippet(text, terms, lead));
  return box.innerHTML;
}

describe('highlightSnippet', () => {
  it('marks the matched word whatever its case', () => {
    expect(marked('Sergei Lavrov assured his counterpart', ['lavrov'])).toBe('Sergei <mark>Lavrov</mark> assured his counterpart');
  });

  it('folds diacritics as the index does', () => {
    expect(marked('Voters in Zürich approved', ['zurich'])).toBe('Voters in <mark>Zürich</mark> approved');
  });

  it('marks only the matching part of a hyphenated word', () => {
    expect(marked('US-Russia talks', ['russia'])).toBe('US-<mark>Russia</mark> talks');
    expect(marked('US-Russia talks', ['us-russia'])).toBe('<mark>US-Russia</mark> talks');
  });

  it('marks a hyphenated word whole when its joined form matched', () => {
    expect(marked('New e-mail filters', ['email'])).toBe('New <mark>e-mail</mark> filters');
    expect(marked('State-of-the-art tools', ['stateoftheart'])).toBe('<mark>State-of-the-art</mark> tools');
  });

  it('marks only the matching part of an elided word', () => {
    expect(marked("L'élection présidentielle", ['election'])).toBe("L'<mark>élection</mark> présidentielle");
    expect(marked('Russia’s talks', ['russia'])).toBe('<mark>Russia</mark>’s talks');
  });

  it('reads a typographic apostrophe as a plain one', () => {
    expect(marked('I don’t expect', ["don't"])).toBe('I <mark>don’t</mark> expect');
  });

  it('does not mark a word that merely contains a term', () => {
    expect(marked('Lavrovian politics', ['lavrov'])).toBe('Lavrovian politics');
  });

  it('keeps markup in a snippet as text', () => {
    expect(marked('<img src=x onerror=alert(1)> Lavrov', ['lavrov'])).toBe(
      '&lt;img src=x onerror=alert(1)&gt; <mark>Lavrov</mark>',
    );
  });

  it('shortens the context before the first match when asked', () => {
    const text = 'The US secretary of state and the Russian foreign minister met. Lavrov said';
    expect(marked(text, ['lavrov'], 10)).toBe('…met. <mark>Lavrov</mark> said');
  });
});

describe('matchedRanges and focusOnMatch', () => {
  it('finds no ranges without terms', () => {
    expect(matchedRanges('Lavrov', [])).toEqual([]);
  });

  it('leaves a snippet whose match is near its start alone', () => {
    expect(focusOnMatch('Lavrov said', [{ start: 0 }], 10)).toBe('Lavrov said');
  });

  it('does not stack two ellipses', () => {
    const text = '…and the Russian foreign minister met for ninety minutes. Lavrov said';
    expect(focusOnMatch(text, matchedRanges(text, ['lavrov']), 20).startsWith('…ninety')).toBe(true);
  });
});
