/**
 * The composition root of the desktop app: app lifecycle, the app protocol, the window and
 * the IPC wiring. Domain work lives in main/core; this file only connects the parts.
 */
import { app, protocol, session } from 'electron';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rendererFileFor, rendererHeaders } from './app-protocol';
import { Library } from './core/library';
import { resolveLibraryPath } from './core/library-location';
import { createHandlerTable } from './ipc/handlers';
import { registerHandlers } from './ipc/register';
import { APP_SCHEME } from './ipc/sender-check';
import { createMainWindow, denyAllPermissions, lockDownContents } from './window';

const here = dirname(fileURLToPath(import.meta.url));
const rendererRoot = join(here, '..', 'renderer');
const preloadPath = join(here, '..', 'preload', 'index.cjs');
const searchWorkerPath = join(here, 'core', 'search-worker.js');

// The renderer is served from a standard, secure custom scheme rather than file://, so it has
// a real origin that the CSP and the IPC sender check can name.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

/** Serves dist/renderer/ under cuttings-app://app/, refusing anything outside it. */
async function serveRenderer(request: Request): Promise<Response> {
  const path = rendererFileFor(rendererRoot, request.url);
  if (path === null) return new Response('not found', { status: 404 });
  try {
    return new Response(await readFile(path), { headers: rendererHeaders(path) });
  } catch {
    return new Response('not found', { status: 404 });
  }
}

// Every renderer is sandboxed, whatever its own options say (checklist: process sandboxing).
app.enableSandbox();

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Locked down before anything loads: every session refuses permissions, every web
  // contents (the window, the reader's frames, anything a page might create) is held in.
  app.on('session-created', denyAllPermissions);
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, serveRenderer);

  let library: Library;
  try {
    library = await Library.open(resolveLibraryPath(undefined), { searchWorker: searchWorkerPath, titlesWhileLoading: true });
  } catch (error) {
    const { dialog } = await import('electron');
    dialog.showErrorBox('Cuttings cannot open its library', (error as Error).message);
    app.exit(1);
    return;
  }
  registerHandlers(createHandlerTable(() => library));
  // Load the search index in its worker now, so the first search answers at once.
  void library.prepareSearch().catch((error: unknown) => console.error(`cuttings: ${(error as Error).message}`));

  let window = createMainWindow(preloadPath);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (window.isDestroyed()) window = createMainWindow(preloadPath);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Release the library's lock before the process goes; the next start would take over a
  // stale lock anyway, but a clean release lets the CLI write at once.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void library.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

void start();
