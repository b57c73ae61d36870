/**
 * Files go to main as base64 text (the bridge carries JSON): the add dialog's chosen files
 * and the archives dropped on the window.
 */

/** Base64 of some bytes, a chunk at a time (String.fromCharCode takes only so many arguments). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
