/**
 * Reads a web archive (.mhtml/.mht, as Chrome and Edge save "Webpage, single file"): a MIME
 * multipart/related message whose parts are the page and its resources, each with its own
 * Content-Type, Content-Transfer-Encoding (quoted-printable, base64, 7bit/8bit/binary) and
 * Content-Location. The page is the first text/html part (or the one the `start` parameter
 * names); its address is the part's Content-Location.
 */
import { CuttingsError } from '../../../common/errors';
import { decodeText } from './decode-text';

/** One part of the archive, decoded. */
export interface MhtmlPart {
  contentType: string;
  charset: string | null;
  location: string | null;
  contentId: string | null;
  body: Buffer;
}

/** The page in an archive and everything else it holds. */
export interface MhtmlPage {
  /** The page's HTML, decoded in its charset. */
  html: string;
  /** The address it was saved from, if the archive says. */
  url: string | null;
  parts: MhtmlPart[];
}

/** Parses an .mhtml file's bytes. `name` is used in error messages. */
export function parseMhtml(bytes: Uint8Array, name: string): MhtmlPage {
  // latin1 maps each byte to one character and back, so binary parts survive the string work.
  const source = Buffer.from(bytes).toString('latin1');
  const { headers, body } = splitHeaders(source);
  const type = headers.get('content-type') ?? '';
  if (!/^multipart\//iu.test(type)) {
    throw new CuttingsError('bad-content', `mhtml: ${name} is not a web archive (its Content-Type is ${type ? JSON.stringify(type) : 'missing'}, not multipart/related)`);
  }
  const boundary = parameter(type, 'boundary');
  if (!boundary) throw new CuttingsError('bad-content', `mhtml: ${name} has no MIME boundary in its Content-Type`);
  const start = parameter(type, 'start');

  const parts: MhtmlPart[] = [];
  const delimiter = `--${boundary}`;
  const pieces = body.split(delimiter);
  // pieces[0] is the preamble; a piece starting with "--" is the closing delimiter's tail.
  for (const piece of pieces.slice(1)) {
    if (piece.startsWith('--')) break;
    const part = splitHeaders(piece.replace(/^[ \t]*\r?\n/u, ''));
    const contentType = part.headers.get('content-type') ?? 'text/plain';
    parts.push({
      contentType: contentType.split(';')[0]!.trim().toLowerCase(),
      charset: parameter(contentType, 'charset')?.toLowerCase() ?? null,
      location: part.headers.get('content-location')?.trim() ?? null,
      contentId: part.headers.get('content-id')?.trim() ?? null,
      body: decodeTransfer(part.body.replace(/\r?\n$/u, ''), part.headers.get('content-transfer-encoding')),
    });
  }
  const page =
    (start ? parts.find((part) => part.contentId === start) : undefined) ??
    parts.find((part) => part.contentType === 'text/html' || part.contentType === 'application/xhtml+xml');
  if (!page) throw new CuttingsError('bad-content', `mhtml: ${name} holds no HTML page (${parts.length} parts, none text/html)`);
  const url = page.location ?? headers.get('snapshot-content-location')?.trim() ?? null;
  return { html: decodeText(page.body, page.charset), url: url && /^https?:/iu.test(url) ? url : null, parts };
}

/** Splits RFC 822 headers (with folded lines) from the body at the first blank line. */
function splitHeaders(text: string): { headers: Map<string, string>; body: string } {
  const match = /\r?\n\r?\n/u.exec(text);
  const head = match ? text.slice(0, match.index) : text;
  const body = match ? text.slice(match.index + match[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/gu, ' ').split(/\r?\n/u)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** A parameter of a header value: `parameter('text/html; charset="utf-8"', 'charset')` → `'utf-8'`. */
function parameter(value: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'iu').exec(value);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** Undoes a part's Content-Transfer-Encoding; `text` holds one byte per character. */
function decodeTransfer(text: string, encoding: string | undefined): Buffer {
  const name = (encoding ?? '7bit').trim().toLowerCase();
  if (name === 'base64') return Buffer.from(text.replace(/[^A-Za-z0-9+/=]/gu, ''), 'base64');
  if (name === 'quoted-printable') return decodeQuotedPrintable(text);
  return Buffer.from(text, 'latin1');
}

/** Quoted-printable (RFC 2045): `=XX` is a byte, `=` at a line's end joins it to the next. */
export function decodeQuotedPrintable(text: string): Buffer {
  // Trailing blanks at a hard line end were added in transit (RFC 2045 §6.7 rule 3); those
  // before a soft break ("=" at the end) are the text's own.
  const joined = text.replace(/[ \t]+(?=\r?\n)/gu, '').replace(/=\r?\n/gu, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const c = joined[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/u.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(joined.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}
