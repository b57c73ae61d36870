import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../main/core/capture/decode-text';

describe('decodeText', () => {
  it('uses the charset the server declared', () => {
    expect(decodeText(Buffer.from([0x50, 0xa3]), 'iso-8859-1')).toBe('P£');
  });

  it('reads iso-8859-1 as windows-1252, as browsers do, so curly quotes and dashes survive', () => {
    expect(decodeText(Buffer.from([0x93, 0x51, 0x94, 0x20, 0x96, 0x20, 0x80, 0x81]), 'iso-8859-1')).toBe('“Q” – €\x81');
  });

  it('finds <meta charset> in the first KiB when the server said nothing', () => {
    const page = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body>'), Buffer.from([0x93, 0x48, 0x69, 0x94])]);
    expect(decodeText(page)).toContain('“Hi”');
    const equiv = Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">'), Buffer.from([0xa4])]);
    expect(decodeText(equiv).endsWith('€')).toBe(true);
  });

  it('lets a byte order mark win, and drops it', () => {
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69]), 'iso-8859-1')).toBe('hi');
    expect(decodeText(Buffer.from([0xff, 0xfe, 0x68, 0x00]))).toBe('h');
  });

  it('falls back to UTF-8 for an unknown label, and for a <meta> that claims UTF-16', () => {
    expect(decodeText(Buffer.from('Zürich'), 'x-no-such-charset')).toBe('Zürich');
    expect(decodeText(Buffer.from('<meta charset="utf-16"><p>Zürich</p>'))).toContain('Zürich');
  });

  it('reads plain text as UTF-8 without looking for <meta>', () => {
    expect(decodeText(Buffer.from('<meta charset="iso-8859-1"> Zürich'), null, false)).toBe('<meta charset="iso-8859-1"> Zürich');
  });
});

const latin1 = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'latin1'));
const utf8 = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'utf8'));

describe('decodeText on pages read from files (no HTTP charset)', () => {
  it('reads a page in the encoding its <meta> declares', () => {
    expect(decodeText(latin1('<meta charset="iso-8859-1"><p>Grüße aus Tübingen</p>'))).toContain('Grüße aus Tübingen');
    expect(decodeText(latin1('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>café</p>'))).toContain('café');
  });

  it('reads UTF-8 pages, declared or not, and a byte-order mark wins', () => {
    expect(decodeText(utf8('<p>Grüße</p>'))).toBe('<p>Grüße</p>');
    expect(decodeText(utf8('<meta charset=utf-8><p>日本</p>'))).toContain('日本');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<meta charset="iso-8859-1"><p>ü</p>')]))).toContain('<p>ü</p>');
  });

  it('reads undeclared bytes that are not UTF-8 as windows-1252, losing no letter', () => {
    expect(decodeText(latin1('<p>Müller</p>'))).toBe('<p>Müller</p>');
  });

  it('reads valid UTF-8 as UTF-8 under a <meta> that names Latin-1 (a saved page that lost its HTTP header)', () => {
    expect(decodeText(utf8('<meta charset="iso-8859-1"><p>Joachim Rücker’s report</p>'))).toContain('Joachim Rücker’s report');
    expect(decodeText(utf8('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>café</p>'))).toContain('café');
    // The server's own word still wins, and plain ASCII under the <meta> changes nothing.
    expect(decodeText(utf8('<p>café</p>'), 'iso-8859-1')).toBe('<p>cafÃ©</p>');
    expect(decodeText(latin1('<meta charset="iso-8859-1"><p>caf\xe9</p>'))).toContain('café');
  });

  it('ignores a declared encoding it does not know', () => {
    expect(decodeText(utf8('<meta charset="x-unknown"><p>ä</p>'))).toContain('<p>ä</p>');
  });
});

describe('decodeText on UTF-16 that lost its byte-order mark', () => {
  it('reads it as UTF-16 by where its NUL bytes fall, little- or big-endian', () => {
    const text = 'Wrong and unnecessary\r\n\r\nby John on July 7, 2012. Zürich.';
    expect(decodeText(Uint8Array.from(Buffer.from(text, 'utf16le')), null, false)).toBe(text);
    expect(decodeText(Uint8Array.from(Buffer.from(text, 'utf16le').swap16()), null, false)).toBe(text);
  });

  it('leaves a page with a run of NULs inside it to UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('<p>Grüße aus Tübingen</p>'), Buffer.alloc(64), Buffer.from('<p>Ende</p>')]);
    expect(decodeText(bytes)).toBe(`<p>Grüße aus Tübingen</p>${'\0'.repeat(64)}<p>Ende</p>`);
  });
});
