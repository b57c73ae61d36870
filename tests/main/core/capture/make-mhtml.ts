/** Builds a web archive like Chrome's "Webpage, single file", at test time, from a page's bytes. */
import { PNG } from '../fetch/test-server';

export function makeMhtml(html: Buffer, encoding: 'quoted-printable' | 'base64', url: string): Buffer {
  const boundary = '----MultipartBoundary--test1234----';
  const body = encoding === 'base64' ? (html.toString('base64').match(/.{1,76}/gu) ?? []).join('\r\n') : encodeQuotedPrintable(html);
  const lines = [
    'From: <Saved by Blink>',
    `Snapshot-Content-Location: ${url}`,
    'Subject: A page',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${boundary}"`,
    '',
    '',
    `--${boundary}`,
    'Content-Type: text/html; charset="utf-8"',
    `Content-Transfer-Encoding: ${encoding}`,
    `Content-Location: ${url}`,
    '',
    body,
    `--${boundary}`,
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    'Content-Location: https://example.org/pixel.png',
    '',
    PNG.toString('base64'),
    `--${boundary}--`,
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

/** Quoted-printable with soft breaks every 70 characters, as mail and Chrome write it. */
function encodeQuotedPrintable(bytes: Buffer): string {
  const out: string[] = [];
  let line = '';
  for (const [index, byte] of bytes.entries()) {
    // A blank at a line's end is encoded, or it would be taken for one added in transit.
    const next = bytes[index + 1];
    const blankAtEnd = (byte === 0x20 || byte === 0x09) && (next === undefined || next === 0x0a || next === 0x0d);
    if (byte === 0x0a) {
      out.push(`${line}\r`);
      line = '';
      continue;
    }
    if (byte === 0x0d) continue;
    const piece = blankAtEnd || byte === 0x3d || byte < 0x20 || byte > 0x7e ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(byte);
    if (line.length + piece.length > 72) {
      out.push(`${line}=\r`);
      line = '';
    }
    line += piece;
  }
  out.push(line);
  return out.join('\n');
}
