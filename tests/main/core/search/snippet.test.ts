import { describe, expect, it } from 'vitest';
import { makeSnippet } from '../../../../main/core/search/snippet';

const TEXT =
  'Russian Foreign Minister Sergei Lavrov assured his US counterpart, Anthony Blinken, at the beginning of the talks considered crucial to defusing the Ukrainian crisis, that he does not expect a turning point. ' +
  'As they sat face to face, Blinken promised a united, swift and firm response if Russia invaded Ukraine.';

describe('makeSnippet', () => {
  it('shows the text around the first matching word, cut at word boundaries', () => {
    const snippet = makeSnippet(TEXT, ['invaded']);
    expect(snippet).toContain('invaded');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(230);
    const firstWord = snippet.slice(1).split(' ')[0]!;
    expect(TEXT).toContain(` ${firstWord} `);
  });

  it('matches folded terms: case and diacritics', () => {
    expect(makeSnippet('Der Bürgermeister von Zürich sprach.', ['zurich'])).toContain('Zürich');
  });

  it('starts at the beginning when nothing matches', () => {
    expect(makeSnippet(TEXT, ['absent']).startsWith('Russian Foreign Minister')).toBe(true);
  });
});
