/**
 * Bytes of an HTML page to text, in the encoding the page declares, as a browser reads it.
 * Many older German, French and Chinese pages are ISO-8859-1, windows-1252 or GBK; read as
 * UTF-8 their umlauts and accents become U+FFFD, which spoils the stored text and its search.
 *
 * The order is the HTML standard's, shortened: a byte-order mark; else a `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 4 KB (the standard
 * scans 1 KB; some CMSs put 2–3 KB of scripts first); else UTF-8 if the bytes are valid
 * UTF-8, else windows-1252 (the web's most common legacy encoding). A page that declares
 * UTF-8 but is not valid UTF-8 is read as UTF-8 leniently: the declaration is more likely
 * right for most of the page than a guess.
 */

/** How far into the page the declaration is looked for. */
const PRESCAN_BYTES = 4096;

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;

/** Decodes an HTML page's bytes (see the module comment for how the encoding is chosen). */
export function decodeHtml(bytes: Uint8Array): string {
  const bom = encodingFromBom(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  const declared = declaredEncoding(bytes);
  if (declared && declared !== 'utf-8') return new TextDecoder(declared).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder(declared ?? 'windows-1252').decode(bytes);
  }
}

function encodingFromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/**
 * The encoding the page's `<meta>` declares, as TextDecoder names it ("iso-8859-1" is
 * "windows-1252", as in browsers), or null if it declares none or one TextDecoder does not know.
 * UTF-16 declared in a page that was read as bytes is UTF-8 (the standard says so).
 */
function declaredEncoding(bytes: Uint8Array): string | null {
  // latin1 maps every byte to one character, so the ASCII markup reads the same whatever the encoding.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString('latin1');
  const label = META_CHARSET.exec(head)?.[1];
  if (!label) return null;
  try {
    const encoding = new TextDecoder(label).encoding;
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return null;
  }
}
