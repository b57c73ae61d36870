/**
 * The renderer's only way to the rest of the app: `window.cuttings`, which the preload (in
 * Electron) or the test harness's bridge (in a browser) defines from CHANNELS. Calls resolve
 * to Results; `call` unwraps them so that UI code reads as straight-line code and failures
 * arrive as one error type whose message is main's text, shown as is.
 */
import type { ApiArgs, ApiMethod, CuttingsApi, CuttingsBridge } from '../../common/api';
import { CuttingsError } from '../../common/errors';
import type { ErrorCode, Result } from '../../common/result';

declare global {
  interface Window {
    /** The API exposed by the preload; the only bridge out of the renderer. */
    cuttings: CuttingsBridge;
  }
}

/** The success value of an API method. */
export type ApiValue<M extends ApiMethod> = Awaited<ReturnType<CuttingsApi[M]>> extends Result<infer T> ? T : never;

/** A failed call: main's error code and its message, unchanged (the CuttingsError main threw). */
export class ApiCallError extends CuttingsError {
  constructor(code: ErrorCode, message: string) {
    super(code, message);
    this.name = 'ApiCallError';
  }
}

/** Returns a Result's value, or throws its error as an ApiCallError. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiCallError(result.error.code, result.error.message);
}

/**
 * Calls one API method and unwraps its Result. A bridge that rejects (it should not) or is
 * missing becomes an `internal` ApiCallError too, so callers handle exactly one error type.
 *
 * @example const info = await call('libraryInfo');
 */
export async function call<M extends ApiMethod>(method: M, ...args: ApiArgs<M>): Promise<ApiValue<M>> {
  const api = window.cuttings as CuttingsApi | undefined;
  if (!api || typeof api[method] !== 'function') {
    throw new ApiCallError('internal', `renderer: window.cuttings.${method} is not available (no preload?)`);
  }
  let result: Result<unknown>;
  try {
    result = await (api[method] as (...a: unknown[]) => Promise<Result<unknown>>)(...args);
  } catch (error) {
    throw new ApiCallError('internal', `renderer: ${method} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return unwrap(result) as ApiValue<M>;
}

/** Where errors nobody else handles are shown (the status bar). */
let showError: (message: string) => void = (message) => console.error(message);

/** Sets where `attempt` shows errors. */
export function setErrorReporter(reporter: (message: string) => void): void {
  showError = reporter;
}

/** The message to show a person for any error: main's text as is for API failures. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Shows a failure nobody else handles where `attempt` shows them (the status bar). */
export function reportError(error: unknown): void {
  showError(messageOf(error));
}

/**
 * Runs UI work that calls the API and shows any failure in the status bar instead of
 * throwing; resolves to undefined when it failed.
 */
export async function attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    reportError(error);
    return undefined;
  }
}
