/**
 * File names made from titles that every system accepts: no characters Windows forbids
 * (`< > : " / \ | ? *`) or control characters, no trailing dot or space (Windows drops
 * them), none of Windows' reserved device names (CON, NUL, COM1 …), NFC (macOS stores names
 * decomposed; composed is what Linux and Windows compare), and at most MAX_NAME_BYTES bytes
 * of UTF-8, cut on a character boundary, well under the 255-byte limit of ext4, APFS and NTFS.
 * Names are made unique by the caller with the article's id, since two titles can differ
 * only in case, which Windows and macOS do not tell apart.
 */

/** The longest stem, in UTF-8 bytes, before the id and extension are added. */
export const MAX_NAME_BYTES = 120;

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/iu;

/** A file-name stem from a title: `"Talks: what next?"` → `Talks- what next`. */
export function safeFileStem(title: string, maxBytes = MAX_NAME_BYTES): string {
  let stem = title
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/[<>:"/\\|?*]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim();
  stem = cutToBytes(stem, maxBytes).replace(/[. ]+$/u, '').replace(/^[. ]+/u, '');
  if (stem === '' || RESERVED.test(stem.split('.')[0]!.trim())) stem = `_${stem}`;
  return stem === '_' ? 'untitled' : stem;
}

/** The longest start of `text` that fits in `maxBytes` of UTF-8, whole characters only. */
function cutToBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

/** `<stem> <id>.<ext>`: safe everywhere, and unique because the id is. */
export function articleFileName(title: string, id: string, extension: string): string {
  return `${safeFileStem(title)} ${id}.${extension}`;
}
