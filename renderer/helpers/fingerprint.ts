/** How a key's fingerprint is shown: `SHA256:ab12 cd34 …`, as the CLI and the report write it. */

/**
 * A fingerprint (64 hex digits) in groups of four.
 *
 * @example formatFingerprint('ab12cd34…') // 'SHA256:ab12 cd34 …'
 */
export function formatFingerprint(fingerprint: string): string {
  return `SHA256:${fingerprint.match(/.{1,4}/gu)?.join(' ') ?? fingerprint}`;
}

/** The first 16 digits, for a list where the whole would crowd the line. */
export function shortFingerprint(fingerprint: string): string {
  return `SHA256:${fingerprint.slice(0, 16).match(/.{1,4}/gu)?.join(' ') ?? fingerprint}…`;
}
