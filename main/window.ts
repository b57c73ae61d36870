/**
 * Every security-relevant setting of the app's window, in one place (Electron's security
 * checklist): context isolation, sandbox, no Node in the renderer, web security on, no
 * navigation, no new windows, no permissions. Links leave for the system browser only when
 * they are http, https or mailto.
 */
import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { isSafeExternalUrl } from './external-links';
import { mainWindowPreferences } from './window-options';
import { APP_ORIGIN } from './ipc/sender-check';

/** Refuses every permission (camera, microphone, notifications, geolocation…) for a session. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Stops a web contents from navigating away from the app or opening windows. */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Creates the main window and loads the renderer from the app protocol. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 760,
    minHeight: 480,
    title: 'Cuttings',
    show: false,
    webPreferences: mainWindowPreferences(preloadPath),
  });
  lockDownContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
