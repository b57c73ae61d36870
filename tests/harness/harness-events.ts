/**
 * The harness's stand-in for main's pushed events: a test dispatches a CustomEvent of this
 * type on window with an AppEvent as `detail` (what a menu command sends in the app), and the
 * bridge (bridge.ts) hands it to the page's `window.cuttings.onAppEvent` listeners.
 */
export const HARNESS_EVENT = 'harness:app-event';

/**
 * Where the harness pushes what main would send the window (export progress) as server-sent
 * events, one AppEvent as JSON a message; the bridge re-dispatches each as HARNESS_EVENT.
 */
export const HARNESS_EVENTS_PATH = '/harness-events';
