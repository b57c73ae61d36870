/** The library's errors in the user's words: what was being done, and why it failed. */
import { CuttingsError } from '../../../common/errors';

/** Explains a file-system error in the library's words, naming what was being done. */
export function asLibraryError(error: unknown, doing: string): Error {
  if (error instanceof CuttingsError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOENT: 'a file or folder was removed while Cuttings was using it',
    ENOTDIR: 'a file stands where a folder should be',
  };
  const reason = (code && reasons[code]) ?? (error as Error).message;
  return new CuttingsError('library', `library: ${doing}: ${reason}`);
}
