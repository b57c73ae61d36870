import { describe, expect, it } from 'vitest';
import { isBlank, looksLikeBinary, looksLikeHtml } from '../../../../main/core/clip/input-checks';

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

describe('looksLikeBinary', () => {
  it('flags NUL bytes and control-character noise but not text', () => {
    expect(looksLikeBinary('abc\0def')).toBe(true);
    expect(looksLikeBinary('\u0001\u0002\u0003\u0004\u0005abcdefgh')).toBe(true);
    expect(looksLikeBinary('\uFFFD\uFFFDab')).toBe(true);
    expect(looksLikeBinary('Text with tabs\tand\r\nline ends and ünïcödé and a stray \uFFFD in a long enough line.')).toBe(false);
    expect(looksLikeBinary('')).toBe(false);
  });
});

describe('isBlank', () => {
  it('is true only for white space', () => {
    expect(isBlank(' \n\t\u00a0')).toBe(true);
    expect(isBlank(' x ')).toBe(false);
  });
});
