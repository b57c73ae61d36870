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
