/**
 * Checks made before anything is parsed, so that bad input fails fast with a message a
 * person can act on. Deliberately free of jsdom: the CLI uses these on stdin and files
 * without paying for loading the HTML parser.
 */

/** Largest input, in characters, that Cuttings clips (32 MiB); bigger is not an article. */
export const MAX_CLIP_BYTES = 32 * 1024 * 1024;

/** How much of a large input to scan for control characters: binary shows at once. */
const BINARY_SAMPLE_CHARS = 1 << 20;
/** Share of control or replacement characters above which input is not text. */
const BINARY_RATIO = 0.1;
/** How far into the text to look for tags: HTML shows itself at once. */
const SNIFF_CHARS = 2048;

/** True if the text has no non-whitespace character (scans only until it finds one). */
export function isBlank(text: string): boolean {
  return !/\S/.test(text);
}

/**
 * True if the text looks like binary data decoded as text: it holds a NUL, or more than a
 * tenth of its first MiB is C0/C1 control characters or U+FFFD. Real text, even decoded in
 * the wrong encoding, stays far below that.
 */
export function looksLikeBinary(text: string): boolean {
  if (text.includes('\0')) return true;
  const end = Math.min(text.length, BINARY_SAMPLE_CHARS);
  if (end === 0) return false;
  let suspicious = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const control = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || (c >= 0x7f && c < 0xa0);
    if (control || c === 0xfffd) suspicious++;
  }
  return suspicious > end * BINARY_RATIO;
}

/** At most one NUL in this many characters is a page's stray byte, not binary data. */
const STRAY_NUL_CHARS = 1000;

/**
 * The page without its NUL characters when they are a few strays in markup (an old CMS's
 * `border=\0` or a NUL after a closing tag: browsers show nothing for them); otherwise the
 * text unchanged, for {@link looksLikeBinary} to judge. `withoutStrayNuls('<p>a\0</p>')` →
 * `'<p>a</p>'`.
 */
export function withoutStrayNuls(text: string): string {
  if (!text.includes('\0') || !looksLikeHtml(text)) return text;
  let nuls = 0;
  for (let at = text.indexOf('\0'); at >= 0; at = text.indexOf('\0', at + 1)) nuls++;
  return nuls * STRAY_NUL_CHARS <= text.length ? text.replaceAll('\0', '') : text;
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
