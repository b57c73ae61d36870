/**
 * The composition root of the desktop app: app lifecycle, the app protocol, the window and
 * the IPC wiring. Domain work lives in main/core; this file only connects the parts.
 */
import { app, protocol, session } from 'electron';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RENDERER_CSP } from './content-security-policy';
import { BrowserClippingSwitch } from './core/browser/browser-clipping-switch';
import { Library } from './core/library';
import { ASSET_SCHEME, readAsset } from './core/storage/assets';
import { resolveLibraryPath } from './core/library-location';
import { createHandlerTable } from './ipc/handlers';
import { registerHandlers } from './ipc/register';
import { APP_HOST, APP_SCHEME } from './ipc/sender-check';
import { createMainWindow, denyAllPermissions, lockDownContents } from './window';

const here = dirname(fileURLToPath(import.meta.url));
const rendererRoot = join(here, '..', 'renderer');
const preloadPath = join(here, '..', 'preload', 'index.cjs');
const searchWorkerPath = join(here, 'core', 'search-worker.js');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

// The renderer is served from a standard, secure custom scheme rather than file://, so it has
// a real origin that the CSP and the IPC sender check can name.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  // Stored images (main/core/storage/assets.ts): secure, so the app's secure pages may show them.
  { scheme: ASSET_SCHEME.slice(0, -1), privileges: { secure: true } },
]);

/** Serves dist/renderer/ under cuttings-app://app/, refusing anything outside it. */
async function serveRenderer(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return new Response('not found', { status: 404 });
  const relative = normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/u, '') || 'index.html';
  const path = join(rendererRoot, relative);
  if (!path.startsWith(rendererRoot + sep)) return new Response('not found', { status: 404 });
  try {
    const body = await readFile(path);
    return new Response(body, {
      headers: {
        'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
        'content-security-policy': RENDERER_CSP,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return new Response('not found', { status: 404 });
  }
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, serveRenderer);
  // `cuttings-asset:<sha256>.<ext>`: an image from the open library's asset store, nothing else.
  protocol.handle(ASSET_SCHEME.slice(0, -1), async (request) => {
    const asset = await readAsset(library.path, new URL(request.url).pathname);
    return asset
      ? new Response(new Uint8Array(asset.bytes), { headers: { 'content-type': asset.type, 'x-content-type-options': 'nosniff' } })
      : new Response('not found', { status: 404 });
  });

  let library: Library;
  try {
    library = await Library.open(resolveLibraryPath(undefined), { searchWorker: searchWorkerPath, titlesWhileLoading: true });
  } catch (error) {
    const { dialog } = await import('electron');
    dialog.showErrorBox('Cuttings cannot open its library', (error as Error).message);
    app.exit(1);
    return;
  }
  // Clipping from the browser stays off until the user turns it on; then it is restored at start.
  const browserClipping = new BrowserClippingSwitch(() => library);
  registerHandlers(createHandlerTable(() => library, browserClipping));
  void browserClipping.restore().catch((error: unknown) => console.error(`cuttings: ${(error as Error).message}`));
  // Load the search index in its worker now, so the first search answers at once.
  void library.prepareSearch().catch((error: unknown) => console.error(`cuttings: ${(error as Error).message}`));

  let window = createMainWindow(preloadPath);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
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
    void Promise.allSettled([browserClipping.close(), library.close()]).finally(() => {
      closed = true;
      app.quit();
    });
  });
}

void start();
