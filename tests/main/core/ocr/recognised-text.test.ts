// From the engine's words to the article's text: paragraphs, words broken at a line's end
// joined again, compounds kept, a paragraph running on into the next column kept whole, and
// every word's characters pointing into the text.
import { describe, expect, it } from 'vitest';
import { joinsAcrossLines, pageText } from '../../../../main/core/ocr/recognised-text';
import type { EngineWord } from '../../../../main/core/ocr/tesseract-engine';

/** Words laid out as lines of a block: each line a string, x by word order, y by line. */
function block(lines: string[], block: number, x: number, y = 0, size = 30): EngineWord[] {
  return lines.flatMap((line, l) =>
    line.split(' ').map((text, w) => ({ text, confidence: 90, x0: x + w * 60, y0: y + l * 50, x1: x + w * 60 + 50, y1: y + l * 50 + size, block, paragraph: 0, line: l })),
  );
}

describe('recognised text', () => {
  it('joins a word broken at a line end and keeps compounds and capitals hyphenated', () => {
    const { text } = pageText(block(['The recog-', 'nised unions are well-', 'known in Anglo-', 'French ports.'], 0, 0), 20);
    expect(text).toBe('The recognised unions are well-known in Anglo-French ports.');
  });

  it('keeps a hyphen the page writes mid-line elsewhere', () => {
    expect(joinsAcrossLines('low-', 'paid', () => false)).toBe(false);
    expect(joinsAcrossLines('sea-', 'side', (compound) => compound === 'sea-side')).toBe(false);
    expect(joinsAcrossLines('sea-', 'side', () => false)).toBe(true);
  });

  it('reads columns one after another and keeps a paragraph that runs on into the next', () => {
    const words = [
      ...block(['Headline over all'], 0, 0, 0, 60),
      ...block(['first column begins', 'and runs on'], 1, 0, 100),
      ...block(['into the second.', 'Its end.'], 2, 400, 100),
    ];
    const { text, words: placed } = pageText(words, 20);
    expect(text).toBe('Headline over all\n\nfirst column begins and runs on into the second. Its end.');
    for (const word of placed) expect(text.slice(word.start, word.end)).toBe(word.text);
  });
});
