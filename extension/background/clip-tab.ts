/**
 * Clipping a tab, from first look to the app's answer: check the address, wait for the page
 * to finish loading, read it in the extension's isolated world (page-capture.ts), fetch its
 * pictures with the browser's cookies (page-images.ts), and send it all to Cuttings — or keep
 * it in the queue when the app is away. The preview does the same short of the pictures and
 * the storing, so the popup can show the title Cuttings would store.
 *
 * Every way this can go wrong ends in one line for the popup and nothing half-saved: the app
 * stores a clip whole or not at all, and nothing is sent until the page has been read whole.
 */
import { ENDPOINT_PATHS, EXTENSION_LIMITS, type ExtensionClip, type PreviewAnswer } from '../../common/browser-protocol';
import type { ClipOptions, ClipResult, Preview } from '../shared/messages';
import type { AppClient } from './app-client';
import { sendClip, type ClipQueue } from './clip-queue';
import type { Connection } from './connection';
import { capturePage, type CaptureRequest, type PageCapture } from './page-capture';
import { fetchPageImages } from './page-images';
import { refusalForAddress } from './tab-address';

/** How long to wait for a page that is still loading, unless the caller says. */
const LOAD_TIMEOUT_MS = 15_000;
/** How long the page may take to answer the capture (a page busy in a loop never does). */
const CAPTURE_TIMEOUT_MS = 20_000;
/** A preview clips the page in the app without storing it. */
const PREVIEW_TIMEOUT_MS = 60_000;

/** Thrown inside a clip with the line the popup shows. */
class ClipRefusal extends Error {}

/** What clipping needs from the service worker. */
export interface Clipper {
  connection: Connection;
  queue: ClipQueue;
  /** The browser, for provenance ("Chromium 156"). */
  browser: string;
}

/** What a tab gave: the clip to send (without pictures yet) and what the popup says about it. */
interface ReadTab {
  clip: ExtensionClip;
  /** The pictures to fetch before sending. */
  imageUrls: string[];
  hasSelection: boolean;
  notice?: string;
}

/** Reads a tab into a clip, or throws a ClipRefusal with the line to show. */
async function readTab(tabId: number, options: ClipOptions): Promise<ReadTab> {
  const tab = await chrome.tabs.get(tabId).catch(() => {
    throw new ClipRefusal('The tab was closed before Cuttings could read it; nothing was saved.');
  });
  const refusal = refusalForAddress(tab.url);
  if (refusal) throw new ClipRefusal(refusal);
  const base = { url: tab.url!, pageTitle: tab.title ?? '', ...(options.title?.trim() ? { title: options.title.trim() } : {}), ...(options.tags?.length ? { tags: options.tags } : {}), ...(options.note?.trim() ? { note: options.note } : {}) };
  if (options.kind === 'link') {
    if (!options.linkUrl || refusalForAddress(options.linkUrl)) throw new ClipRefusal(`Cuttings clips links to web pages (http, https), not ${options.linkUrl ?? 'nothing'}; nothing was saved.`);
    return { clip: { ...base, kind: 'link', linkUrl: options.linkUrl }, imageUrls: [], hasSelection: false };
  }
  await waitUntilLoaded(tabId, options.loadTimeoutMs ?? LOAD_TIMEOUT_MS);
  const probe = await inject(tabId, { kind: 'probe', maxHtmlChars: EXTENSION_LIMITS.maxHtmlChars });
  if (!probe.ok) throw new ClipRefusal('Cuttings could not read this page; nothing was saved.');
  if (probe.contentType === 'application/pdf') {
    // The browser's PDF viewer holds no text to read: the app fetches the PDF and stores its text.
    return { clip: { ...base, kind: 'link', linkUrl: probe.url }, imageUrls: [], hasSelection: false, notice: 'This tab shows a PDF: Cuttings fetches it from its address and keeps its text.' };
  }
  const kind = options.kind ?? (probe.hasSelection ? 'selection' : 'page');
  const capture = await inject(tabId, { kind, maxHtmlChars: EXTENSION_LIMITS.maxHtmlChars });
  if (!capture.ok) {
    if (capture.reason === 'no-selection') throw new ClipRefusal('Nothing is selected on the page; select the passage, or clip the whole page. Nothing was saved.');
    throw new ClipRefusal(
      `This page is ${(capture.chars / (1024 * 1024)).toFixed(1)} MB of HTML; Cuttings takes pages up to ${EXTENSION_LIMITS.maxHtmlChars / (1024 * 1024)} MB. Select the article and clip the selection instead. Nothing was saved.`,
    );
  }
  const clip: ExtensionClip = kind === 'selection' ? { ...base, kind, url: capture.url, selectionHtml: capture.selectionHtml! } : { ...base, kind, url: capture.url, html: capture.html! };
  return { clip, imageUrls: capture.imageUrls, hasSelection: capture.hasSelection };
}

/** Waits for the tab to finish loading; throws a ClipRefusal if it is closed or does not finish in time. */
function waitUntilLoaded(tabId: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: string) => {
      clearTimeout(timer);
      chrome.tabs.onUpdated.removeListener(updated);
      chrome.tabs.onRemoved.removeListener(removed);
      if (error) reject(new ClipRefusal(error));
      else resolve();
    };
    const updated = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete') done();
    };
    const removed = (id: number) => {
      if (id === tabId) done('The tab was closed before Cuttings could read it; nothing was saved.');
    };
    const timer = setTimeout(
      () => done(`The page is still loading after ${Math.round(timeoutMs / 1000)} s. Wait until it has finished (or stop it loading) and clip again. Nothing was saved.`),
      timeoutMs,
    );
    chrome.tabs.onUpdated.addListener(updated);
    chrome.tabs.onRemoved.addListener(removed);
    chrome.tabs.get(tabId).then(
      (tab) => {
        if (tab.status === 'complete') done();
      },
      () => done('The tab was closed before Cuttings could read it; nothing was saved.'),
    );
  });
}

/** Runs capturePage in the tab's top frame, in the extension's isolated world. */
async function inject(tabId: number, request: CaptureRequest): Promise<PageCapture> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new ClipRefusal(`The page did not answer in ${CAPTURE_TIMEOUT_MS / 1000} s (it may be busy); nothing was saved.`)), CAPTURE_TIMEOUT_MS);
  });
  try {
    const injected = chrome.scripting.executeScript({ target: { tabId }, func: capturePage, args: [request] });
    const [frame] = await Promise.race([injected, timeout]);
    if (!frame?.result) throw new ClipRefusal('Cuttings could not read this page; nothing was saved.');
    return frame.result as PageCapture;
  } catch (error) {
    if (error instanceof ClipRefusal) throw error;
    const closed = await chrome.tabs.get(tabId).then(() => false, () => true);
    if (closed) throw new ClipRefusal('The tab was closed before Cuttings could read it; nothing was saved.');
    throw new ClipRefusal(`The browser does not let extensions read this page (${(error as Error).message}); nothing was saved.`);
  } finally {
    clearTimeout(timer);
  }
}

/** The title Cuttings would store for the tab, and whether it already holds it. */
export async function previewTab(clipper: Clipper, tabId: number, options: ClipOptions): Promise<Preview> {
  let read: ReadTab;
  try {
    read = await readTab(tabId, options);
  } catch (error) {
    if (error instanceof ClipRefusal) return { ok: false, message: error.message };
    throw error;
  }
  const shown = { ok: true as const, kind: read.clip.kind, hasSelection: read.hasSelection, ...(read.notice ? { notice: read.notice } : {}) };
  const fallbackTitle = read.clip.title ?? read.clip.pageTitle ?? read.clip.linkUrl ?? read.clip.url;
  const client = await clipper.connection.client();
  if (!client) return { ok: false, message: 'Connect the extension to Cuttings first.', unpaired: true };
  let answer = await client.post<PreviewAnswer>(ENDPOINT_PATHS.preview, { ...read.clip, browser: clipper.browser }, PREVIEW_TIMEOUT_MS);
  if (answer.kind === 'unreachable') {
    const moved = await clipper.connection.relocate();
    if (moved) answer = await moved.post<PreviewAnswer>(ENDPOINT_PATHS.preview, { ...read.clip, browser: clipper.browser }, PREVIEW_TIMEOUT_MS);
  }
  switch (answer.kind) {
    case 'ok':
      return { ...shown, title: answer.value.title, fromApp: true, duplicate: answer.value.duplicate };
    case 'unreachable':
      return { ...shown, title: fallbackTitle, fromApp: false, duplicate: null };
    case 'unpaired':
      await clipper.connection.forget();
      return { ok: false, message: answer.message, unpaired: true };
    case 'refused':
      return { ok: false, message: answer.message };
  }
}

/**
 * Clips a tab: the page (or the selection, if there is one and no kind is given), the
 * selection, or a link. Resolves to what came of it; never rejects.
 */
export async function clipTab(clipper: Clipper, tabId: number, options: ClipOptions = {}): Promise<ClipResult> {
  let read: ReadTab;
  try {
    read = await readTab(tabId, options);
  } catch (error) {
    if (error instanceof ClipRefusal) return { status: 'error', message: error.message };
    return { status: 'error', message: `Cuttings could not read this page (${(error as Error).message}); nothing was saved.` };
  }
  const images = read.imageUrls.length ? await fetchPageImages(read.imageUrls) : {};
  const clip: ExtensionClip = { ...read.clip, ...(Object.keys(images).length ? { images } : {}), onDuplicate: options.onDuplicate ?? 'ask', browser: clipper.browser };
  const title = clip.title ?? clip.pageTitle ?? clip.url;
  const client = await clipper.connection.client();
  if (!client) return { status: 'unpaired', message: 'Connect the extension to Cuttings first: nothing was saved.' };
  let result = await sendClip(client, clip);
  if (result.status === 'unreachable') {
    const moved: AppClient | null = await clipper.connection.relocate();
    if (moved) result = await sendClip(moved, clip);
  }
  if (result.status === 'unreachable') {
    // Kept whole until the app answers: the queue never sends part of a clip.
    const waiting = await clipper.queue.add(clip, title);
    return { status: 'queued', title, waiting };
  }
  if (result.status === 'unpaired') await clipper.connection.forget();
  return result;
}
