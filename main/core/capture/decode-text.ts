/**
 * Bytes to text for web pages and files: the encoding a page declares (BOM first, then the
 * HTTP charset, then `<meta charset>` near the top as browsers do); with no declaration,
 * UTF-8 if the bytes are valid UTF-8, else windows-1252 (the web's commonest legacy
 * encoding: many older German, French and Chinese pages declare nothing and read as U+FFFD
 * soup in UTF-8). Invalid bytes in a declared encoding become U+FFFD rather than failing: a
 * page with one bad byte is still a page, and its declaration is likelier right than a guess.
 *
 * One exception: a `<meta>` that names a single-byte encoding (ISO-8859-1, windows-1252…) over
 * bytes that are valid UTF-8 with letters beyond ASCII. A page saved to a file keeps its
 * `<meta>` but loses the HTTP header, which a browser obeys over the `<meta>`; servers that
 * send UTF-8 under a stale Latin-1 template say so in the header. Text really written in a
 * single-byte encoding is practically never valid UTF-8 (an accented letter followed by a
 * plain one is not), so such bytes are UTF-8. Of the L3S-GN1 news pages, 111 of the 263 that
 * declare ISO-8859-1 are such pages; read as Latin-1 they show "RÃ¼cker" for "Rücker".
 */

/**
 * How far into a page to look for `<meta charset>`: the HTML standard scans 1024 bytes, but
 * some CMSs put two or three kilobytes of scripts first.
 */
const META_SNIFF_BYTES = 4096;

/**
 * Decodes a page's bytes. `declared` is the HTTP `charset` parameter, if any.
 * `decodeText(Buffer.from([0xa3]), 'iso-8859-1')` → `'£'`.
 */
export function decodeText(bytes: Uint8Array, declared: string | null = null, sniffHtml = true): string {
  const fromBom = bomEncoding(bytes);
  const fromMeta = !fromBom && !usable(declared) && sniffHtml ? usable(metaCharset(bytes)) : null;
  const label =
    fromBom ?? usable(declared) ?? (fromMeta && !(isSingleByte(fromMeta) && isUtf8BeyondAscii(bytes)) ? fromMeta : null) ?? undeclared(bytes);
  if (label === 'windows-1252') return decodeWindows1252(bytes);
  // The BOM itself is dropped (TextDecoder does so for the encoding it names).
  return new TextDecoder(label).decode(bytes);
}

/**
 * What bytes 0x80–0x9F mean in windows-1252, which the web reads `iso-8859-1` and `ascii` as
 * too. Node 20's TextDecoder decodes them as C1 control characters instead, losing every
 * curly quote and dash of an old Western page; undefined bytes stay as they are.
 */
const WINDOWS_1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/gu, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** Encodings of one byte a character, which a stale `<meta>` names over UTF-8 bytes. */
function isSingleByte(label: string): boolean {
  return /^(?:windows-125\d|iso-8859-\d+|us-ascii|ascii|macintosh|koi8-[ru])$/.test(label);
}

/** True if the bytes are valid UTF-8 and hold at least one character beyond ASCII. */
function isUtf8BeyondAscii(bytes: Uint8Array): boolean {
  if (!bytes.some((byte) => byte >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding of bytes that declare none: UTF-16 when they are UTF-16 without its BOM, else
 * UTF-8 if they are valid UTF-8, else windows-1252.
 */
function undeclared(bytes: Uint8Array): string {
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return utf16;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** How many bytes from the start tell UTF-16 without a BOM. */
const UTF16_SNIFF_BYTES = 4096;

/**
 * `utf-16le` or `utf-16be` for UTF-16 text that lost its BOM (a converted file, a copy made
 * by a tool that dropped it): in most pairs of bytes one is NUL (the high byte of a Latin
 * letter), always on the same side. A run of NULs inside a page is NUL on both sides and
 * counts for neither; UTF-8 and windows-1252 text has no NULs between its letters.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const end = Math.min(bytes.length, UTF16_SNIFF_BYTES) & ~1;
  if (end < 8) return null;
  let little = 0;
  let big = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] !== 0 && bytes[i + 1] === 0) little++;
    else if (bytes[i] === 0 && bytes[i + 1] !== 0) big++;
  }
  const pairs = end / 2;
  if (little > pairs * 0.4 && big < pairs * 0.02) return 'utf-16le';
  if (big > pairs * 0.4 && little < pairs * 0.02) return 'utf-16be';
  return null;
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** The label if TextDecoder knows it; pages declare all sorts. */
function usable(label: string | null): string | null {
  if (!label) return null;
  try {
    const encoding = new TextDecoder(label).encoding;
    // A page that says UTF-16 in a <meta> is not (it could not be read as ASCII to find it).
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return null;
  }
}

/** `<meta charset="x">` or `<meta http-equiv="Content-Type" content="…; charset=x">`. */
function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, META_SNIFF_BYTES)).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}
