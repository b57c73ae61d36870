/**
 * Every view and dialog of the window, each with how to open it, for tests that go over them
 * all (tests/e2e/accessibility.spec.ts checks each with axe-core in both themes). A new view or
 * dialog is one more entry here: `open` starts from the window just loaded (the list, nothing
 * selected) over the library `seedViewsLibrary` makes, and leaves the view showing.
 */
import { expect } from '@playwright/test';
import type { Library } from '../../../main/core/library';
import type { CuttingsPage } from '../cuttings-page';

/** One view of the window and how to get there. */
export interface WindowView {
  /** What it is called in the issue and in failures: "reader", "export dialog". */
  name: string;
  /** Opens it from the freshly loaded window and waits until it shows. */
  open(app: CuttingsPage): Promise<void>;
}

/** The article every view that needs one opens. */
export const VIEWS_ARTICLE = 'Talks resume in Geneva';

/**
 * A small library with what every view shows something of: nested tags with counts, several
 * sources and years (facets, the timeline), a saved search, a tag rule, a note and a highlight.
 */
export async function seedViewsLibrary(library: Library): Promise<void> {
  const articles: [string, string, string, string[]][] = [
    [VIEWS_ARTICLE, 'BBC News', '2022-01-10', ['ukraine/diplomacy', 'geneva']],
    ['Grain corridor reopens', 'Reuters', '2022-07-22', ['ukraine/economy', 'shipping']],
    ['Ceasefire hopes fade', 'The Guardian', '2023-03-02', ['ukraine/diplomacy']],
    ['Harbour traffic doubles', 'Harbour Gazette', '2023-09-30', ['shipping']],
    ['Ministers meet again', 'BBC News', '2024-04-15', []],
  ];
  for (const [title, source, published, tags] of articles) {
    await library.addText({ text: `${title}\n\nDelegations met for talks on the war in Ukraine and on shipping in the Black Sea. The foreign ministers spoke for three hours.`, source, published, tags }, 'paste');
  }
  await library.saveSearch('Talks', 'talks');
  await library.addTagRule('source:"BBC News"', ['bbc']);
  const first = library.list().find((article) => article.title === VIEWS_ARTICLE)!;
  await library.setNote(first.id, 'Check the **date** of the second round.');
  await library.addHighlight({ id: first.id, quote: 'The foreign ministers spoke for three hours', comment: 'Long meeting' });
}

/**
 * Every view and dialog of the window, in an order where each leaves the library as the next
 * expects. A scan's page beside its text is not here: making a scan runs the OCR engine, which
 * tests/e2e/scans.spec.ts does.
 */
export const WINDOW_VIEWS: readonly WindowView[] = [
  { name: 'list', open: async (app) => void (await expect(app.rows).toHaveCount(5)) },
  {
    name: 'search results with facets',
    open: async (app) => {
      await app.search('talks');
      await app.waitForSearchTotal(5);
      await expect(app.facets).toBeVisible();
    },
  },
  {
    name: 'search syntax help',
    open: async (app) => {
      await app.helpButton.click();
      await expect(app.helpPopover).toBeVisible();
    },
  },
  {
    name: 'sidebar with a tag chosen',
    open: async (app) => {
      await app.sidebar.tag('ukraine/diplomacy').click();
      await expect(app.listTitle).toHaveText('ukraine/diplomacy');
    },
  },
  {
    name: 'reader',
    open: async (app) => {
      await app.openArticle(VIEWS_ARTICLE);
      await expect(app.notes.view).toBeVisible();
    },
  },
  {
    name: 'timeline',
    open: async (app) => {
      await app.timeline.bars.first().focus();
      await expect(app.timeline.bars.first()).toBeFocused();
    },
  },
  {
    name: 'bulk bar',
    open: async (app) => {
      await app.rows.nth(0).click();
      await app.rows.nth(1).click({ modifiers: ['Shift'] });
      await expect(app.bulkBar.count).toHaveText('2 articles selected');
    },
  },
  { name: 'add dialog', open: (app) => app.openAddDialog() },
  {
    name: 'export dialog',
    open: async (app) => {
      await app.exportButton.click();
      await expect(app.exportForm.dialog).toBeVisible();
    },
  },
  {
    name: 'import',
    open: async (app) => {
      const chooser = app.page.waitForEvent('filechooser');
      await app.importButton.click();
      const line = JSON.stringify({ title: 'Imported from another tool', text: 'Imported from another tool\n\nA line of JSON from a dataset.' });
      await (await chooser).setFiles({ name: 'dataset.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(`${line}\n`) });
      await expect(app.statusMessage).toHaveText(/^Imported 1 article from dataset\.jsonl/u);
    },
  },
  { name: 'settings dialog', open: (app) => app.openSettings() },
  {
    name: 'tag rules dialog',
    open: async (app) => {
      await app.rulesForm.open.click();
      await expect(app.rulesForm.rules).toHaveCount(1);
      await app.rulesForm.dryRun.click();
      await expect(app.rulesForm.changes.first()).toBeVisible();
    },
  },
  {
    name: 'tag edit dialog',
    open: async (app) => {
      await app.sidebar.editTag('shipping').click();
      await expect(app.tagForm.dialog).toBeVisible();
    },
  },
  {
    name: 'browser pairing dialog',
    open: async (app) => {
      await app.browserButton.click();
      await app.browserClippingForm.enabled.check();
      await expect(app.browserClippingForm.details).toBeVisible();
    },
  },
  {
    name: 'save search dialog',
    open: async (app) => {
      await app.search('ceasefire');
      await app.waitForSearchTotal(1);
      await app.saveSearchButton.click();
      await expect(app.saveSearchForm.dialog).toBeVisible();
    },
  },
  {
    name: 'extension pairing request',
    open: async (app) => {
      const request = { requestId: 'views-request', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', name: 'Cuttings', version: '1.0.0', browser: 'Chromium 140', asked: '2026-01-10T09:00:00.000Z' };
      await app.sendAppEvent({ type: 'browser-pairing-request', request });
      await expect(app.pairingForm.dialog).toBeVisible();
    },
  },
  {
    name: 'evidence report dialog',
    open: async (app) => {
      await app.openArticle(VIEWS_ARTICLE);
      await app.evidenceForm.open.click();
      await expect(app.evidenceForm.dialog).toBeVisible();
    },
  },
  {
    name: 'delete dialog',
    open: async (app) => {
      await app.openArticle(VIEWS_ARTICLE);
      await app.deleteForm.open.click();
      await expect(app.deleteForm.dialog).toBeVisible();
    },
  },
  {
    name: 'details dialog',
    open: async (app) => {
      await app.openArticle(VIEWS_ARTICLE);
      await app.detailsForm.open.click();
      await expect(app.detailsForm.dialog).toBeVisible();
    },
  },
  {
    // Last: it renames a tag (the toast offers to undo it).
    name: 'undo toast',
    open: async (app) => {
      await app.sidebar.editTag('geneva').click();
      await app.tagForm.rename.fill('switzerland/geneva');
      await app.tagForm.renameSubmit.click();
      await expect(app.undoToast.toast).toBeVisible();
    },
  },
];
