/**
 * The profile folder the app is told to use (`CUTTINGS_USER_DATA`: tests, and users who keep
 * several profiles), made ready for Electron's `app.setPath('userData', …)`, which takes only
 * an absolute path to a folder that exists and stops the app otherwise. Free of electron, so
 * that it is unit-tested.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** Why a folder could not be made, in a few words. */
const REASONS: Record<string, string> = {
  EEXIST: 'a file of that name is in the way',
  ENOTDIR: 'a file stands where a folder should be',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
};

/**
 * The absolute path of the profile folder `value` names (relative to `cwd`, the folder the
 * app was started from), created if it does not exist; null when `value` is unset or empty.
 * Throws a one-line error naming the variable, the path and why when it cannot be a folder.
 *
 * @example prepareUserDataFolder('profile', '/home/ann') // '/home/ann/profile', now a folder
 */
export function prepareUserDataFolder(value: string | undefined, cwd: string): string | null {
  if (value === undefined || value.trim() === '') return null;
  const folder = resolve(cwd, value);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new Error(`cuttings: CUTTINGS_USER_DATA ${folder} cannot be used as the profile folder: ${REASONS[code] ?? (error as Error).message}`);
  }
  return folder;
}
