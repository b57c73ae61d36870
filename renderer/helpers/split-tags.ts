/**
 * Reading a field of tags typed with commas between them (the add dialog's, the bulk bar's,
 * the tag rules dialog's). What a valid tag is stays main's decision: only the empty pieces a
 * stray comma leaves are dropped here, and the rest is sent as typed.
 */

/**
 * Splits a field of comma-separated tags; empty pieces are dropped (main judges the rest).
 *
 * @example splitTags('ukraine, diplomacy/russia,') // ['ukraine', ' diplomacy/russia']
 */
export function splitTags(value: string): string[] {
  return value.split(',').filter((part) => part.trim() !== '');
}
