/**
 * A response read back from a WARC record as other tools store it: chunked, gzip, deflate
 * (zlib or raw), brotli, already decoded with the header kept, and a compression bomb stopped.
 */
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_DECODED_BYTES, parseHttpResponse } from '../../../../main/core/archive/http-block';
import { responseHead } from '../../../../main/core/archive/http-message';

const BODY = Buffer.from('<p>The fleet came home late.</p>'.repeat(40));
const response = (headers: string, body: Buffer) => Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\n${headers}\r\n`), body]);

describe('parseHttpResponse', () => {
  it('reads the status line and headers, in order', () => {
    const parsed = parseHttpResponse(response('Content-Type: text/html\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n', BODY));
    expect(parsed).toMatchObject({ httpVersion: '1.1', status: 200, statusText: 'OK', headers: [['Content-Type', 'text/html'], ['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']] });
    expect(parsed.body.equals(BODY)).toBe(true);
  });

  it('undoes chunking and every content encoding a server sends', () => {
    const chunked = Buffer.concat([Buffer.from(`10\r\n`), BODY.subarray(0, 16), Buffer.from(`\r\n${(BODY.length - 16).toString(16)};ext=1\r\n`), BODY.subarray(16), Buffer.from('\r\n0\r\n\r\n')]);
    expect(parseHttpResponse(response('Transfer-Encoding: chunked\r\n', chunked)).body.equals(BODY)).toBe(true);
    for (const [encoding, bytes] of [['gzip', gzipSync(BODY)], ['deflate', deflateSync(BODY)], ['deflate', deflateRawSync(BODY)], ['br', brotliCompressSync(BODY)]] as const) {
      expect(parseHttpResponse(response(`Content-Encoding: ${encoding}\r\n`, bytes)).body.equals(BODY)).toBe(true);
    }
    // Stored decoded with the header left in (some recorders do): the bytes are the body.
    expect(parseHttpResponse(response('Content-Encoding: gzip\r\n', BODY)).body.equals(BODY)).toBe(true);
  });

  it('reads back what Cuttings writes, whose encoding headers are renamed', () => {
    const head = responseHead({ httpVersion: '1.1', status: 200, statusText: 'OK', headers: [['Content-Encoding', 'gzip'], ['Content-Length', '99']] }, BODY.length);
    const parsed = parseHttpResponse(Buffer.concat([head, BODY]));
    expect(parsed.headers).toEqual([['X-Cuttings-Orig-Content-Encoding', 'gzip'], ['X-Cuttings-Orig-Content-Length', '99'], ['Content-Length', String(BODY.length)]]);
    expect(parsed.body.equals(BODY)).toBe(true);
  });

  it('stops a compression bomb, and names what it cannot read', () => {
    const bomb = gzipSync(Buffer.alloc(MAX_DECODED_BYTES + 1024));
    expect(() => parseHttpResponse(response('Content-Encoding: gzip\r\n', bomb))).toThrow(`its body decodes to more than ${MAX_DECODED_BYTES / 1024 ** 2} MB`);
    expect(() => parseHttpResponse(response('Content-Encoding: zstd\r\n', BODY))).toThrow('its body is encoded with zstd, which Cuttings cannot decode');
    expect(() => parseHttpResponse(Buffer.from('<html>no head'))).toThrow('its HTTP head has no end');
    expect(() => parseHttpResponse(Buffer.from('GET / HTTP/1.1\r\n\r\n'))).toThrow('its first line is not an HTTP status line ("GET / HTTP/1.1")');
  });
});
