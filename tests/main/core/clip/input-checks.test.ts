import { describe, expect, it } from 'vitest';
import { binaryReason, isBlank, looksLikeHtml, withoutStrayBytes } from '../../../../main/core/clip/input-checks';

describe('looksLikeHtml', () => {
  it('recognises documents by their start', () => {
    expect(looksLikeHtml('\uFEFF  <!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('<!-- saved from url=(0042)https://x.example/ -->\n<html lang="en">')).toBe(true);
    expect(looksLikeHtml('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">')).toBe(true);
    expect(looksLikeHtml('<head><title>x</title></head>')).toBe(true);
    expect(looksLikeHtml('<body>')).toBe(true);
  });

  it('recognises fragments by block tags early on', () => {
    expect(looksLikeHtml('Some intro <p class="lead">text</p>')).toBe(true);
    expect(looksLikeHtml('<div>\n<article>')).toBe(true);
  });

  it('does not mistake plain text for HTML', () => {
    expect(looksLikeHtml('US-Russia talks on Ukraine\n\nLavrov said 3 < 4 and <that> is all.')).toBe(false);
    expect(looksLikeHtml('HTML <html> is how pages start, a reader said.')).toBe(false);
    expect(looksLikeHtml('')).toBe(false);
  });
});

describe('binaryReason', () => {
  it('flags control-character noise and U+FFFD soup, but not text', () => {
    expect(binaryReason('\u0001\u0002\u0003\u0004\u0005abcdefgh')).toBe('it looks like binary data');
    expect(binaryReason('\uFFFD\uFFFDab')).toBe('it looks like binary data');
    expect(binaryReason('Text with tabs\tand\r\nline ends and ünïcödé and a stray \uFFFD in a long enough line.')).toBeNull();
    expect(binaryReason('')).toBeNull();
  });

  it('takes a page with a run of NUL bytes, or a few stray ones, for text', () => {
    const page = `<html><body><p>${'A crawled paragraph of the article. '.repeat(40)}</p>${'\0'.repeat(4096)}<p>More of it.</p></body></html>`;
    expect(binaryReason(page)).toBeNull();
    expect(binaryReason('abc\0def and some words after the stray byte')).toBeNull();
  });

  it('refuses scattered NULs and a text of nothing but NULs', () => {
    expect(binaryReason('a\0b\0c\0d\0e\0f\0g\0h\0')).toBe('it looks like binary data');
    expect(binaryReason('\0'.repeat(100))).toBe('it holds nothing but NUL bytes');
  });

  it('names binary formats by their first bytes, however they were decoded', () => {
    expect(binaryReason(`SQLite format 3\0${'CREATE TABLE notes(text) '.repeat(20)}`)).toBe('it is a SQLite database');
    expect(binaryReason(`%PDF-1.4\n${'BT /F1 12 Tf (Some words) Tj ET\n'.repeat(20)}`)).toBe('it is a PDF document');
    expect(binaryReason(`PK\x03\x04${'story.txt plain words '.repeat(20)}`)).toBe('it is a ZIP archive (or an Office or EPUB document)');
    expect(binaryReason(`${'\0'.repeat(257)}ustar\x0000${'words '.repeat(20)}`)).toBe('it is a tar archive');
    expect(binaryReason(`${'\0'.repeat(257)}ustar  \0${'words '.repeat(20)}`)).toBe('it is a tar archive');
    // PNG's first byte as windows-1252 reads it, and as UTF-8 decoding leaves it.
    expect(binaryReason(`\u2030PNG\r\n\x1a\n${'words '.repeat(20)}`)).toBe('it is a PNG image');
    expect(binaryReason(`\uFFFDPNG\r\n\x1a\n${'words '.repeat(20)}`)).toBe('it is a PNG image');
    // Text with "ustar" where a tar header has its magic is text.
    const shop = `${'The farm shop sold honey, eggs and jam. '.repeat(7)}`.slice(0, 256);
    const mustard = `${shop}mustard and cress were sold out by noon.`;
    expect(mustard.slice(257, 262)).toBe('ustar');
    expect(binaryReason(mustard)).toBeNull();
    // Text in a script of its own is not mistaken for a format whose bytes are all high.
    expect(binaryReason('北京天安门广场的新闻报道')).toBeNull();
  });
});

describe('withoutStrayBytes', () => {
  it('drops control characters but keeps white space and every other character', () => {
    expect(withoutStrayBytes('a\0\0b\x01c\x7fd\x85e\tf\ng\rh\fi ünï \uFFFD')).toBe('abcde\tf\ng\rh\fi ünï \uFFFD');
    const clean = 'Nothing to drop.';
    expect(withoutStrayBytes(clean)).toBe(clean);
  });
});

describe('isBlank', () => {
  it('is true only for white space', () => {
    expect(isBlank(' \n\t\u00a0')).toBe(true);
    expect(isBlank(' x ')).toBe(false);
  });
});
