/**
 * Talking to the Cuttings app over its loopback endpoint (main/core/browser/), from the
 * service worker only: finding the port it listens on, and POSTing JSON with the extension's
 * token. Every answer comes back as one of four kinds, so that each caller can tell "the app is
 * not there" (queue the clip), "the app no longer knows us" (pair again) and "the app refused
 * this" (say its one line) apart without looking at HTTP.
 */
import { ENDPOINT_PATHS, ENDPOINT_PORTS, PAIRING_TOKEN_HEADER, type HelloAnswer } from '../../common/browser-protocol';

/** What a call to the app came to. */
export type AppAnswer<T> =
  /** The app answered yes. */
  | { kind: 'ok'; value: T }
  /** Nothing answered at the port, or not in time: the app is not running, or not listening. */
  | { kind: 'unreachable'; message: string }
  /** 401: the app does not know this extension's token (never paired, or revoked). */
  | { kind: 'unpaired'; message: string }
  /** The app answered no, with its one line. */
  | { kind: 'refused'; status: number; message: string };

/** How long a hello may take: the app answers at once when it is there. */
const HELLO_TIMEOUT_MS = 1500;

/**
 * The first port on which Cuttings answers its hello: `preferred` (the one it was found on
 * before), then ENDPOINT_PORTS in order. Null when none answers.
 */
export async function findApp(preferred: number | null, fetcher: typeof fetch = fetch): Promise<number | null> {
  const ports = [...new Set([...(preferred ? [preferred] : []), ...ENDPOINT_PORTS])];
  for (const port of ports) {
    try {
      const response = await fetcher(`http://127.0.0.1:${port}${ENDPOINT_PATHS.hello}`, { signal: AbortSignal.timeout(HELLO_TIMEOUT_MS) });
      const hello = (await response.json()) as Partial<HelloAnswer>;
      if (hello.app === 'cuttings') return port;
    } catch {
      // Nothing there, or not Cuttings: the next port.
    }
  }
  return null;
}

/** Calls to the app at one port, with the extension's token when it has one. */
export class AppClient {
  constructor(
    readonly port: number,
    private readonly token: string | null,
    private readonly fetcher: typeof fetch = fetch,
  ) {}

  /** POSTs `body` as JSON to `path`; `timeoutMs` bounds the whole call. */
  async post<T>(path: string, body: unknown, timeoutMs: number): Promise<AppAnswer<T>> {
    let response: Response;
    // Called as a plain function: a browser's fetch refuses to run as a method of anything but the global object.
    const fetcher = this.fetcher;
    try {
      response = await fetcher(`http://127.0.0.1:${this.port}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.token ? { [PAIRING_TOKEN_HEADER]: this.token } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      return {
        kind: 'unreachable',
        message: timedOut ? `Cuttings did not answer in ${Math.round(timeoutMs / 1000)} s.` : 'Cuttings is not running, or “Clip from the browser” is off in it.',
      };
    }
    let answer: { ok?: boolean; error?: string } & Record<string, unknown>;
    try {
      answer = (await response.json()) as typeof answer;
    } catch {
      return { kind: 'refused', status: response.status, message: `Cuttings answered HTTP ${response.status} without saying why.` };
    }
    if (response.status === 401) return { kind: 'unpaired', message: answer.error ?? 'Cuttings does not know this extension; pair it again.' };
    if (!response.ok || answer.ok === false) return { kind: 'refused', status: response.status, message: answer.error ?? `Cuttings answered HTTP ${response.status}.` };
    return { kind: 'ok', value: answer as T };
  }
}
