import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeQuotedPrintable, parseMhtml } from '../../../../main/core/capture/mhtml';
import { SHARED } from '../../../paths';
import { makeMhtml } from './make-mhtml';

const guardian = readFileSync(join(SHARED, 'corpora', 'readability-pages', 'guardian-1', 'source.html'));

describe('parseMhtml', () => {
  it('finds the page in a quoted-printable archive, with its address, and decodes it in its charset', () => {
    const page = parseMhtml(makeMhtml(guardian, 'quoted-printable', 'https://www.theguardian.com/whales'), 'whales.mhtml');
    expect(page.url).toBe('https://www.theguardian.com/whales');
    // Quoted-printable carries line ends as CRLF, MIME's canonical form.
    expect(page.html.replace(/\r\n/gu, '\n') === guardian.toString('utf8').replace(/\r\n/gu, '\n')).toBe(true);
    expect(page.parts.map((part) => part.contentType)).toEqual(['text/html', 'image/png']);
    expect(page.parts[1]!.body.subarray(0, 4).toString('latin1')).toBe('\x89PNG');
  });

  it('reads a base64 page just as well', () => {
    expect(parseMhtml(makeMhtml(guardian, 'base64', 'https://x.example/a'), 'a.mhtml').html === guardian.toString('utf8')).toBe(true);
  });

  it('refuses a file that is not a web archive, naming it', () => {
    expect(() => parseMhtml(Buffer.from('<html></html>'), 'page.mhtml')).toThrow('mhtml: page.mhtml is not a web archive (its Content-Type is missing, not multipart/related)');
  });

  it('refuses an archive without an HTML page', () => {
    const archive = Buffer.from('Content-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n');
    expect(() => parseMhtml(archive, 'pictures.mhtml')).toThrow('mhtml: pictures.mhtml holds no HTML page (1 parts, none text/html)');
  });
});

describe('decodeQuotedPrintable', () => {
  it('decodes escaped bytes and joins soft line breaks', () => {
    expect(decodeQuotedPrintable('M=C4=81ori tribes =\r\nfear =3D whales  \r\nend').toString('utf8')).toBe('Māori tribes fear = whales\r\nend');
  });
});
