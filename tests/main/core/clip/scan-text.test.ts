// A scan's reader HTML: each word in a numbered span, doubtful words marked for checking, a
// word joined across a line break one span, paragraphs kept, and markup in the text escaped.
import { describe, expect, it } from 'vitest';
import { clipScanText, DOUBTFUL_CONFIDENCE } from '../../../../main/core/clip/scan-text';

describe('scan text', () => {
  it('numbers the words, marks the doubtful ones and keeps paragraphs', () => {
    const text = 'Docks <budget>\n\nThe recognised unions';
    const words = [
      { start: 0, end: 5, confidence: 95 },
      { start: 6, end: 14, confidence: DOUBTFUL_CONFIDENCE - 1 },
      { start: 16, end: 19, confidence: 96 },
      // "recog-" and "nised": two words of the scan, one word of the text.
      { start: 20, end: 30, confidence: 90 },
      { start: 20, end: 30, confidence: 90 },
      { start: 31, end: 37, confidence: 91 },
    ];
    const clipped = clipScanText(text, words, undefined, 'scan.jpg');
    expect(clipped.title).toBe('Docks <budget>');
    expect(clipped.text).toBe(text);
    expect(clipped.html).toBe(
      '<p><span data-w="0">Docks</span> <span data-w="1" class="ocr-doubt">&#60;budget&#62;</span></p>\n<p><span data-w="2">The</span> <span data-w="3">recognised</span> <span data-w="5">unions</span></p>',
    );
  });

  it('refuses an empty recognition, naming the file', () => {
    expect(() => clipScanText('  ', [], undefined, 'blank.jpg')).toThrow('clip: no text was recognised in blank.jpg');
  });
});
