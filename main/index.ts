/**
 * The composition root of the desktop app: app lifecycle, the app protocol, the window and
 * the IPC wiring. Domain work lives in main/core; this file only connects the parts.
 *
 * The files beside this one (window.ts, menu.ts) run only inside Electron. What they decide
 * without Electron (which files the app protocol serves, where a frame may navigate, which
 * links leave the app, the window's preferences, size and place, what a launch asks to open,
 * the CSP) is in policies/, where it is unit-tested; ipc/ is the handler table, cli/ the
 * command line.
 */
import { app, dialog, Menu, nativeTheme, protocol, screen, session, type BrowserWindow } from 'electron';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rendererFileFor, rendererHeaders } from './policies/app-protocol';
import { EVENT_CHANNELS, type AppEvent } from '../common/api';
import { defaultExportName } from '../common/export-formats';
import { APP_VERSION } from './core/storage/app-version';
import { importOpenedFile } from './core/import/import-opened-file';
import { Library } from './core/library';
import { defaultLibraryPath } from './core/library/library-location';
import { LibrarySession } from './core/settings/library-session';
import { SettingsStore } from './core/settings/settings-store';
import { BrowserClippingSwitch } from './core/browser/browser-clipping-switch';
import { readAsset } from './core/storage/assets';
import { FILE_PERMISSIONS_ONLY } from './core/evidence/key-store';
import { osKeychainProtector } from './key-protection';
import { createHandlerTable } from './ipc/handler-table';
import { registerHandlers } from './ipc/register';
import { APP_SCHEME, ASSET_SCHEME, OPEN_SCHEME } from '../common/schemes';
import { parseAppLink, type AppLink } from './policies/app-links';
import { LaunchBuffer } from './policies/launch-buffer';
import { parseLaunchArguments } from './policies/launch-arguments';
import { prepareUserDataFolder } from './policies/user-data-folder';
import { aboutDetail, buildMenuTemplate } from './menu';
import { createMainWindow, limitPermissions, lockDownContents } from './window';
import { clampToDisplays, loadWindowState, trackWindowState } from './policies/window-state';

const here = dirname(fileURLToPath(import.meta.url));
const rendererRoot = join(here, '..', 'renderer');
const preloadPath = join(here, '..', 'preload', 'index.cjs');
const searchWorkerPath = join(here, 'core', 'search-worker.js');
const clipWorkerPath = join(here, 'core', 'clip-worker.js');
const ocrWorkerPath = join(here, 'core', 'ocr-worker.js');
const exportWorkerPath = join(here, 'core', 'export-worker.js');

// The renderer is served from a standard, secure custom scheme rather than file://, so it has
// a real origin that the CSP and the IPC sender check can name.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  // Stored images (main/core/storage/assets.ts): secure, so the app's secure pages may show them.
  { scheme: ASSET_SCHEME, privileges: { secure: true } },
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

/**
 * What a launch asks the running app to open: another launch's command line, a file from the
 * OS, or a `cuttings:` link macOS handed over (`open-url`).
 */
type Launch = { argv: readonly string[]; cwd: string } | { file: string } | { link: string };

/**
 * Launches that arrive before the library and the window are ready (policies/launch-buffer.ts):
 * Electron does not queue `open-file` (macOS sends it before `ready`) or `second-instance`.
 */
const launches = new LaunchBuffer<Launch>();
app.on('open-file', (event, path) => {
  event.preventDefault();
  launches.push({ file: path });
});
app.on('open-url', (event, url) => {
  event.preventDefault();
  launches.push({ link: url });
});

// The browser extension opens the app, a cutting, or its browser dialog with `cuttings:` links.
// Run from source (`electron .`), the OS must be told to start Electron with the app's path.
if (process.defaultApp && process.argv[1]) {
  app.setAsDefaultProtocolClient(OPEN_SCHEME, process.execPath, [resolvePath(process.argv[1])]); /* eng-disable PROTOCOL_HANDLER_JS_CHECK: cuttings: links only show a cutting or a dialog; policies/app-links.ts parses them (unit-tested) and refuses the rest */
} else {
  app.setAsDefaultProtocolClient(OPEN_SCHEME); /* eng-disable PROTOCOL_HANDLER_JS_CHECK: cuttings: links only show a cutting or a dialog; policies/app-links.ts parses them (unit-tested) and refuses the rest */
}

async function start(): Promise<void> {
  // Tests (and careful users) can give the profile folder: settings and window state live
  // there, and the single-instance lock is taken in it, so it is set first. setPath wants
  // an absolute folder that exists.
  const userDataFolder = prepareUserDataFolder(process.env.CUTTINGS_USER_DATA, process.cwd());
  if (userDataFolder !== null) app.setPath('userData', userDataFolder);
  if (!app.requestSingleInstanceLock()) {
    // The first instance hears our argv in 'second-instance' and opens what it names.
    app.quit();
    return;
  }
  app.on('second-instance', (_event, argv, workingDirectory) => launches.push({ argv, cwd: workingDirectory }));
  // Locked down before anything loads: every session refuses permissions (but the window's
  // clipboard writes), every web contents (the window, the reader's frames, anything a page
  // might create) is held in.
  app.on('session-created', limitPermissions);
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  await app.whenReady();
  limitPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, serveRenderer);
  // `cuttings-asset:<sha256>.<ext>`: an image from the open library's asset store, nothing else.
  protocol.handle(ASSET_SCHEME, async (request) => {
    const asset = await readAsset(library().path, new URL(request.url).pathname);
    return asset
      ? new Response(new Uint8Array(asset.bytes), { headers: { 'content-type': asset.type, 'x-content-type-options': 'nosniff' } })
      : new Response('not found', { status: 404 });
  });

  const userData = app.getPath('userData');
  const settings = await SettingsStore.open(join(userData, 'settings.json'));
  nativeTheme.themeSource = settings.current.theme;
  // The user's signing keys: in the profile (or CUTTINGS_KEYS), encrypted by the OS keychain where there is one.
  const keys = { folder: process.env.CUTTINGS_KEYS || join(userData, 'keys'), protector: (await osKeychainProtector()) ?? FILE_PERMISSIONS_ONLY };
  // Timestamps are sent in the background, and again while the TSA cannot be reached.
  const evidence = { keys, autoTimestamp: true };
  const openLibrary = (path: string) => Library.open(path, { searchWorker: searchWorkerPath, clipWorker: clipWorkerPath, ocrWorker: ocrWorkerPath, exportWorker: exportWorkerPath, titlesWhileLoading: true, readCatalogInBackground: true, loadSearchAtOpen: true, evidence });
  let librarySession: LibrarySession;
  try {
    // CUTTINGS_LIBRARY wins, as for the CLI; then the library chosen in Settings; then the default.
    librarySession = new LibrarySession(await openLibrary(process.env.CUTTINGS_LIBRARY || settings.current.libraryPath || defaultLibraryPath()), openLibrary);
  } catch (error) {
    dialog.showErrorBox('Cuttings cannot open its library', (error as Error).message);
    app.exit(1);
    return;
  }
  const library = () => librarySession.current;
  // Clipping from the browser stays off until the user turns it on; then it is restored at start.
  // An extension asking to be paired is shown in the window, brought to the front to be answered.
  const browserClipping = new BrowserClippingSwitch(library, {
    onPairingRequest: (request) => {
      send({ type: 'browser-pairing-request', request });
      if (!window.isDestroyed()) {
        if (window.isMinimized()) window.restore();
        window.focus();
      }
    },
  });
  registerHandlers(
    createHandlerTable(library, {
      settings,
      session: librarySession,
      chooseFolder: async (mode) => {
        const options: Electron.OpenDialogOptions = {
          title: mode === 'create' ? 'New library folder' : 'Open a library',
          properties: mode === 'create' ? ['openDirectory', 'createDirectory', 'promptToCreate'] : ['openDirectory'],
        };
        const chosen = window.isDestroyed() ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
        return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
      },
      onChange: (stored) => {
        nativeTheme.themeSource = stored.theme;
        // A new library's index loads now, so its first search answers at once.
        void library().prepareSearch().catch((error: unknown) => console.error(`cuttings: ${(error as Error).message}`));
      },
    }, browserClipping, {
      // `send` is defined below, once the window is; the window calls nothing before it has loaded.
      sendEvent: (event) => send(event),
      chooseSavePath: async (format) => {
        const options: Electron.SaveDialogOptions = { title: 'Export to', defaultPath: join(app.getPath('documents'), defaultExportName(format)), properties: ['createDirectory', 'showOverwriteConfirmation'] };
        const chosen = window.isDestroyed() ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options);
        return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
      },
    }, {
      chooseEvidencePath: async (kind) => {
        if (kind === 'bundle') {
          const options: Electron.OpenDialogOptions = { title: 'Folder for the evidence bundle (new or empty)', properties: ['openDirectory', 'createDirectory', 'promptToCreate'] };
          const chosen = window.isDestroyed() ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
          return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
        }
        const options: Electron.SaveDialogOptions = { title: 'Save the evidence report', defaultPath: join(app.getPath('documents'), 'evidence-report.pdf'), filters: [{ name: 'PDF', extensions: ['pdf'] }], properties: ['createDirectory', 'showOverwriteConfirmation'] };
        const chosen = window.isDestroyed() ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options);
        return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
      },
    }),
  );
  void browserClipping.restore().catch((error: unknown) => console.error(`cuttings: ${(error as Error).message}`));
  // Load the search index in its worker now, so the first search answers at once.
  void library().prepareSearch().catch((error: unknown) => console.error(`cuttings: ${(error as Error).message}`));

  const stateFile = join(userData, 'window-state.json');
  let window: BrowserWindow;
  let windowLoaded: Promise<void>;
  let windowStateSaved: () => Promise<void> = async () => undefined;
  const openWindow = async () => {
    const state = clampToDisplays(await loadWindowState(stateFile), screen.getAllDisplays().map((display) => display.workArea));
    window = createMainWindow(preloadPath, state.bounds);
    if (state.maximized) window.maximize();
    windowStateSaved = trackWindowState(window, stateFile);
    windowLoaded = new Promise((resolve) => window.webContents.once('did-finish-load', () => resolve()));
  };
  await openWindow();

  /** Tells the window something, once it has loaded (its listeners are set up by then). */
  const send = (event: AppEvent) => {
    void windowLoaded.then(() => {
      if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNELS.appEvent, event);
    });
  };
  for (const notice of [...settings.notices, ...library().notices]) send({ type: 'library-changed', message: notice, error: true });

  /** Imports files opened from the OS, one after another, telling the window how each went. */
  let importing = Promise.resolve();
  const openFiles = (paths: readonly string[]) => {
    for (const path of paths) {
      importing = importing.then(async () => {
        try {
          send({ type: 'library-changed', message: await importOpenedFile(library(), path) });
        } catch (error) {
          send({ type: 'library-changed', message: (error as Error).message, error: true });
        }
      });
    }
  };
  /** Shows what a `cuttings:` link asks for (the app is in front already). */
  const openLink = (link: AppLink) => {
    if (link.kind === 'article') send({ type: 'open-article', id: link.id });
    else if (link.kind === 'browser-clipping') send({ type: 'open-browser-clipping' });
  };
  const openLaunchRequest = (argv: readonly string[], cwd: string) => {
    const request = parseLaunchArguments(argv, cwd, !app.isPackaged);
    openFiles(request.files);
    for (const url of request.urls) send({ type: 'add-cutting', url });
    request.links.forEach(openLink);
    for (const ignored of request.ignored) send({ type: 'library-changed', message: `Cuttings cannot open ${ignored}: it opens .html, .htm, .txt, .md and .cuttings files, web addresses and cuttings: links`, error: true });
  };
  // This launch's own command line first, then what arrived while the app was starting.
  openLaunchRequest(process.argv, process.cwd());
  const openLaunch = (launch: Launch) => {
    if ('file' in launch) {
      openFiles([launch.file]);
      return;
    }
    // Another launch or a link: bring the window to the front and open what it names.
    if (window.isDestroyed()) void openWindow();
    else {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
    if ('link' in launch) {
      const link = parseAppLink(launch.link);
      if (link) openLink(link);
      else send({ type: 'library-changed', message: `Cuttings cannot open ${launch.link}: it is not a link Cuttings knows`, error: true });
      return;
    }
    openLaunchRequest(launch.argv, launch.cwd);
  };
  // Each launch on its own: one that cannot be opened is told to the user, and neither stops
  // the others (the buffer hands over the rest) nor throws out of Electron's event listener.
  launches.deliverTo((launch) => {
    try {
      openLaunch(launch);
    } catch (error) {
      send({ type: 'library-changed', message: `Cuttings could not open what it was asked to: ${(error as Error).message}`, error: true });
    }
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(process.platform, app.name, {
        send,
        importFiles: () => {
          const options: Electron.OpenDialogOptions = {
            title: 'Import into Cuttings',
            properties: ['openFile', 'multiSelections'],
            filters: [
              { name: 'Web pages, text, archives, datasets and citations', extensions: ['html', 'htm', 'txt', 'md', 'cuttings', 'jsonl', 'ndjson', 'zip', 'json', 'csv', 'ris', 'warc', 'gz', 'wacz'] },
              { name: 'All files', extensions: ['*'] },
            ],
          };
          void (window.isDestroyed() ? dialog.showOpenDialog(options) : dialog.showOpenDialog(window, options)).then((chosen) => {
            if (!chosen.canceled) openFiles(chosen.filePaths);
          });
        },
        about: () => {
          const options: Electron.MessageBoxOptions = {
            type: 'info',
            title: `About ${app.name}`,
            message: `${app.name} ${APP_VERSION}`,
            detail: aboutDetail(APP_VERSION, library().path, { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node }),
            buttons: ['OK'],
          };
          void (window.isDestroyed() ? dialog.showMessageBox(options) : dialog.showMessageBox(window, options));
        },
      }),
    ),
  );

  app.on('activate', () => {
    if (window.isDestroyed()) void openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Finish the imports under way, save the window's place and release the library's lock
  // before the process goes; the next start would take over a stale lock anyway, but a
  // clean release lets the CLI write at once.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void importing
      .then(() => windowStateSaved())
      .then(() => Promise.allSettled([browserClipping.close(), library().close()]))
      .catch((error: unknown) => console.error(`cuttings: ${(error as Error).message}`))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

void start().catch((error: unknown) => {
  // Whatever went wrong before the window could open, say it rather than hang without one.
  dialog.showErrorBox('Cuttings could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
});
