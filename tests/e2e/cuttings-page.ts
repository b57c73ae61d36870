/**
 * The Cuttings window as tests see it (after Signal Desktop's end-to-end tests): the
 * locators of its parts and `waitFor…` helpers that wait for what a person would see, so
 * tests read as steps and never sleep. Works on a harness page and on an Electron window.
 * The sidebar, the dialogs, the organising tools and the reader's parts are parts of it
 * (parts/), reached as `app.sidebar`, `app.exportForm`, `app.bulkBar`, `app.notes` and so on.
 */
import { expect, type ConsoleMessage, type FrameLocator, type JSHandle, type Locator, type Page } from '@playwright/test';
import type { AppEvent } from '../../common/api';
import { HARNESS_EVENT } from '../harness/harness-events';
import { AddForm, BrowserClippingForm, ExportForm, PairingForm, SaveSearchForm, SettingsForm } from './parts/dialogs';
import { DeleteForm, EvidenceReportForm, EvidenceSettings } from './parts/evidence';
import { exactly } from './parts/exactly';
import { BulkBar, RulesForm, TagForm, Timeline, UndoToast } from './parts/organising';
import { DetailsForm, NotesPanel, ReaderDetails } from './parts/reader';
import { ScanParts } from './parts/scans';
import { Sidebar } from './parts/sidebar';
import { WINDOW_VIEWS, type WindowView } from './parts/views';

export { exactly } from './parts/exactly';
export { seedViewsLibrary, VIEWS_ARTICLE, type WindowView } from './parts/views';

/** Optional fields of the add dialog. */
export interface AddFields {
  title?: string;
  url?: string;
  source?: string;
  /** `YYYY-MM-DD`. */
  published?: string;
  /** As typed in the field: comma-separated. */
  tags?: string;
}

/** A file for the add dialog's file chooser. */
export interface FileToAdd {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** One window of the app. */
export class CuttingsPage {
  /** Every console message of the page and its frames, for tests that assert silence. */
  readonly consoleMessages: ConsoleMessage[] = [];
  /** Uncaught exceptions in the page. */
  readonly pageErrors: Error[] = [];
  readonly sidebar: Sidebar;
  readonly addForm: AddForm;
  readonly saveSearchForm: SaveSearchForm;
  readonly settingsForm: SettingsForm;
  readonly browserClippingForm: BrowserClippingForm;
  readonly pairingForm: PairingForm;
  readonly exportForm: ExportForm;
  readonly tagForm: TagForm;
  readonly rulesForm: RulesForm;
  readonly bulkBar: BulkBar;
  readonly timeline: Timeline;
  readonly undoToast: UndoToast;
  readonly notes: NotesPanel;
  readonly readerDetails: ReaderDetails;
  readonly scans: ScanParts;
  readonly evidenceSettings: EvidenceSettings;
  readonly evidenceForm: EvidenceReportForm;
  readonly deleteForm: DeleteForm;
  readonly detailsForm: DetailsForm;

  constructor(readonly page: Page) {
    page.on('console', (message) => this.consoleMessages.push(message));
    page.on('pageerror', (error) => this.pageErrors.push(error));
    this.sidebar = new Sidebar(page);
    this.addForm = new AddForm(page);
    this.saveSearchForm = new SaveSearchForm(page);
    this.settingsForm = new SettingsForm(page);
    this.browserClippingForm = new BrowserClippingForm(page);
    this.pairingForm = new PairingForm(page);
    this.exportForm = new ExportForm(page);
    this.tagForm = new TagForm(page);
    this.rulesForm = new RulesForm(page);
    this.bulkBar = new BulkBar(page);
    this.timeline = new Timeline(page);
    this.undoToast = new UndoToast(page);
    this.notes = new NotesPanel(page);
    this.readerDetails = new ReaderDetails(page);
    this.evidenceSettings = new EvidenceSettings(page);
    this.evidenceForm = new EvidenceReportForm(page);
    this.deleteForm = new DeleteForm(page);
    this.detailsForm = new DetailsForm(page);
    this.scans = new ScanParts(page);
  }

  /** Every view and dialog of the window, each with how to open it (parts/views.ts). */
  get views(): readonly WindowView[] {
    return WINDOW_VIEWS;
  }

  // ---- parts of the window ----

  get searchInput(): Locator {
    return this.page.locator('#search-input');
  }

  get searchTotal(): Locator {
    return this.page.locator('#search-total');
  }

  /** The page's root element, which carries the theme (data-theme). */
  get root(): Locator {
    return this.page.locator('html');
  }

  get list(): Locator {
    return this.page.locator('#article-list');
  }

  /** What is listed: "All articles", a tag, "Search results". */
  get listTitle(): Locator {
    return this.page.locator('#list-title');
  }

  get rows(): Locator {
    return this.list.locator('.row');
  }

  /** The list row whose title is exactly `title`. */
  row(title: string): Locator {
    return this.rows.filter({ has: this.page.locator('.row-title', { hasText: exactly(title) }) });
  }

  /** The tag chips on a row. */
  rowTags(title: string): Locator {
    return this.row(title).locator('.row-tags .chip');
  }

  get selectedRow(): Locator {
    return this.list.locator('.row[aria-selected="true"]');
  }

  get readerTitle(): Locator {
    return this.page.locator('.reader-title');
  }

  get readerIframe(): Locator {
    return this.page.locator('iframe.reader-frame');
  }

  /** The article document inside the reader's sandboxed iframe. */
  get readerFrame(): FrameLocator {
    return this.page.frameLocator('iframe.reader-frame');
  }

  get tagInput(): Locator {
    return this.page.locator('.reader-tags .tag-input');
  }

  get tagChips(): Locator {
    return this.page.locator('.reader-tags .tag-chips .chip-label');
  }

  get tagError(): Locator {
    return this.page.locator('.reader-tags .tag-error');
  }

  get tagSuggestions(): Locator {
    return this.page.locator('.reader-tags [role="listbox"] [role="option"]');
  }

  /** The remove button on one of the reader's tag chips. */
  removeTag(tag: string): Locator {
    return this.page.getByRole('button', { name: `Remove tag ${tag}` });
  }

  get statusMessage(): Locator {
    return this.page.locator('#status-message');
  }

  /** How many articles are listed, at the status bar's right. */
  /** The status bar's count of captures waiting for a timestamp. */
  get statusTimestamps(): Locator {
    return this.page.locator('#status-timestamps');
  }

  get statusSummary(): Locator {
    return this.page.locator('#status-summary');
  }

  /** The search index's loading progress in the status bar. */
  get indexStatus(): Locator {
    return this.page.locator('#status-index');
  }

  // ---- search tools ----

  get sortSelect(): Locator {
    return this.page.locator('#search-sort');
  }

  get helpButton(): Locator {
    return this.page.locator('#search-help-button');
  }

  get helpPopover(): Locator {
    return this.page.locator('#search-help');
  }

  /** Main's message for a query that does not parse, under the search box. */
  get searchError(): Locator {
    return this.page.locator('#search-error');
  }

  /** The underlined part of the query in the search box. */
  get searchFault(): Locator {
    return this.page.locator('#search-fault .fault');
  }

  get titlesOnlyNote(): Locator {
    return this.page.locator('#titles-only-note');
  }

  get facets(): Locator {
    return this.page.locator('#facets');
  }

  /** A facet button: `group` is the label shown (Tags, Sources, Years), `value` the value. */
  facet(group: 'Tags' | 'Sources' | 'Years', value: string): Locator {
    return this.facets
      .locator('.facet-group')
      .filter({ has: this.page.locator('.facet-label', { hasText: exactly(group) }) })
      .locator('button.facet')
      .filter({ has: this.page.locator('.facet-value', { hasText: exactly(value) }) });
  }

  /** The values shown in a facet group, in order. */
  facetValues(group: 'Tags' | 'Sources' | 'Years'): Locator {
    return this.facets
      .locator('.facet-group')
      .filter({ has: this.page.locator('.facet-label', { hasText: exactly(group) }) })
      .locator('.facet-value');
  }

  get saveSearchButton(): Locator {
    return this.page.locator('#save-search-button');
  }

  get exportButton(): Locator {
    return this.page.locator('#export-button');
  }

  /** "Import…", which chooses files to import (archives, datasets, citations, pages). */
  get importButton(): Locator {
    return this.page.locator('#import-button');
  }

  /** "Browser…", which opens the Clip from the browser dialog. */
  get browserButton(): Locator {
    return this.page.locator('#browser-button');
  }

  // ---- matches in the reader ----

  /** The reader's "k of n" count of matched words. */
  get matchCount(): Locator {
    return this.page.locator('.reader-matches .match-count');
  }

  get nextMatch(): Locator {
    return this.page.getByRole('button', { name: 'Next match' });
  }

  get previousMatch(): Locator {
    return this.page.getByRole('button', { name: 'Previous match' });
  }

  // ---- actions and waits ----

  /** Opens the app at `url` and waits until it has loaded the library. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.waitForReady();
  }

  /** Reloads the window and waits until it is ready again. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitForReady();
  }

  /** Waits until the window has loaded the library and listed its articles. */
  async waitForReady(): Promise<void> {
    await expect(this.page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  }

  /** Pastes text into the add dialog, fills the optional fields and adds it. */
  async addPastedArticle(text: string, fields: AddFields = {}): Promise<void> {
    await this.openAddDialog();
    await this.addForm.text.fill(text);
    await this.fillFields(fields);
    await this.submitAddDialog();
  }

  /** Chooses a file through the add dialog's file chooser and adds it. */
  async addFile(file: FileToAdd, fields: AddFields = {}): Promise<void> {
    await this.openAddDialog();
    const chooser = this.page.waitForEvent('filechooser');
    await this.addForm.chooseFiles.click();
    await (await chooser).setFiles(file);
    await expect(this.addForm.fileName).toHaveText(file.name);
    await this.fillFields(fields);
    await this.submitAddDialog();
  }

  async openAddDialog(): Promise<void> {
    await this.page.locator('#add-button').click();
    await expect(this.addForm.dialog).toBeVisible();
  }

  /** Types a query into the search box (as a person would, key by key). */
  async search(query: string): Promise<void> {
    await this.searchInput.fill('');
    await this.searchInput.pressSequentially(query);
  }

  /** Waits until the search box shows `count` results. */
  async waitForSearchTotal(count: number): Promise<void> {
    await expect(this.searchTotal).toHaveText(`${count} ${count === 1 ? 'result' : 'results'}`);
  }

  /** Waits until a row with this title is listed. */
  async waitForRow(title: string): Promise<void> {
    await expect(this.row(title)).toBeVisible();
  }

  /** Clicks a row and waits for the reader to show it. */
  async openArticle(title: string): Promise<void> {
    await this.row(title).click();
    await this.waitForReader(title);
  }

  /** Waits until the reader shows the article with this title. */
  async waitForReader(title: string): Promise<void> {
    await expect(this.readerTitle).toHaveText(title);
  }

  /** Types a tag into the reader's tag field and presses Enter. */
  async addTag(tag: string): Promise<void> {
    await this.tagInput.fill(tag);
    await this.tagInput.press('Enter');
  }

  /** Waits until the reader's tag chips are exactly these. */
  async waitForTags(tags: string[]): Promise<void> {
    await expect(this.tagChips).toHaveText(tags);
  }

  /** Waits until the listed titles are exactly these, in list order. */
  async waitForTitles(titles: string[]): Promise<void> {
    await expect
      .poll(async () =>
        this.rows.evaluateAll((rows) =>
          rows
            .map((row) => ({ index: Number((row as HTMLElement).dataset.index), title: row.querySelector('.row-title')?.textContent }))
            .sort((a, b) => a.index - b.index)
            .map((row) => row.title),
        ),
      )
      .toEqual(titles);
  }

  /** Saves the current search under a name through the Save search dialog. */
  async saveSearch(name: string): Promise<void> {
    await this.saveSearchButton.click();
    await expect(this.saveSearchForm.dialog).toBeVisible();
    await this.saveSearchForm.name.fill(name);
    await this.saveSearchForm.submit.click();
  }

  // ---- main's events and the settings dialog ----

  /** Sends the window an event as main would (a menu command); through the harness's bridge. */
  async sendAppEvent(event: AppEvent): Promise<void> {
    await this.page.evaluate(([type, detail]) => window.dispatchEvent(new CustomEvent(type, { detail })), [HARNESS_EVENT, event] as const);
  }

  /** Opens Settings as the menu does, and waits until it shows the library in use. */
  async openSettings(): Promise<void> {
    await this.sendAppEvent({ type: 'open-settings' });
    await expect(this.settingsForm.dialog).toBeVisible();
    await expect(this.settingsForm.libraryPath).not.toBeEmpty();
  }

  /** Drops files on the window (on the list), as a file manager would: `files` is a DataTransfer made in the page. */
  async dropFiles(files: JSHandle<DataTransfer>): Promise<void> {
    await this.page.dispatchEvent('#article-list', 'dragover', { dataTransfer: files });
    await this.page.dispatchEvent('#article-list', 'drop', { dataTransfer: files });
  }

  // ---- the keyboard ----

  /**
   * Presses Tab (Shift+Tab with `backwards`) until `target` has the keyboard, at most `limit`
   * times; at every stop the focused element must show that it has the focus (an outline or
   * a ring), or the walk fails naming it.
   */
  async tabTo(target: Locator, { backwards = false, limit = 40 } = {}): Promise<void> {
    for (let step = 0; step < limit; step += 1) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await this.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
      // Polled: a date field takes the focus into its parts a moment after the key.
      await expect.poll(() => this.focusNotShown(), { message: 'the focus is visible on each control Tab reaches', timeout: 2_000 }).toBeNull();
    }
    throw new Error(`${limit} presses of ${backwards ? 'Shift+Tab' : 'Tab'} did not reach ${target}`);
  }

  /** Null when the focused element shows its focus (outline or ring); else a short description of it. */
  async focusNotShown(): Promise<string | null> {
    return this.page.evaluate(() => {
      const element = document.activeElement;
      if (!(element instanceof HTMLElement) || element === document.body) return null;
      const style = getComputedStyle(element);
      const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
      const ringed = style.boxShadow !== 'none' && style.boxShadow !== '';
      if (outlined || ringed) return null;
      return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
    });
  }

  /** Console errors and uncaught exceptions so far (CSP violations show up as console errors). */
  problems(): string[] {
    return [
      ...this.consoleMessages.filter((message) => message.type() === 'error').map((message) => message.text()),
      ...this.pageErrors.map((error) => `uncaught: ${error.message}`),
    ];
  }

  private async fillFields(fields: AddFields): Promise<void> {
    const ids: Record<keyof AddFields, string> = {
      title: '#add-title',
      url: '#add-url',
      source: '#add-source',
      published: '#add-published',
      tags: '#add-tags',
    };
    for (const [key, value] of Object.entries(fields) as [keyof AddFields, string | undefined][]) {
      if (value !== undefined) await this.page.locator(ids[key]).fill(value);
    }
  }

  private async submitAddDialog(): Promise<void> {
    await this.addForm.submit.click();
    await expect(this.addForm.dialog).toBeHidden({ timeout: 15_000 });
  }
}
