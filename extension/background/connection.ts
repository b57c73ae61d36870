/**
 * The extension's link to the app: the port Cuttings was found on, the token it gave when the
 * user accepted the pairing, and a pairing request still waiting for the user. Kept in the
 * extension's storage (never in a page): the service worker alone reads it.
 *
 * Pairing goes: ask (POST /extension/pair, which makes the app show the request) → poll
 * (POST /extension/pair/status) until the user has answered → keep the token.
 */
import { ENDPOINT_PATHS, type PairingAsk, type PairingAskAnswer, type PairingState } from '../../common/browser-protocol';
import type { PairingProgress } from '../shared/messages';
import { AppClient, findApp } from './app-client';
import type { KeyValueStore } from './key-value-store';

/** What is kept. */
export interface Saved {
  /** The port Cuttings answered on, or the one the user set in the options. */
  port: number | null;
  /** Whether the user set the port (then it is not looked for elsewhere). */
  portSetByUser?: boolean;
  token: string | null;
  /** A request waiting for the user's answer in Cuttings. */
  pairing?: { requestId: string; port: number };
}

const KEY = 'connection';
/** What the popup says when no Cuttings answers. */
const NOT_LISTENING = 'Cuttings is not running, or “Clip from the browser” is off in it. Open Cuttings and turn it on, then connect again.';
/** Pairing calls are small and answered at once. */
const PAIRING_TIMEOUT_MS = 5000;

/** The extension's connection to Cuttings. */
export class Connection {
  constructor(
    private readonly store: KeyValueStore,
    /** Who asks: this browser and this extension. */
    private readonly who: () => PairingAsk,
    private readonly fetcher: typeof fetch = fetch,
  ) {}

  /** What is kept now. */
  async saved(): Promise<Saved> {
    return (await this.store.get<Saved>(KEY)) ?? { port: null, token: null };
  }

  /**
   * A client for the app with the token, or null when the extension is not paired. The port
   * is the one kept; if nothing answers there (the app took another at its restart), the
   * known ports are tried, and the one that answers is kept.
   */
  async client(): Promise<AppClient | null> {
    const saved = await this.saved();
    if (!saved.token) return null;
    return new AppClient(saved.port ?? (await this.locate(saved)) ?? 0, saved.token, this.fetcher);
  }

  /** Looks for the app again after a call found nothing at the kept port; true if it is elsewhere now. */
  async relocate(): Promise<AppClient | null> {
    const saved = await this.saved();
    if (!saved.token || saved.portSetByUser) return null;
    const port = await findApp(null, this.fetcher);
    if (port === null || port === saved.port) return null;
    await this.store.set(KEY, { ...saved, port });
    return new AppClient(port, saved.token, this.fetcher);
  }

  /** Asks the app to pair; the user answers in the Cuttings window. */
  async pair(): Promise<PairingProgress> {
    const saved = await this.saved();
    const port = await this.locate(saved);
    if (port === null) return { state: 'unreachable', message: NOT_LISTENING };
    const answer = await new AppClient(port, null, this.fetcher).post<PairingAskAnswer>(ENDPOINT_PATHS.pair, this.who(), PAIRING_TIMEOUT_MS);
    if (answer.kind === 'unreachable') return { state: 'unreachable', message: NOT_LISTENING };
    if (answer.kind !== 'ok') return { state: 'unreachable', message: answer.message };
    await this.store.set(KEY, { ...saved, port, pairing: { requestId: answer.value.requestId, port } });
    return { state: 'waiting' };
  }

  /** Where the pairing stands: asks the app once whether the user has answered, and keeps the token when they accepted. */
  async progress(): Promise<PairingProgress> {
    const saved = await this.saved();
    if (!saved.pairing) return saved.token ? { state: 'paired' } : { state: 'expired', message: 'Not connected to Cuttings yet.' };
    const answer = await new AppClient(saved.pairing.port, null, this.fetcher).post<PairingState>(ENDPOINT_PATHS.pairStatus, { requestId: saved.pairing.requestId }, PAIRING_TIMEOUT_MS);
    if (answer.kind !== 'ok') return { state: 'unreachable', message: answer.message };
    const state = answer.value;
    if (state.state === 'waiting') return { state: 'waiting' };
    const { pairing: _done, ...rest } = saved;
    if (state.state === 'accepted') {
      await this.store.set(KEY, { ...rest, port: saved.pairing.port, token: state.token });
      return { state: 'paired' };
    }
    await this.store.set(KEY, rest);
    return state.state === 'refused'
      ? { state: 'refused', message: 'Cuttings refused the connection. Connect again to ask once more.' }
      : { state: 'expired', message: 'The request lapsed before it was answered in Cuttings. Connect again.' };
  }

  /** Sets the port by hand (the options page), or null to look for the app again. */
  async setPort(port: number | null): Promise<void> {
    const saved = await this.saved();
    await this.store.set(KEY, { ...saved, port, portSetByUser: port !== null });
  }

  /** Forgets the token (the user asked, or the app no longer accepts it). */
  async forget(): Promise<void> {
    const { token: _token, pairing: _pairing, ...rest } = await this.saved();
    await this.store.set(KEY, { ...rest, token: null });
  }

  private async locate(saved: Saved): Promise<number | null> {
    if (saved.portSetByUser && saved.port) return saved.port;
    return findApp(saved.port, this.fetcher);
  }
}
