// The languages a scan is recognised in: as the user writes them, refused by name when
// Cuttings has no data, the defaults from the system and the library, and the data read
// from the npm packages.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultOcrLanguages, languageDataPath, libraryLanguages, parseOcrLanguages } from '../../../../main/core/ocr/ocr-languages';

describe('OCR languages', () => {
  it('reads deu+eng, de,en and eng alike, keeping the order', () => {
    expect(parseOcrLanguages('deu+eng')).toEqual(['deu', 'eng']);
    expect(parseOcrLanguages('de, en')).toEqual(['deu', 'eng']);
    expect(parseOcrLanguages('ENG')).toEqual(['eng']);
  });

  it('refuses a language it has no data for', () => {
    expect(() => parseOcrLanguages('eng+ukr')).toThrow('ocr: no language data for "ukr"; Cuttings recognises eng (English), deu (German), fra (French), spa (Spanish)');
  });

  it('defaults to the system’s language, then the library’s, with English', () => {
    expect(defaultOcrLanguages([], 'de-DE')).toEqual(['deu', 'eng']);
    expect(defaultOcrLanguages(libraryLanguages(new Map([['es', 1], ['fr', 2]])), 'en-GB')).toEqual(['eng', 'fra']);
    expect(defaultOcrLanguages(['xx'], 'ja-JP')).toEqual(['eng']);
  });

  it('finds every language’s data in its npm package', () => {
    for (const code of ['eng', 'deu', 'fra', 'spa'] as const) {
      const path = languageDataPath(code);
      expect(path).toMatch(new RegExp(`node_modules/@tesseract.js-data/${code}/4.0.0_best_int/${code}.traineddata.gz$`, 'u'));
      expect(existsSync(path)).toBe(true);
    }
  });
});
