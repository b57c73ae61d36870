/**
 * Every security-relevant setting of the app's windows, in one place (Electron's security
 * checklist, https://www.electronjs.org/docs/latest/tutorial/security):
 *
 *   context isolation, sandbox, no Node, web security   policies/window-options.ts (unit-tested)
 *   no navigation away from the app, no new windows     lockDownContents, policies/navigation-policy.ts
 *   links to the system browser: http, https, mailto    policies/external-links.ts, after parsing
 *   no permission but the window's clipboard writes,   limitPermissions, on every session,
 *   no devices, no screen capture                       policies/permission-policy.ts
 *   no <webview>                                        will-attach-webview refused
 *
 * The preload exposes only `window.cuttings`; main/ipc/register.ts checks every message's
 * sender frame; main/index.ts serves the renderer from the app protocol with the CSP.
 */
import { BrowserWindow, shell, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import { externalUrlToOpen } from './policies/external-links';
import { mayNavigate } from './policies/navigation-policy';
import { permissionAllowed } from './policies/permission-policy';
import { mainWindowPreferences } from './policies/window-options';
import { APP_ORIGIN } from '../common/schemes';

/**
 * Refuses every permission (camera, microphone, notifications, geolocation…), device and
 * screen capture for a session, but clipboard writes from the window's own top frame (the
 * Copy buttons): Electron asks the request handler when a page asks, the check handler when
 * it looks, and both must agree or `navigator.clipboard.writeText` fails.
 */
export function limitPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionAllowed({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame })),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permissionAllowed({ permission, requestingUrl: details.requestingUrl ?? requestingOrigin, isMainFrame: details.isMainFrame, embeddingOrigin: details.embeddingOrigin }),
  );
  session.setDevicePermissionHandler(() => false);
  // No stream: the page's getDisplayMedia() is rejected.
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
}

/** Stops a web contents from leaving the app, opening windows or attaching webviews. */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!mayNavigate(event.url, true)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!mayNavigate(event.url, event.isMainFrame)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!mayNavigate(event.url, event.isMainFrame)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    // Only a parsed http, https or mailto address, re-serialised, ever reaches the OS.
    if (external !== null) void shell.openExternal(external); /* eng-disable OPEN_EXTERNAL_JS_CHECK: the address was parsed and its scheme checked by externalUrlToOpen (tests/main/policies/external-links.test.ts) */
    return { action: 'deny' };
  });
}

/** Where and how big the window opens (from main/policies/window-state.ts). */
export type WindowBounds = Pick<BrowserWindowConstructorOptions, 'x' | 'y' | 'width' | 'height'>;

/** Creates the main window and loads the renderer from the app protocol. */
export function createMainWindow(preloadPath: string, bounds: WindowBounds = { width: 1280, height: 820 }): BrowserWindow {
  // The web preferences come from policies/window-options.ts, where a unit test pins each of them
  // (contextIsolation, sandbox, nodeIntegration false, disableBlinkFeatures Auxclick…);
  // Electronegativity cannot follow the call, hence the justified exceptions.
  const window = new BrowserWindow({ ...bounds, minWidth: 760, minHeight: 480, title: 'Cuttings', show: false, webPreferences: mainWindowPreferences(preloadPath) }); /* eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK NODE_INTEGRATION_JS_CHECK: the preferences are built in policies/window-options.ts and pinned by tests/main/policies/window-options.test.ts */
  lockDownContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
