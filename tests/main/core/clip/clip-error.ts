import { expect } from 'vitest';
import { ClipError } from '../../../../main/core/clip/clipped-article';

/** Runs `run`, which must throw a ClipError, and returns that error for its message to be read. */
export function clipError(run: () => unknown): ClipError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ClipError);
    return error as ClipError;
  }
  throw new Error('expected a ClipError, but nothing was thrown');
}
