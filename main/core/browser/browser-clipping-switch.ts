/**
 * The "Clip from the browser" setting: turns the loopback endpoint on and off, and keeps its
 * pairing token, its port and the paired extensions in the library folder
 * (browser-clipping.json), so that a bookmarklet copied once and an extension paired once keep
 * working after a restart. Off until the user turns it on.
 *
 * The port: the one saved, else the first free one of ENDPOINT_PORTS (where the extension
 * looks for the app), else any the system gives — then the extension must be told the port in
 * its options, and the bookmarklet copied again.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserClippingStatus, BrowserPairingRequest } from '../../../common/api';
import { makeBookmarklet } from '../../../common/bookmarklet';
import { ENDPOINT_PATHS, ENDPOINT_PORTS } from '../../../common/browser-protocol';
import type { ArticleStore } from '../library/article-access';
import { writeFileDurably } from '../storage/durable-file';
import { newPairingToken, startBrowserEndpoint, type BrowserEndpoint, type BrowserEndpointOptions } from './browser-endpoint';
import { ExtensionPairings, type SavedPairing } from './extension-pairings';
import type { BrowserLibrary } from './extension-routes';

/** What is kept on disk. */
interface Saved {
  enabled: boolean;
  token: string;
  port: number;
  pairings: SavedPairing[];
}

/** The setting's file in a library folder. */
export function settingsFile(libraryPath: string): string {
  return join(libraryPath, 'browser-clipping.json');
}

/** What the switch may be told beyond the library. */
export interface BrowserClippingOptions {
  /** Hears each extension that asks to be paired (main tells the window). */
  onPairingRequest?: (request: BrowserPairingRequest) => void;
  /** The ports to try, in order, before any free one (ENDPOINT_PORTS; tests give others). */
  ports?: readonly number[];
  /** Passed on to the endpoint (tests give a DNS lookup for clipped links). */
  endpoint?: Pick<BrowserEndpointOptions, 'fetch' | 'maxBodyBytes' | 'maxExtensionBodyBytes'>;
}

/** Owns the endpoint for one app: start, stop, pairings, and what to show the user. */
export class BrowserClippingSwitch {
  private endpoint: BrowserEndpoint | null = null;
  private saved: Saved | null = null;
  private pairingsOf: ExtensionPairings | null = null;

  constructor(
    private readonly library: () => ArticleStore & BrowserLibrary,
    private readonly options: BrowserClippingOptions = {},
  ) {}

  /** Starts the endpoint if the user left it on last time. */
  async restore(): Promise<BrowserClippingStatus> {
    const saved = await this.load();
    if (saved) this.pairings(saved);
    if (saved?.enabled) await this.set(true);
    return this.status();
  }

  /** Turns the endpoint on (reusing the saved token and port where it can) or off. */
  async set(enabled: boolean): Promise<BrowserClippingStatus> {
    const saved = (await this.load()) ?? { enabled: false, token: newPairingToken(), port: 0, pairings: [] };
    const pairings = this.pairings(saved);
    if (enabled && !this.endpoint) {
      const start = (port: number) => startBrowserEndpoint({ ...this.options.endpoint, library: this.library, token: saved.token, port, pairings });
      const ports = [...new Set([...(saved.port ? [saved.port] : []), ...(this.options.ports ?? ENDPOINT_PORTS)])];
      for (const port of ports) {
        try {
          this.endpoint = await start(port);
          break;
        } catch {
          // Taken by another program (or another Cuttings): try the next.
        }
      }
      this.endpoint ??= await start(0);
    } else if (!enabled && this.endpoint) {
      await this.endpoint.close();
      this.endpoint = null;
    }
    await this.save({ ...saved, enabled, port: this.endpoint?.port ?? saved.port, pairings: pairings.saved() });
    return this.status();
  }

  /** Whether it is on; the token, bookmarklet and SingleFile address to show when it is; the pairings either way. */
  status(): BrowserClippingStatus {
    const pairings = this.pairingsOf ? { pairings: this.pairingsOf.list(), pairingRequests: this.pairingsOf.waiting() } : { pairings: [], pairingRequests: [] };
    if (!this.endpoint) return { enabled: false, port: null, token: null, bookmarklet: null, singleFileUrl: null, ...pairings };
    const { port, token } = this.endpoint;
    return { enabled: true, port, token, bookmarklet: makeBookmarklet(port, token), singleFileUrl: `http://127.0.0.1:${port}${ENDPOINT_PATHS.singleFile}`, ...pairings };
  }

  /** The user's answer to an extension's pairing request. */
  async answerPairing(requestId: string, accept: boolean): Promise<BrowserClippingStatus> {
    await this.pairings(await this.loadOrNew()).answer(requestId, accept);
    return this.status();
  }

  /** Revokes an extension's pairing: its next request is refused. */
  async revokePairing(id: string): Promise<BrowserClippingStatus> {
    await this.pairings(await this.loadOrNew()).revoke(id);
    return this.status();
  }

  /** Stops the endpoint without changing the saved setting (the app is quitting). */
  async close(): Promise<void> {
    await this.endpoint?.close();
    this.endpoint = null;
  }

  /** The pairings, made once from what was saved; each change is saved before it is in force. */
  private pairings(saved: Saved): ExtensionPairings {
    this.pairingsOf ??= new ExtensionPairings({
      saved: saved.pairings,
      persist: async (pairings) => this.save({ ...((await this.load()) ?? saved), pairings }),
      onRequest: this.options.onPairingRequest,
    });
    return this.pairingsOf;
  }

  private async loadOrNew(): Promise<Saved> {
    return (await this.load()) ?? { enabled: false, token: newPairingToken(), port: 0, pairings: [] };
  }

  private async save(saved: Saved): Promise<void> {
    await writeFileDurably(settingsFile(this.library().path), `${JSON.stringify(saved, null, 2)}\n`);
    this.saved = saved;
  }

  private async load(): Promise<Saved | null> {
    if (this.saved) return this.saved;
    try {
      const value = JSON.parse(await readFile(settingsFile(this.library().path), 'utf8')) as Partial<Saved>;
      if (typeof value.token === 'string' && value.token.length >= 16 && typeof value.port === 'number') {
        const pairings = Array.isArray(value.pairings) ? value.pairings.filter(isSavedPairing) : [];
        this.saved = { enabled: value.enabled === true, token: value.token, port: value.port, pairings };
      }
    } catch {
      // Missing or unreadable: the setting is off, and a new token is made when it is turned on.
    }
    return this.saved;
  }
}

/** A pairing read back from the file, checked field by field (a hand-edited file may hold anything). */
function isSavedPairing(value: unknown): value is SavedPairing {
  const pairing = value as Record<string, unknown>;
  return (
    typeof pairing === 'object' &&
    pairing !== null &&
    ['id', 'origin', 'name', 'version', 'browser', 'paired'].every((field) => typeof pairing[field] === 'string') &&
    typeof pairing.tokenSha256 === 'string' &&
    /^[0-9a-f]{64}$/u.test(pairing.tokenSha256)
  );
}
