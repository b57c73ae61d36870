import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../../main/core/clip/decode-html';

const latin1 = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'latin1'));
const utf8 = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'utf8'));

describe('decodeHtml', () => {
  it('reads a page in the encoding its <meta> declares', () => {
    expect(decodeHtml(latin1('<meta charset="iso-8859-1"><p>Grüße aus Tübingen</p>'))).toContain('Grüße aus Tübingen');
    expect(decodeHtml(latin1('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>café</p>'))).toContain('café');
  });

  it('reads UTF-8 pages, declared or not, and a byte-order mark wins', () => {
    expect(decodeHtml(utf8('<p>Grüße</p>'))).toBe('<p>Grüße</p>');
    expect(decodeHtml(utf8('<meta charset=utf-8><p>日本</p>'))).toContain('日本');
    expect(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<meta charset="iso-8859-1"><p>ü</p>')]))).toContain('<p>ü</p>');
  });

  it('reads undeclared bytes that are not UTF-8 as windows-1252, losing no letter', () => {
    expect(decodeHtml(latin1('<p>Müller</p>'))).toBe('<p>Müller</p>');
  });

  it('ignores a declared encoding it does not know', () => {
    expect(decodeHtml(utf8('<meta charset="x-unknown"><p>ä</p>'))).toContain('<p>ä</p>');
  });
});
