/**
 * The Cuttings browser extension as the end-to-end tests drive it, loaded unpacked from
 * dist/extension/chromium into Debian's Chromium: its service worker's automation API
 * (`globalThis.cuttings`, extension/README.md) and its popup, opened in a tab of its own on the
 * tab to clip (`popup.html?tab=<id>`), as a person would see it from the toolbar.
 */
import { expect, type BrowserContext, type Locator, type Page, type Worker } from '@playwright/test';
import type { ClipOptions, ClipResult, ExtensionStatus, PairingProgress, Preview } from '../../extension/shared/messages';
import type { Harness } from '../harness/harness';

/** The extension's service worker API, as the tests call it. */
interface Automation {
  clipTab(tabId: number, options?: ClipOptions): Promise<ClipResult>;
  previewTab(tabId: number, options?: ClipOptions): Promise<Preview>;
  pair(): Promise<PairingProgress>;
  pairingProgress(): Promise<PairingProgress>;
  status(): Promise<ExtensionStatus>;
  flushQueue(): Promise<ExtensionStatus>;
  setAppPort(port: number | null): Promise<ExtensionStatus>;
}

/** The loaded extension. */
export class BrowserExtension {
  private constructor(
    readonly context: BrowserContext,
    readonly worker: Worker,
  ) {}

  /** Finds the extension's service worker in a context launched with it. */
  static async attach(context: BrowserContext): Promise<BrowserExtension> {
    const worker = context.serviceWorkers().find((candidate) => candidate.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker'));
    return new BrowserExtension(context, worker);
  }

  /** `chrome-extension://<id>`. */
  get origin(): string {
    // URL's origin is "null" for schemes it does not know; the browser's is scheme and host.
    return `chrome-extension://${this.id}`;
  }

  get id(): string {
    return new URL(this.worker.url()).host;
  }

  /** Calls a method of the service worker's `globalThis.cuttings`. */
  call<M extends keyof Automation>(method: M, ...args: Parameters<Automation[M]>): Promise<Awaited<ReturnType<Automation[M]>>> {
    return this.worker.evaluate(
      ([name, values]) => (globalThis as unknown as { cuttings: Record<string, (...a: unknown[]) => Promise<unknown>> }).cuttings[name]!(...values),
      [method, args] as const,
    ) as Promise<Awaited<ReturnType<Automation[M]>>>;
  }

  /** The browser's id of the tab a page is in. */
  async tabIdOf(page: Page): Promise<number> {
    const byUrl = await this.worker.evaluate(async (url) => (await chrome.tabs.query({})).filter((tab) => tab.url === url).map((tab) => tab.id!), page.url());
    if (byUrl.length === 1) return byUrl[0]!;
    // Two tabs show the same address: found by a title set for the moment.
    const marker = `cuttings-test-${Math.random().toString(36).slice(2)}`;
    const title = await page.title();
    await page.evaluate((mark) => (document.title = mark), marker);
    const id = await this.worker.evaluate(async (mark) => (await chrome.tabs.query({})).find((tab) => tab.title === mark)?.id ?? null, marker);
    await page.evaluate((old) => (document.title = old), title);
    if (id === null) throw new Error(`browser extension: no tab shows ${page.url()}`);
    return id;
  }

  /**
   * Waits until the browser says a tab has finished loading. The PDF viewer finishes only while
   * its tab is shown, so a test waits before a popup opened in another tab hides it (a real
   * popup leaves the tab in view).
   */
  async waitForTabLoaded(page: Page): Promise<void> {
    const tabId = await this.tabIdOf(page);
    await expect.poll(() => this.worker.evaluate(async (id) => (await chrome.tabs.get(id)).status, tabId), { timeout: 15_000 }).toBe('complete');
  }

  /** Clips the tab a page is in, as the shortcut or automation would. */
  async clip(page: Page, options: ClipOptions = {}): Promise<ClipResult> {
    return this.call('clipTab', await this.tabIdOf(page), options);
  }

  /** Opens the popup on the tab a page is in. */
  async openPopup(page: Page): Promise<ExtensionPopup> {
    const tabId = await this.tabIdOf(page);
    const popup = await this.context.newPage();
    await popup.setViewportSize({ width: 400, height: 700 });
    await popup.goto(`${this.origin}/popup.html?tab=${tabId}`);
    return new ExtensionPopup(popup);
  }

  /**
   * Pairs the extension with the harness's endpoint without the window (for tests about
   * something else): turns clipping from the browser on, tells the extension the port (other
   * tests' harnesses may hold the usual ones), asks, and accepts in the app.
   */
  async pairWith(harness: Harness): Promise<number> {
    const { port } = await harness.browserClipping.set(true);
    await this.call('setAppPort', port);
    await this.call('pair');
    const request = harness.browserClipping.status().pairingRequests.find((waiting) => waiting.origin === this.origin);
    if (!request) throw new Error('browser extension: the app heard no pairing request');
    await harness.browserClipping.answerPairing(request.requestId, true);
    const progress = await this.call('pairingProgress');
    if (progress.state !== 'paired') throw new Error(`browser extension: pairing ended ${progress.state}`);
    return port!;
  }
}

/** The popup, open in a tab. */
export class ExtensionPopup {
  constructor(readonly page: Page) {}

  get connectButton(): Locator {
    return this.page.locator('#pair-button');
  }
  get pairingState(): Locator {
    return this.page.locator('#pairing-state');
  }
  get form(): Locator {
    return this.page.locator('#clip-form');
  }
  get title(): Locator {
    return this.page.locator('#title');
  }
  get notice(): Locator {
    return this.page.locator('#clip-notice');
  }
  get duplicateWarning(): Locator {
    return this.page.locator('#duplicate-warning');
  }
  get tagInput(): Locator {
    return this.page.locator('#tag-input');
  }
  /** The tags chosen, as chips. */
  get tagChips(): Locator {
    return this.page.locator('#tag-chips .tag-chip');
  }
  /** The library's tags the tag field offers. */
  get tagOptions(): Locator {
    return this.page.locator('#tag-options option');
  }
  get note(): Locator {
    return this.page.locator('#note');
  }
  get clipButton(): Locator {
    return this.page.locator('#clip-button');
  }
  /** The one line that says what a clip came to. */
  get resultLine(): Locator {
    return this.page.locator('#result-line');
  }
  /** The one line that says what went wrong. */
  get errorLine(): Locator {
    return this.page.locator('#result-error');
  }
  /** "Open in Cuttings", after a clip was saved. */
  get resultLink(): Locator {
    return this.page.locator('#result-link');
  }
  get openApp(): Locator {
    return this.page.locator('#open-app');
  }
  get skip(): Locator {
    return this.page.locator('#dup-skip');
  }
  get keepBoth(): Locator {
    return this.page.locator('#dup-keep');
  }
  get keepAsVersion(): Locator {
    return this.page.locator('#dup-version');
  }
  get queueCount(): Locator {
    return this.page.locator('#queue-count');
  }

  /** Adds tags by typing each and pressing Enter. */
  async addTags(tags: string[]): Promise<void> {
    for (const tag of tags) {
      await this.tagInput.fill(tag);
      await this.tagInput.press('Enter');
    }
  }
}
