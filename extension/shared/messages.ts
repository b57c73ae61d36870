/**
 * What the popup and the options page ask the service worker, and what it answers. The
 * service worker alone talks to Cuttings and keeps the token; the pages only ask it, with
 * chrome.runtime.sendMessage, and show what comes back.
 */
import type { DuplicateAction, DuplicateMatch } from '../../common/api';
import type { ExtensionClipKind } from '../../common/browser-protocol';

/** What to clip of a tab, and with what. The service worker's `clipTab(tabId, options)` takes these too. */
export interface ClipOptions {
  /** `page` (the default: the selection if there is one, else the page), `selection`, or `link`. */
  kind?: ExtensionClipKind;
  /** For `link`: the address to clip. */
  linkUrl?: string;
  /** The title to store instead of the one Cuttings finds. */
  title?: string;
  tags?: string[];
  note?: string;
  /** What to do if Cuttings already holds it: `ask` (the default) stores nothing and answers `duplicate`. */
  onDuplicate?: DuplicateAction | 'ask';
  /** How long to wait for a page still loading, in ms (default 15,000). */
  loadTimeoutMs?: number;
}

/** What a clip came to: one of these, each with what the popup shows. */
export type ClipResult =
  | { status: 'added'; id: string; title: string; link: string }
  | { status: 'duplicate'; duplicate: DuplicateMatch; title: string }
  /** Cuttings did not answer: the clip waits in the extension's storage. */
  | { status: 'queued'; title: string; waiting: number }
  /** Cuttings refused the extension (never paired, or revoked): pair again. */
  | { status: 'unpaired'; message: string }
  | { status: 'error'; message: string };

/** What the popup shows before clipping: the tab, and the title Cuttings would store. */
export type Preview =
  | {
      ok: true;
      kind: ExtensionClipKind;
      /** The title Cuttings would store (the app's answer), or the page's own when the app is away. */
      title: string;
      /** Whether the title is the app's (false: the app did not answer). */
      fromApp: boolean;
      hasSelection: boolean;
      duplicate: DuplicateMatch | null;
      /** A note for the user about what will be clipped ("This tab shows a PDF: …"). */
      notice?: string;
    }
  | { ok: false; message: string; unpaired?: boolean };

/** A clip waiting in the extension's storage. */
export interface QueuedSummary {
  id: string;
  title: string;
  queued: string;
  /** Set when Cuttings answered that it is a duplicate and the user must choose. */
  duplicate?: DuplicateMatch;
}

/** What the popup and options page show of the extension's state. */
export interface ExtensionStatus {
  /** Paired with Cuttings (a token is kept). */
  paired: boolean;
  /** The port Cuttings was found on, if it was. */
  port: number | null;
  /** A pairing request waits for the user's answer in Cuttings. */
  pairing: boolean;
  queue: QueuedSummary[];
  /** What the latest clip sent from the queue or by the keyboard shortcut came to, for the popup to say. */
  recent: { title: string; result: ClipResult; at: string }[];
}

/** Where a pairing stands, as the popup shows it. */
export type PairingProgress =
  | { state: 'paired' }
  | { state: 'waiting' }
  | { state: 'refused' | 'expired' | 'unreachable'; message: string };

/** The messages the service worker answers. */
export type Request =
  | { type: 'status' }
  | { type: 'pair' }
  | { type: 'pairing-progress' }
  | { type: 'preview'; tabId: number; options: ClipOptions }
  | { type: 'clip'; tabId: number; options: ClipOptions }
  | { type: 'tags' }
  | { type: 'decide-queued'; id: string; action: DuplicateAction }
  | { type: 'flush' }
  | { type: 'set-port'; port: number | null }
  | { type: 'forget-pairing' };

/** The answer to each message. */
export interface Answers {
  status: ExtensionStatus;
  pair: PairingProgress;
  'pairing-progress': PairingProgress;
  preview: Preview;
  clip: ClipResult;
  tags: string[];
  'decide-queued': ExtensionStatus;
  flush: ExtensionStatus;
  'set-port': ExtensionStatus;
  'forget-pairing': ExtensionStatus;
}

/** Asks the service worker; resolves to its answer (the popup and options page use this). */
export async function ask<T extends Request>(request: T): Promise<Answers[T['type']]> {
  const answer = (await chrome.runtime.sendMessage(request)) as { value: Answers[T['type']] } | { error: string } | undefined;
  if (!answer) throw new Error('the extension\'s service worker did not answer');
  if ('error' in answer) throw new Error(answer.error);
  return answer.value;
}
