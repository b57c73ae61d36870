/**
 * The test harness (DESIGN.md §7): the real renderer, in any browser, over a real library.
 * It opens a Library, builds main's handler table over it (main/ipc/handler-table.ts, the very
 * table Electron registers) and serves both over HTTP on 127.0.0.1; a small bridge script
 * gives the page the `window.cuttings` the preload would. Used by the Playwright tests
 * (tests/e2e/fixtures.ts) and by `npm run serve` (tests/harness/serve.ts).
 *
 * @example
 *   const harness = await startHarness({ libraryPath: '/tmp/lib' });
 *   await page.goto(harness.url);
 *   await harness.close();
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { AppEvent } from '../../common/api';
import { Library } from '../../main/core/library';
import { LibrarySession } from '../../main/core/settings/library-session';
import { SettingsStore } from '../../main/core/settings/settings-store';
import { BrowserClippingSwitch } from '../../main/core/browser/browser-clipping-switch';
import { createHandlerTable } from '../../main/ipc/handler-table';
import { startHarnessServer, type HarnessRequest } from './http-server';

const here = dirname(fileURLToPath(import.meta.url));
/** The built renderer (`npm run build`). */
export const RENDERER_DIR = join(here, '..', '..', 'dist', 'renderer');

/** Options for startHarness. */
export interface HarnessOptions {
  /** The library folder; created if missing or empty. */
  libraryPath: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The settings file; by default one in a temporary folder, removed on close. */
  settingsFile?: string;
  /** How long before an unreachable TSA is tried again (default: the app's five minutes). */
  timestampRetryMs?: number;
}

/** A running harness. */
export interface Harness {
  /** The page to open: `http://127.0.0.1:<port>/`. */
  url: string;
  /** The open library (the one switched to, after a switch in Settings), for setting up and checking tests directly. */
  readonly library: Library;
  /** The settings the window reads and changes, as main keeps them. */
  settings: SettingsStore;
  /** Every HTTP request the page made so far. */
  requests: readonly HarnessRequest[];
  /** The "Clip from the browser" switch, as main keeps one: its endpoint is what the browser extension talks to. */
  browserClipping: BrowserClippingSwitch;
  /** Stops the server and closes the library (releasing its lock). */
  close(): Promise<void>;
}

let bridgeScript: Promise<string> | undefined;

/** Bundles bridge.ts for the browser, once per process. */
function bundleBridge(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [join(here, 'bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  }).then((result) => {
    const output = result.outputFiles[0];
    if (!output) throw new Error('harness: esbuild produced no bridge script');
    return output.text;
  });
  return bridgeScript;
}

/** Opens the library and serves the renderer over it. */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`harness: ${join(RENDERER_DIR, 'index.html')} is missing; run \`npm run build\` first`);
  }
  const script = await bundleBridge();
  const settingsFolder = options.settingsFile ? null : await mkdtemp(join(tmpdir(), 'cuttings-harness-settings-'));
  const settings = await SettingsStore.open(options.settingsFile ?? join(settingsFolder ?? '', 'settings.json'));
  // As the app opens it: the index in its worker thread, titles searched while it loads.
  const openLibrary = async (path: string) => {
    // Timestamps are sent in the background, as in the app; the signing key is $CUTTINGS_KEYS's.
    const opened = await Library.open(path, {
      searchWorker: join(RENDERER_DIR, '..', 'main', 'core', 'search-worker.js'),
      ocrWorker: join(RENDERER_DIR, '..', 'main', 'core', 'ocr-worker.js'),
      exportWorker: join(RENDERER_DIR, '..', 'main', 'core', 'export-worker.js'),
      titlesWhileLoading: true,
      readCatalogInBackground: true,
      loadSearchAtOpen: true,
      evidence: { autoTimestamp: true, retryMs: options.timestampRetryMs },
    });
    void opened.prepareSearch().catch(() => undefined);
    return opened;
  };
  const session = new LibrarySession(await openLibrary(options.libraryPath), openLibrary);
  const removeSettings = async () => {
    if (settingsFolder) await rm(settingsFolder, { recursive: true, force: true });
  };
  try {
    // The server is made after the table, but nothing is exported before it answers.
    let broadcast: (event: AppEvent) => void = () => undefined;
    // Its own, as main/index.ts keeps one, so that an endpoint a test turned on stops with the harness.
    // An extension's pairing request reaches the window as in the app: as an app event.
    const browserClipping = new BrowserClippingSwitch(() => session.current, { onPairingRequest: (request) => broadcast({ type: 'browser-pairing-request', request }) });
    const server = await startHarnessServer({
      rootDir: RENDERER_DIR,
      // As in the app, but without the OS's save dialog: the export dialog's path is typed.
      handlers: createHandlerTable(() => session.current, { settings, session }, browserClipping, { sendEvent: (event) => broadcast(event) }),
      bridgeScript: script,
      port: options.port ?? 0,
    });
    broadcast = server.broadcast;
    return {
      url: server.url,
      get library() {
        return session.current;
      },
      settings,
      requests: server.requests,
      browserClipping,
      close: async () => {
        await server.close();
        await browserClipping.close();
        await session.current.close();
        await removeSettings();
      },
    };
  } catch (error) {
    await session.current.close();
    await removeSettings();
    throw error;
  }
}
