/**
 * The "Clip from the browser" setting: turns the loopback endpoint on and off, and keeps its
 * pairing token and port in the library folder (browser-clipping.json) so that a
 * bookmarklet copied once keeps working after a restart. Off until the user turns it on.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserClippingStatus } from '../../../common/api';
import { makeBookmarklet } from '../../../common/bookmarklet';
import type { ArticleStore } from '../library/article-access';
import { writeFileDurably } from '../storage/durable-file';
import { newPairingToken, startBrowserEndpoint, type BrowserEndpoint } from './browser-endpoint';

/** What is kept on disk. */
interface Saved {
  enabled: boolean;
  token: string;
  port: number;
}

/** The setting's file in a library folder. */
export function settingsFile(libraryPath: string): string {
  return join(libraryPath, 'browser-clipping.json');
}

/** Owns the endpoint for one app: start, stop, and what to show the user. */
export class BrowserClippingSwitch {
  private endpoint: BrowserEndpoint | null = null;
  private saved: Saved | null = null;

  constructor(private readonly library: () => ArticleStore) {}

  /** Starts the endpoint if the user left it on last time. */
  async restore(): Promise<BrowserClippingStatus> {
    const saved = await this.load();
    if (saved?.enabled) await this.set(true);
    return this.status();
  }

  /** Turns the endpoint on (reusing the saved token and port where it can) or off. */
  async set(enabled: boolean): Promise<BrowserClippingStatus> {
    const saved = (await this.load()) ?? { enabled: false, token: newPairingToken(), port: 0 };
    if (enabled && !this.endpoint) {
      try {
        this.endpoint = await startBrowserEndpoint({ library: this.library, token: saved.token, port: saved.port });
      } catch {
        // The saved port is taken by another program: take any, and the bookmarklet must be copied again.
        this.endpoint = await startBrowserEndpoint({ library: this.library, token: saved.token, port: 0 });
      }
    } else if (!enabled && this.endpoint) {
      await this.endpoint.close();
      this.endpoint = null;
    }
    this.saved = { enabled, token: saved.token, port: this.endpoint?.port ?? saved.port };
    await writeFileDurably(settingsFile(this.library().path), `${JSON.stringify(this.saved, null, 2)}\n`);
    return this.status();
  }

  /** Whether it is on, and the token and bookmarklet to show when it is. */
  status(): BrowserClippingStatus {
    if (!this.endpoint) return { enabled: false, port: null, token: null, bookmarklet: null };
    return { enabled: true, port: this.endpoint.port, token: this.endpoint.token, bookmarklet: makeBookmarklet(this.endpoint.port, this.endpoint.token) };
  }

  /** Stops the endpoint without changing the saved setting (the app is quitting). */
  async close(): Promise<void> {
    await this.endpoint?.close();
    this.endpoint = null;
  }

  private async load(): Promise<Saved | null> {
    if (this.saved) return this.saved;
    try {
      const value = JSON.parse(await readFile(settingsFile(this.library().path), 'utf8')) as Partial<Saved>;
      if (typeof value.token === 'string' && value.token.length >= 16 && typeof value.port === 'number') {
        this.saved = { enabled: value.enabled === true, token: value.token, port: value.port };
      }
    } catch {
      // Missing or unreadable: the setting is off, and a new token is made when it is turned on.
    }
    return this.saved;
  }
}
