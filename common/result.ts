/**
 * The value every API call resolves to: a success with its value, or a failure with a
 * machine-readable code and a message that names the module and the bad value
 * (`library: no article with id 01J…`). Calls never reject across the process boundary.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What went wrong, for code (`code`) and for people (`message`). */
export interface ApiError {
  code: ErrorCode;
  message: string;
}

/**
 * Error codes shared by main, the CLI and the renderer.
 * `invalid-input` is a caller's mistake that the schema caught; `not-found` an unknown id;
 * `bad-content` input that could not be clipped; `library` a problem with the library folder;
 * `forbidden` a call from a frame that is not the app's; `network` a page that could not be
 * fetched (unreachable, timed out, an HTTP error); `internal` a bug.
 */
export type ErrorCode = 'invalid-input' | 'not-found' | 'bad-content' | 'library' | 'forbidden' | 'network' | 'internal';

/** Wraps a value as a success. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps a code and message as a failure. */
export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
