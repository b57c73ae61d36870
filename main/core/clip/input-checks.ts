/**
 * Checks made before anything is parsed, so that bad input fails fast with a message a
 * person can act on. Deliberately free of jsdom: the CLI uses these on stdin and files
 * without paying for loading the HTML parser.
 */

/** Largest input, in characters, that Cuttings clips (32 MiB); bigger is not an article. */
export const MAX_CLIP_BYTES = 32 * 1024 * 1024;

/** How much of a large input to scan for control characters: binary shows at once. */
const BINARY_SAMPLE_CHARS = 1 << 20;
/**
 * Share of odd characters (control characters, U+FFFD, a run of NULs counting once) above
 * which input is not text. Measured on this machine's files, decoded as Cuttings decodes a
 * file: 4,000 images, fonts, archives, libraries and compressed files all scored 0.089 or
 * more; 6,000 pages and texts of the shared corpora scored at most 0.022 (a short text with
 * a few undecodable bytes), nearly all 0.000. A run of NUL bytes counts once: crawled pages
 * carry runs of them inside normal HTML, and binary formats scatter them everywhere.
 */
const BINARY_RATIO = 0.05;
/** How far into the text to look for tags: HTML shows itself at once. */
const SNIFF_CHARS = 2048;

/**
 * The first bytes of binary formats whose contents can pass for text (a database of text
 * rows, an uncompressed archive of text files, a PDF without compressed streams), and of the
 * commonest others, as they read once decoded: a byte from 0x80 up as windows-1252 (and
 * Latin-1) read it, or as U+FFFD where UTF-8 decoding meets it before ASCII letters.
 */
/* eslint-disable no-control-regex -- the formats' first bytes are control characters */
const SIGNATURES: readonly { format: string; start: RegExp }[] = [
  { format: 'a SQLite database', start: /^SQLite format 3\0/u },
  { format: 'a PDF document', start: /^%PDF-/u },
  { format: 'a ZIP archive (or an Office or EPUB document)', start: /^PK\x03\x04/u },
  { format: 'an Office document', start: /^\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1/u },
  // The magic of a POSIX ("ustar\0") or GNU ("ustar  \0") header, after the 257 bytes of its
  // name, mode, owner, size, time, checksum, type and link: text with "ustar" at that place (a
  // "bustard", a "mustard") is text. The benchmark's millionth article found that.
  { format: 'a tar archive', start: /^[^]{257}ustar(?:\0| {2}\0)/u },
  { format: 'a program', start: /^\x7fELF/u },
  { format: 'a PNG image', start: /^[\x89\u2030\ufffd]PNG\r\n\x1a\n/u },
  { format: 'a JPEG image', start: /^\xff\xd8\xff/u },
  { format: 'a GIF image', start: /^GIF8[79]a/u },
  { format: 'a gzip file', start: /^\x1f[\x8b\u2039\ufffd]\x08/u },
];
/* eslint-enable no-control-regex */

/** True if the text has no non-whitespace character (scans only until it finds one). */
export function isBlank(text: string): boolean {
  return !/\S/.test(text);
}

/** A control character that is not white space: C0 but tab, line feed, form feed and CR; DEL; C1. */
function isStrayControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || (c >= 0x7f && c < 0xa0);
}

/**
 * Why the text is not text, or null when it is: `it is a SQLite database` when it starts as
 * a binary format does, `it looks like binary data` when more than 5% of its first MiB is odd
 * characters — control characters and U+FFFD, with a run of NUL bytes counting once. So a
 * page with a few stray bytes is text (see {@link withoutStrayBytes}), and an image is not.
 * `binaryReason('<p>Hi</p>\0\0\0')` → null.
 */
export function binaryReason(text: string): string | null {
  const head = text.slice(0, 512);
  for (const { format, start } of SIGNATURES) if (start.test(head)) return `it is ${format}`;
  const end = Math.min(text.length, BINARY_SAMPLE_CHARS);
  let odd = 0;
  let nuls = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) {
      nuls++;
      if (i === 0 || text.charCodeAt(i - 1) !== 0) odd++;
    } else if (c === 0xfffd || isStrayControl(c)) odd++;
  }
  const rest = end - nuls;
  if (rest === 0) return nuls > 0 ? 'it holds nothing but NUL bytes' : null;
  return odd > rest * BINARY_RATIO ? 'it looks like binary data' : null;
}

/**
 * The text without its stray bytes: control characters that are not white space (NUL and
 * the rest of C0, DEL, C1), which browsers do not show either. What was received is kept
 * whole as the capture's original; this is what is stored and searched as text.
 */
export function withoutStrayBytes(text: string): string {
  // eslint-disable-next-line no-control-regex -- these very characters are what it removes
  return /[\0-\x08\x0b\x0e-\x1f\x7f-\x9f]/u.test(text) ? text.replace(/[\0-\x08\x0b\x0e-\x1f\x7f-\x9f]+/gu, '') : text;
}

/**
 * True if the text starts, after white space, a BOM, comments and an XML declaration, with
 * `<!doctype html`, `<html`, `<head` or `<body`, or has block tags (`<p>`, `<div>`,
 * `<article>`…) early on. For input whose type nobody stated (stdin, a paste).
 * `looksLikeHtml('<p>Hi</p>')` → true; `looksLikeHtml('Hi')` → false.
 */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, SNIFF_CHARS).replace(/^\uFEFF/, '');
  const start = head.replace(/^(?:\s+|<!--[\s\S]*?-->|<\?xml[\s\S]*?\?>)*/, '');
  if (/^<(?:!doctype\s+html|html|head|body)[\s>/]/i.test(start)) return true;
  return /<(?:p|div|article|section|main|h[1-6]|table|ul|ol|br|title|meta)(?:\s[^<>]*)?\/?>/i.test(head);
}
