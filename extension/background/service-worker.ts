/**
 * The extension's background (a service worker in Chromium, an event page in Firefox): the one
 * part that talks to Cuttings and holds the token. It answers the popup's and options page's
 * messages (shared/messages.ts), puts "Clip … to Cuttings" in the context menu, clips on the
 * keyboard shortcut, sends the queue every minute, and shows the number waiting on the
 * toolbar button.
 *
 * For automation (and the tests) it exposes `globalThis.cuttings` — clipTab, previewTab, pair,
 * pairingProgress, status, flushQueue and setAppPort — documented in extension/README.md.
 */
import type { DuplicateAction } from '../../common/api';
import { ENDPOINT_PATHS, type PairingAsk, type TagsAnswer } from '../../common/browser-protocol';
import type { Answers, ClipOptions, ClipResult, ExtensionStatus, Request } from '../shared/messages';
import { PENDING_CLIP_KEY, type PendingClip } from '../shared/pending-clip';
import { browserName } from './browser-name';
import { ClipQueue } from './clip-queue';
import { clipTab, previewTab, type Clipper } from './clip-tab';
import { Connection } from './connection';
import { browserStore } from './key-value-store';

const store = browserStore();
const uaData = (navigator as Navigator & { userAgentData?: { brands: { brand: string; version: string }[] } }).userAgentData;
const browser = browserName(navigator.userAgent, uaData?.brands);
const manifest = chrome.runtime.getManifest();
const who = (): PairingAsk => ({ browser, extension: { origin: chrome.runtime.getURL('').replace(/\/$/u, ''), name: manifest.name, version: manifest.version } });

const connection = new Connection(store, who);
const queue = new ClipQueue(store, (count) => void showCount(count));
const clipper: Clipper = { connection, queue, browser };

/** The number of clips waiting, on the toolbar button. */
async function showCount(count?: number): Promise<void> {
  const waiting = count ?? (await queue.list()).length;
  await chrome.action.setBadgeBackgroundColor({ color: '#2f5d8a' });
  await chrome.action.setBadgeText({ text: waiting ? String(waiting) : '' });
  await chrome.action.setTitle({ title: waiting ? `Cuttings: ${waiting} clip${waiting === 1 ? '' : 's'} waiting for the app` : 'Clip to Cuttings' });
}

/** What the popup shows of the extension. */
async function status(): Promise<ExtensionStatus> {
  const saved = await connection.saved();
  return { paired: saved.token !== null, port: saved.port, pairing: saved.pairing !== undefined, queue: await queue.list(), recent: await queue.recent() };
}

/** Sends what waits, if the app answers now. */
async function flushQueue(): Promise<ExtensionStatus> {
  const client = await connection.client();
  if (client && (await queue.list()).length > 0) {
    let outcome = await queue.flush(client);
    if (outcome.stopped === 'unreachable') {
      const moved = await connection.relocate();
      if (moved) outcome = await queue.flush(moved);
    }
  }
  return status();
}

/** Clips and notes the result for the popup (a clip made without the popup open). */
async function clipAndRemember(tabId: number, options: ClipOptions): Promise<ClipResult> {
  const result = await clipTab(clipper, tabId, options);
  const title = result.status === 'added' || result.status === 'duplicate' || result.status === 'queued' ? result.title : 'Clip';
  if (result.status !== 'queued') await queue.remember(title, result);
  return result;
}

/** Answers one message from the popup or the options page. */
async function answer(request: Request): Promise<Answers[Request['type']]> {
  switch (request.type) {
    case 'status':
      return status();
    case 'pair':
      return connection.pair();
    case 'pairing-progress': {
      const progress = await connection.progress();
      // Paired now: what waited can go.
      if (progress.state === 'paired') void flushQueue();
      return progress;
    }
    case 'preview':
      return previewTab(clipper, request.tabId, request.options);
    case 'clip':
      return clipTab(clipper, request.tabId, request.options);
    case 'tags': {
      const client = await connection.client();
      if (!client) return [];
      const tags = await client.post<TagsAnswer>(ENDPOINT_PATHS.tags, {}, 5000);
      return tags.kind === 'ok' ? tags.value.tags : [];
    }
    case 'decide-queued':
      await queue.decide(request.id, request.action, await connection.client());
      return status();
    case 'flush':
      return flushQueue();
    case 'set-port':
      await connection.setPort(request.port);
      return status();
    case 'forget-pairing':
      await connection.forget();
      return status();
  }
}

chrome.runtime.onMessage.addListener((message: Request, sender, sendResponse) => {
  // Only the extension's own pages may ask (a content script or another extension never does).
  if (sender.id !== chrome.runtime.id || (sender.url && !sender.url.startsWith(chrome.runtime.getURL('')))) return false;
  answer(message).then(
    (value) => sendResponse({ value }),
    (error: unknown) => sendResponse({ error: (error as Error).message }),
  );
  return true;
});

// ---- the context menu, the keyboard shortcut, the minute alarm ----

const MENU = { page: 'clip-page', selection: 'clip-selection', link: 'clip-link' } as const;
const FLUSH_ALARM = 'cuttings-send-queue';

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({ id: MENU.page, title: 'Clip this page to Cuttings', contexts: ['page'] });
    chrome.contextMenus.create({ id: MENU.selection, title: 'Clip the selection to Cuttings', contexts: ['selection'] });
    chrome.contextMenus.create({ id: MENU.link, title: 'Clip the linked page to Cuttings', contexts: ['link'] });
  });
  void chrome.alarms.create(FLUSH_ALARM, { periodInMinutes: 1 });
  void showCount();
});
chrome.runtime.onStartup.addListener(() => {
  void chrome.alarms.create(FLUSH_ALARM, { periodInMinutes: 1 });
  void flushQueue().then(() => showCount());
});
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === FLUSH_ALARM) void flushQueue();
});

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (tab?.id === undefined) return;
  const kind = info.menuItemId === MENU.link ? 'link' : info.menuItemId === MENU.selection ? 'selection' : 'page';
  const pending: PendingClip = { tabId: tab.id, kind, ...(kind === 'link' && info.linkUrl ? { linkUrl: info.linkUrl } : {}) };
  // The popup opens on what was chosen, with the title, tags and note; where a popup cannot be
  // opened from here, the clip is made at once and the popup shows the result later.
  void chrome.storage.session
    .set({ [PENDING_CLIP_KEY]: pending })
    .then(() => chrome.action.openPopup())
    .catch(async () => {
      await chrome.storage.session.remove(PENDING_CLIP_KEY);
      await clipAndRemember(pending.tabId, { kind: pending.kind, ...(pending.linkUrl ? { linkUrl: pending.linkUrl } : {}) });
    });
});

chrome.commands.onCommand.addListener((command, tab) => {
  if (command !== 'clip-page' || tab?.id === undefined) return;
  void clipAndRemember(tab.id, {});
});

// ---- for automation ----

/** What `globalThis.cuttings` offers (extension/README.md). */
const automation = {
  /** Clips a tab: `await cuttings.clipTab(tabId, { kind: 'page', tags: ['x'], note: '…', onDuplicate: 'keep' })`. */
  clipTab: (tabId: number, options: ClipOptions = {}) => clipTab(clipper, tabId, options),
  /** The title Cuttings would store for a tab, and the cutting it would duplicate. */
  previewTab: (tabId: number, options: ClipOptions = {}) => previewTab(clipper, tabId, options),
  /** Asks Cuttings to pair; the user accepts in the app. */
  pair: () => connection.pair(),
  /** Where the pairing stands (asks the app once). */
  pairingProgress: () => connection.progress(),
  status,
  /** Sends the clips waiting for the app now. */
  flushQueue,
  /** The user's answer for a queued duplicate. */
  decideQueued: async (id: string, action: DuplicateAction) => {
    await queue.decide(id, action, await connection.client());
    return status();
  },
  /** Uses this port for Cuttings (null: look for it on the usual ports). */
  setAppPort: async (port: number | null) => {
    await connection.setPort(port);
    return status();
  },
};
(globalThis as unknown as { cuttings: typeof automation }).cuttings = automation;
