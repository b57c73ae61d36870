import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleFileName, MAX_NAME_BYTES, safeFileStem } from '../../../../main/core/export/safe-file-name';

describe('file names made from titles', () => {
  it('drop what Windows, macOS or Linux refuse, and stay short (any title)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (title) => {
        const stem = safeFileStem(title);
        expect(stem).not.toMatch(/[<>:"/\\|?*\p{Cc}]/u);
        expect(stem).not.toMatch(/[. ]$/u);
        expect(stem).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/iu);
        expect(stem.length).toBeGreaterThan(0);
        expect(Buffer.byteLength(stem, 'utf8')).toBeLessThanOrEqual(MAX_NAME_BYTES + 1);
        expect(stem).toBe(stem.normalize('NFC'));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a readable title, and names reserved devices and empty titles safely', () => {
    expect(safeFileStem('Talks: what next? <Geneva/Paris>')).toBe('Talks- what next- -Geneva-Paris-');
    expect(safeFileStem('CON')).toBe('_CON');
    expect(safeFileStem('nul.txt')).toBe('_nul.txt');
    expect(safeFileStem('...')).toBe('untitled');
    expect(safeFileStem('Ends with dots...')).toBe('Ends with dots');
    expect(safeFileStem('東京'.repeat(100))).toHaveLength(40);
    expect(articleFileName('Zürich votes', '01JH3V5Q7M0X2K9T4B6N8C1D2E', 'md')).toBe('Zürich votes 01JH3V5Q7M0X2K9T4B6N8C1D2E.md');
  });
});
