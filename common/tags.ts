/**
 * Tag normalisation, shared so that the renderer's autocompletion and main's storage agree
 * on what counts as the same tag. Tags are compared without regard to case; they are shown
 * as the user first wrote them. A `/` makes a hierarchy (`ukraine/diplomacy`).
 */
import { CuttingsError } from './errors';

/** The longest tag we accept, in characters. */
export const MAX_TAG_LENGTH = 100;

/** A tag that cannot be stored, with the reason in the message. */
export class InvalidTagError extends CuttingsError {
  constructor(message: string) {
    super('invalid-input', message);
    this.name = 'InvalidTagError';
  }
}

/**
 * Cleans a tag as typed: trims it, folds runs of white space to one space, trims spaces
 * around `/` and drops empty levels (`' a //  b/ '` → `'a/b'`).
 * Throws InvalidTagError naming the tag when nothing is left or it is too long.
 *
 * @example normaliseTag('  Ukraine /  Diplomacy ') // 'Ukraine/Diplomacy'
 */
export function normaliseTag(raw: string): string {
  const levels = raw
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .split('/')
    .map((level) => level.replace(/\s+/gu, ' ').trim())
    .filter((level) => level.length > 0);
  const tag = levels.join('/');
  if (tag.length === 0) {
    throw new InvalidTagError(`tags: ${JSON.stringify(raw)} is not a tag: it has no letters or digits`);
  }
  if (tag.length > MAX_TAG_LENGTH) {
    throw new InvalidTagError(
      `tags: a tag may have at most ${MAX_TAG_LENGTH} characters; "${tag.slice(0, 20)}…" has ${tag.length}`,
    );
  }
  return tag;
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/u;

/** The key two tags share when they are the same tag: case-folded. */
export function tagKey(tag: string): string {
  // Most tags are plain ASCII, which lower-casing folds the same way for a fraction of the
  // cost of the locale-aware call (opening 100,000 articles folds every tag of every one).
  return PLAIN_ASCII.test(tag) ? tag.toLowerCase() : tag.toLocaleLowerCase('und');
}

/**
 * True when `tag` is the tag with key `key` or a tag anywhere under it: "this tag or one
 * under it", as a tag filter, a rename, a move and a delete all mean it.
 *
 * @example isTagUnder('Ukraine/Diplomacy', 'ukraine') // true
 * @example isTagUnder('ukrainian', 'ukraine') // false
 */
export function isTagUnder(tag: string, key: string): boolean {
  const own = tagKey(tag);
  return own === key || own.startsWith(`${key}/`);
}
