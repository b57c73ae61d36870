/**
 * The main window's web preferences, apart from main/window.ts so that a unit test can check
 * them without starting Electron (only electron's types are imported here).
 */
import type { WebPreferences } from 'electron';

/** The web preferences of the main window; tests read them back. */
export function mainWindowPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // A middle click must not open a window (the window-open handler refuses it anyway).
    disableBlinkFeatures: 'Auxclick',
    // A page cannot trap the user with dialog after dialog.
    safeDialogs: true,
    spellcheck: true,
  };
}
