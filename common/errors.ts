import type { ErrorCode } from './result';

/**
 * An error Cuttings expects and can explain: bad input, an unknown id, a library problem.
 * Its message names the module and the bad value; its code says which kind it is, so that
 * the IPC layer can return it as a Result and the CLI can pick an exit status.
 * Anything that is not a CuttingsError is a bug and is reported as `internal`.
 */
export class CuttingsError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'CuttingsError';
    this.code = code;
  }
}

/**
 * The message of an error that came from elsewhere (a parser's), on one line: control
 * characters are written as JSON escapes. V8's JSON.parse quotes the start of the bad input
 * in its message, newlines and NULs included, which would break a one-line error in two.
 */
export function oneLineMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // eslint-disable-next-line no-control-regex -- control characters are what is being replaced
  return message.replace(/[\u0000-\u001f\u007f]/gu, (c) => JSON.stringify(c).slice(1, -1));
}
