/**
 * The harness's stand-in for the preload, run in the browser page before the app: it
 * defines `window.cuttings` with one method per channel in CHANNELS — the same shape the
 * preload exposes — each a POST to the harness (`/api/<channel>`, the arguments as a JSON
 * array). Like the preload's methods, these resolve to a Result and never reject.
 * Bundled by tests/harness/harness.ts with esbuild when the harness starts.
 */
import { API_METHODS, CHANNELS, type AppEvent, type CuttingsBridge } from '../../common/api';
import { fail, type Result } from '../../common/result';
import { HARNESS_EVENT, HARNESS_EVENTS_PATH } from './harness-events';

async function post(channel: string, args: unknown[]): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch (error) {
    return fail('internal', `harness: ${channel} could not reach the harness: ${(error as Error).message}`);
  }
  try {
    const result = (await response.json()) as Result<unknown>;
    if (typeof result === 'object' && result !== null && typeof result.ok === 'boolean') return result;
  } catch {
    // Not JSON: fall through to a failure that names the HTTP status.
  }
  return fail('internal', `harness: ${channel} answered HTTP ${response.status} without a Result`);
}

/** Main's events, which in the harness come from the test (see harness-events.ts). */
function onAppEvent(listener: (event: AppEvent) => void): () => void {
  const forward = (event: Event) => listener((event as CustomEvent<AppEvent>).detail);
  window.addEventListener(HARNESS_EVENT, forward);
  return () => window.removeEventListener(HARNESS_EVENT, forward);
}

// What the harness pushes (export progress) arrives as server-sent events and goes to the
// same listeners as a test's dispatched events.
new EventSource(HARNESS_EVENTS_PATH).addEventListener('message', (message) => {
  window.dispatchEvent(new CustomEvent(HARNESS_EVENT, { detail: JSON.parse(message.data as string) as AppEvent }));
});

const api = {
  ...Object.fromEntries(API_METHODS.map((method) => [method, (...args: unknown[]) => post(CHANNELS[method], args)])),
  onAppEvent,
} as unknown as CuttingsBridge;

Object.defineProperty(window, 'cuttings', { value: Object.freeze(api), enumerable: true });
