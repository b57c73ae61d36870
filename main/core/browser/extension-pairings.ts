/**
 * Which browser extensions may clip into the library, and the requests of those that ask.
 *
 * Pairing is like the bookmarklet's token, made safer: an extension asks (its origin, name,
 * version and browser), the window shows the request, and only when the user accepts is a
 * token made — for that extension alone, handed to it once when it next polls, and never shown
 * in a page. Only the token's SHA-256 is kept (browser-clipping.json, through `persist`), so the
 * library folder, which users sync and back up, holds nothing an extension could be posed as
 * with. Revoking drops the pairing from memory before it is written away, so the very next
 * request of that extension is refused.
 *
 * Requests live in memory only: five minutes to be answered (the extension polls every second
 * or two, and a person answers in seconds), and five more for the answer to be picked up. At
 * most five wait at once, one per extension, so a program flooding the endpoint with asks
 * cannot bury the window in dialogs.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { BrowserPairing, BrowserPairingRequest } from '../../../common/api';
import { EXTENSION_ORIGIN, type PairingAsk, type PairingState } from '../../../common/browser-protocol';
import { CuttingsError } from '../../../common/errors';

/** A pairing as kept on disk: what the window shows, and the SHA-256 of its token. */
export interface SavedPairing extends BrowserPairing {
  tokenSha256: string;
}

/** How long a request waits for the user, and then for the extension to pick up the answer. */
export const PAIRING_REQUEST_LIFETIME_MS = 5 * 60 * 1000;
/** Requests waiting at once, at most. */
const MAX_WAITING = 5;
/** The longest name, version or browser an extension may give (they are shown in a dialog). */
const MAX_LABEL_CHARS = 100;

interface Pending {
  request: BrowserPairingRequest;
  state: 'waiting' | 'accepted' | 'refused';
  /** The new token, until the extension has picked it up. */
  token?: string;
  /** When the request (or, once answered, its answer) lapses, in ms since the epoch. */
  until: number;
}

/** What ExtensionPairings needs from its owner. */
export interface PairingsOptions {
  /** The pairings saved before (browser-clipping.json). */
  saved: readonly SavedPairing[];
  /** Writes the pairings durably; a change is in force only once this resolves. */
  persist: (pairings: SavedPairing[]) => Promise<void>;
  /** Tells the window that an extension asks (an app event). */
  onRequest?: (request: BrowserPairingRequest) => void;
  /** The clock, for tests. */
  now?: () => number;
}

/** The pairings of one library, and the requests waiting for the user. */
export class ExtensionPairings {
  private pairings: SavedPairing[];
  private readonly pending = new Map<string, Pending>();
  private readonly now: () => number;

  constructor(private readonly options: PairingsOptions) {
    this.pairings = [...options.saved];
    this.now = options.now ?? Date.now;
  }

  /**
   * An extension asks to be paired. `origin` is the request's Origin header when the browser
   * sent one; it must then be the origin the extension declares. A second ask from the same
   * extension replaces its first. Throws a one-line `browser endpoint:` error for a bad ask.
   */
  ask(ask: PairingAsk, origin: string | undefined): BrowserPairingRequest {
    this.expire();
    const declared = ask.extension.origin;
    if (!EXTENSION_ORIGIN.test(declared)) {
      throw new CuttingsError('invalid-input', `browser endpoint: ${JSON.stringify(declared.slice(0, 100))} is not an extension's origin (chrome-extension://… or moz-extension://…)`);
    }
    if (origin !== undefined && origin !== declared) {
      throw new CuttingsError('forbidden', `browser endpoint: a pairing request from ${origin} named another extension, ${declared}`);
    }
    for (const [requestId, pending] of this.pending) if (pending.request.origin === declared) this.pending.delete(requestId);
    if ([...this.pending.values()].filter((pending) => pending.state === 'waiting').length >= MAX_WAITING) {
      throw new CuttingsError('invalid-input', `browser endpoint: ${MAX_WAITING} pairing requests already wait for an answer in Cuttings; answer them first`);
    }
    const request: BrowserPairingRequest = {
      requestId: randomBytes(16).toString('base64url'),
      origin: declared,
      name: label(ask.extension.name, 'name'),
      version: label(ask.extension.version, 'version'),
      browser: label(ask.browser, 'browser'),
      asked: new Date(this.now()).toISOString(),
    };
    this.pending.set(request.requestId, { request, state: 'waiting', until: this.now() + PAIRING_REQUEST_LIFETIME_MS });
    this.options.onRequest?.(request);
    return request;
  }

  /**
   * Where a request stands, for the extension that made it (`origin` as for ask). An accepted
   * request answers with the token once and is then forgotten.
   */
  poll(requestId: string, origin: string | undefined): PairingState {
    this.expire();
    const pending = this.pending.get(requestId);
    if (!pending) return { ok: true, state: 'expired' };
    if (origin !== undefined && origin !== pending.request.origin) {
      throw new CuttingsError('forbidden', `browser endpoint: ${origin} asked about another extension's pairing request`);
    }
    if (pending.state === 'waiting') return { ok: true, state: 'waiting' };
    this.pending.delete(requestId);
    return pending.state === 'accepted' ? { ok: true, state: 'accepted', token: pending.token! } : { ok: true, state: 'refused' };
  }

  /**
   * The user's answer. Accepting makes the extension's token and saves the pairing (replacing
   * an earlier pairing of the same extension) before the token can be picked up.
   */
  async answer(requestId: string, accept: boolean): Promise<void> {
    this.expire();
    const pending = this.pending.get(requestId);
    if (!pending || pending.state !== 'waiting') {
      throw new CuttingsError('not-found', 'browser endpoint: that pairing request is no longer waiting (it was answered, or it lapsed after 5 minutes); ask again from the extension');
    }
    if (accept) {
      const token = randomBytes(24).toString('base64url');
      const { requestId: _id, asked: _asked, ...who } = pending.request;
      const pairing: SavedPairing = { id: randomBytes(6).toString('hex'), ...who, paired: new Date(this.now()).toISOString(), tokenSha256: sha256(token) };
      const pairings = [...this.pairings.filter((kept) => kept.origin !== pairing.origin), pairing];
      await this.options.persist(pairings);
      this.pairings = pairings;
      pending.token = token;
    }
    pending.state = accept ? 'accepted' : 'refused';
    pending.until = this.now() + PAIRING_REQUEST_LIFETIME_MS;
  }

  /** Revokes a pairing: refused at once, then written away. */
  async revoke(id: string): Promise<void> {
    const before = this.pairings;
    if (!before.some((pairing) => pairing.id === id)) throw new CuttingsError('not-found', `browser endpoint: no paired extension with id ${JSON.stringify(id)}`);
    this.pairings = before.filter((pairing) => pairing.id !== id);
    try {
      await this.options.persist(this.pairings);
    } catch (error) {
      // Not written: in force again, so that what the window shows is what the file says.
      this.pairings = before;
      throw error;
    }
  }

  /** The pairing a token belongs to, or null (never paired, or revoked). */
  byToken(token: string): BrowserPairing | null {
    const given = Buffer.from(sha256(token), 'hex');
    const found = this.pairings.find((pairing) => timingSafeEqual(given, Buffer.from(pairing.tokenSha256, 'hex')));
    return found ? view(found) : null;
  }

  /** The pairings, for the window (no token hashes). */
  list(): BrowserPairing[] {
    return this.pairings.map(view);
  }

  /** The pairings as they are saved. */
  saved(): SavedPairing[] {
    return [...this.pairings];
  }

  /** Requests waiting for the user. */
  waiting(): BrowserPairingRequest[] {
    this.expire();
    return [...this.pending.values()].filter((pending) => pending.state === 'waiting').map((pending) => pending.request);
  }

  private expire(): void {
    const now = this.now();
    for (const [requestId, pending] of this.pending) if (pending.until <= now) this.pending.delete(requestId);
  }
}

/** A pairing as the window sees it. */
function view(pairing: SavedPairing): BrowserPairing {
  const { tokenSha256: _hash, ...shown } = pairing;
  return shown;
}

/** A name, version or browser given by an extension, tidied for a dialog; refused when too long. */
function label(value: string, what: string): string {
  const tidy = value.replace(/\s+/gu, ' ').trim();
  if (tidy === '' || tidy.length > MAX_LABEL_CHARS) throw new CuttingsError('invalid-input', `browser endpoint: the extension's ${what} must be 1 to ${MAX_LABEL_CHARS} characters`);
  return tidy;
}

/** SHA-256 of a token, hex. */
function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
