/**
 * Clips waiting for the app. When Cuttings does not answer (not running, or "Clip from the
 * browser" off), the whole clip — page, pictures, tags and note — is kept in the extension's
 * storage, which survives the browser closing, and sent when the app answers again: when the
 * popup opens, every minute (an alarm), and when the browser starts. The toolbar button shows
 * how many wait.
 *
 * A queued clip that turns out to be a duplicate waits on, marked, for the user to choose in
 * the popup (skip, keep, or keep as a new version), as the app would ask. One refused for
 * another reason is dropped and its line kept among the recent results, so that nothing waits
 * for ever and nothing is dropped without a word. A 401 (the pairing revoked) stops the sending
 * and keeps everything.
 *
 * Each clip is its own stored value (`queued:<id>`, up to about 50 MB) beside a small index
 * (`queue`), so that listing the queue or counting it reads no page.
 */
import type { DuplicateAction } from '../../common/api';
import { ENDPOINT_PATHS, type ClipAnswer, type ExtensionClip } from '../../common/browser-protocol';
import { cuttingLink } from '../../common/schemes';
import type { ClipResult, ExtensionStatus, QueuedSummary } from '../shared/messages';
import type { AppClient } from './app-client';
import type { KeyValueStore } from './key-value-store';

const INDEX = 'queue';
const RECENT = 'recent';
/** Recent results kept for the popup. */
const MAX_RECENT = 10;
/** A clip may take a while to store: a large page is parsed and its pictures written. */
export const CLIP_TIMEOUT_MS = 120_000;

/** Sends one clip; what it came to, as the popup shows it. */
export async function sendClip(client: AppClient, clip: ExtensionClip): Promise<ClipResult | { status: 'unreachable'; message: string }> {
  const answer = await client.post<ClipAnswer>(ENDPOINT_PATHS.clip, clip, CLIP_TIMEOUT_MS);
  switch (answer.kind) {
    case 'unreachable':
      return { status: 'unreachable', message: answer.message };
    case 'unpaired':
      return { status: 'unpaired', message: answer.message };
    case 'refused':
      return { status: 'error', message: answer.message };
    case 'ok': {
      const value = answer.value;
      return value.status === 'added'
        ? { status: 'added', id: value.id, title: value.title, link: cuttingLink(value.id) }
        : { status: 'duplicate', duplicate: value.duplicate, title: value.duplicate.title };
    }
  }
}

/** The queue of clips waiting for the app. */
export class ClipQueue {
  constructor(
    private readonly store: KeyValueStore,
    /** Hears the number waiting after every change (the toolbar badge). */
    private readonly onCount: (count: number) => void = () => undefined,
  ) {}

  /** Keeps a clip until the app answers; resolves to how many wait now. */
  async add(clip: ExtensionClip, title: string): Promise<number> {
    const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    // The clip first, then the index that names it: a clip is never listed without its page.
    await this.store.set(`queued:${id}`, clip);
    const index = [...(await this.list()), { id, title, queued: new Date().toISOString() }];
    await this.store.set(INDEX, index);
    this.onCount(index.length);
    return index.length;
  }

  /** The clips waiting, oldest first. */
  async list(): Promise<QueuedSummary[]> {
    return (await this.store.get<QueuedSummary[]>(INDEX)) ?? [];
  }

  /** The latest results of sending, newest first. */
  async recent(): Promise<ExtensionStatus['recent']> {
    return (await this.store.get<ExtensionStatus['recent']>(RECENT)) ?? [];
  }

  /** Notes a result for the popup (a queued clip sent, a clip by the keyboard shortcut). */
  async remember(title: string, result: ClipResult): Promise<void> {
    await this.store.set(RECENT, [{ title, result, at: new Date().toISOString() }, ...(await this.recent())].slice(0, MAX_RECENT));
  }

  /**
   * Sends every waiting clip not marked as a duplicate, oldest first, until the app does not
   * answer or refuses the extension. Resolves to what was sent.
   */
  async flush(client: AppClient): Promise<{ sent: number; stopped: 'unreachable' | 'unpaired' | null }> {
    let sent = 0;
    for (const entry of await this.list()) {
      if (entry.duplicate) continue;
      const clip = await this.store.get<ExtensionClip>(`queued:${entry.id}`);
      if (!clip) {
        await this.drop(entry.id);
        continue;
      }
      const result = await sendClip(client, clip);
      if (result.status === 'unreachable' || result.status === 'unpaired') return { sent, stopped: result.status };
      sent++;
      if (result.status === 'duplicate') await this.mark(entry.id, result.duplicate);
      else {
        await this.remember(entry.title, result);
        await this.drop(entry.id);
      }
    }
    return { sent, stopped: null };
  }

  /** The user's answer for a queued duplicate: skip drops it, keep and version send it so. */
  async decide(id: string, action: DuplicateAction, client: AppClient | null): Promise<ClipResult | null> {
    const entry = (await this.list()).find((queued) => queued.id === id);
    if (!entry) return null;
    if (action === 'skip') {
      await this.drop(id);
      return null;
    }
    const clip = await this.store.get<ExtensionClip>(`queued:${id}`);
    if (!clip || !client) return null;
    const result = await sendClip(client, { ...clip, onDuplicate: action });
    if (result.status === 'unreachable') return { status: 'queued', title: entry.title, waiting: (await this.list()).length };
    if (result.status !== 'unpaired') {
      await this.remember(entry.title, result);
      await this.drop(id);
    }
    return result;
  }

  private async mark(id: string, duplicate: QueuedSummary['duplicate']): Promise<void> {
    await this.store.set(INDEX, (await this.list()).map((entry) => (entry.id === id ? { ...entry, duplicate } : entry)));
  }

  private async drop(id: string): Promise<void> {
    const index = (await this.list()).filter((entry) => entry.id !== id);
    await this.store.set(INDEX, index);
    await this.store.remove(`queued:${id}`);
    this.onCount(index.length);
  }
}
