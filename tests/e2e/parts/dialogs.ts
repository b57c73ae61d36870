/**
 * The window's dialogs as tests see them (parts of CuttingsPage): the Add, Save search,
 * Settings, Clip from the browser and Export dialogs, by the ids the renderer gives their
 * fields. A test reaches them as `app.addForm.url`, `app.exportForm.path` and so on.
 */
import type { Locator, Page } from '@playwright/test';

/** The Add dialog (renderer/dialogs/add-dialog.ts). */
export class AddForm {
  constructor(private readonly page: Page) {}

  get dialog(): Locator {
    return this.page.locator('#add-dialog');
  }
  get text(): Locator {
    return this.page.locator('#add-text');
  }
  get url(): Locator {
    return this.page.locator('#add-url');
  }
  get chooseFiles(): Locator {
    return this.page.locator('#add-file-choose');
  }
  /** The name of the file chosen (or how many). */
  get fileName(): Locator {
    return this.page.locator('#add-file-name');
  }
  get submit(): Locator {
    return this.page.locator('#add-submit');
  }
  get cancel(): Locator {
    return this.page.locator('#add-cancel');
  }
  get error(): Locator {
    return this.page.locator('#add-error');
  }
  /** The notice that the article is already in the library, with its three choices. */
  get duplicate(): Locator {
    return this.page.locator('#add-duplicate');
  }
  duplicateChoice(choice: 'skip' | 'keep' | 'version'): Locator {
    return this.page.locator(`#add-duplicate-${choice}`);
  }
}

/** The Save search dialog (renderer/dialogs/save-search-dialog.ts). */
export class SaveSearchForm {
  constructor(private readonly page: Page) {}

  get dialog(): Locator {
    return this.page.locator('#save-search-dialog');
  }
  get name(): Locator {
    return this.page.locator('#save-search-name');
  }
  /** The query that will be saved. */
  get query(): Locator {
    return this.page.locator('#save-search-query');
  }
  get submit(): Locator {
    return this.page.locator('#save-search-submit');
  }
  get error(): Locator {
    return this.page.locator('#save-search-error');
  }
}

/** The Settings dialog (renderer/dialogs/settings-dialog.ts). */
export class SettingsForm {
  constructor(private readonly page: Page) {}

  get dialog(): Locator {
    return this.page.locator('#settings-dialog');
  }
  /** The library in use. */
  get libraryPath(): Locator {
    return this.page.locator('#settings-library-path');
  }
  /** The field for another library's folder. */
  get libraryFolder(): Locator {
    return this.page.locator('#settings-library-folder');
  }
  get chooseFolder(): Locator {
    return this.page.locator('#settings-library-choose');
  }
  get openLibrary(): Locator {
    return this.page.locator('#settings-library-open');
  }
  get createLibrary(): Locator {
    return this.page.locator('#settings-library-create');
  }
  get libraryError(): Locator {
    return this.page.locator('#settings-library-error');
  }
  /** A theme's radio button. */
  theme(theme: 'system' | 'light' | 'dark'): Locator {
    return this.dialog.locator(`input[name="settings-theme"][value="${theme}"]`);
  }
  /** Whether clipping from the browser is on. */
  get browserState(): Locator {
    return this.page.locator('#settings-browser-state');
  }
  /** "Clip from the browser…", which opens that dialog. */
  get openBrowserClipping(): Locator {
    return this.page.locator('#settings-browser-open');
  }
  get close(): Locator {
    return this.page.locator('#settings-close');
  }
}

/** The Clip from the browser dialog (renderer/dialogs/browser-clipping-dialog.ts). */
export class BrowserClippingForm {
  constructor(private readonly page: Page) {}

  get dialog(): Locator {
    return this.page.locator('#browser-dialog');
  }
  /** The switch: accept pages from the browser. */
  get enabled(): Locator {
    return this.page.locator('#browser-enabled');
  }
  /** The token and bookmarklet, shown while it is on. */
  get details(): Locator {
    return this.page.locator('#browser-details');
  }
  get token(): Locator {
    return this.page.locator('#browser-token');
  }
  /** The bookmarklet as a link to drag. */
  get bookmarklet(): Locator {
    return this.page.locator('#browser-bookmarklet');
  }
  /** The bookmarklet as text to copy. */
  get bookmarkletText(): Locator {
    return this.page.locator('#browser-bookmarklet-text');
  }
  /** "Copy the token". */
  get copyToken(): Locator {
    return this.page.locator('#browser-copy-token');
  }
  /** "Copy the bookmarklet". */
  get copyBookmarklet(): Locator {
    return this.page.locator('#browser-copy');
  }
  /** "Copied …" after a copy. */
  get copied(): Locator {
    return this.page.locator('#browser-copied');
  }
  /** Why something failed (a copy, turning it on). */
  get error(): Locator {
    return this.page.locator('#browser-error');
  }
  get close(): Locator {
    return this.page.locator('#browser-close');
  }
  /** The paired browser extensions, one item each. */
  get pairings(): Locator {
    return this.page.locator('#browser-pairings .browser-pairing');
  }
  /** The Revoke button of the pairing whose text holds `text` (its browser or origin). */
  revoke(text: string): Locator {
    return this.pairings.filter({ hasText: text }).getByRole('button', { name: /^Revoke/u });
  }
  /** The address SingleFile is to upload to. */
  get singleFileUrl(): Locator {
    return this.page.locator('#browser-singlefile-url');
  }
}

/** The dialog that asks whether to pair a browser extension (renderer/dialogs/pairing-dialog.ts). */
export class PairingForm {
  constructor(private readonly page: Page) {}

  get dialog(): Locator {
    return this.page.locator('#pairing-dialog');
  }
  get browser(): Locator {
    return this.page.locator('#pairing-browser');
  }
  get extension(): Locator {
    return this.page.locator('#pairing-extension');
  }
  get origin(): Locator {
    return this.page.locator('#pairing-origin');
  }
  get allow(): Locator {
    return this.page.locator('#pairing-allow');
  }
  get refuse(): Locator {
    return this.page.locator('#pairing-refuse');
  }
}

/** The Export dialog (renderer/dialogs/export-dialog.ts). */
export class ExportForm {
  constructor(private readonly page: Page) {}

  get dialog(): Locator {
    return this.page.locator('#export-dialog');
  }
  get format(): Locator {
    return this.page.locator('#export-format');
  }
  /** The choice of articles: the search, the tag, or the selected article. */
  scope(choice: 'query' | 'tag' | 'selected'): Locator {
    return this.page.locator(`#export-scope-${choice}`);
  }
  /** The spreadsheet's options, shown for CSV and the Data Package. */
  get csvOptions(): Locator {
    return this.page.locator('#export-csv-options');
  }
  /** "Add each article's text as a column". */
  get withText(): Locator {
    return this.page.locator('#export-text');
  }
  get path(): Locator {
    return this.page.locator('#export-path');
  }
  get choosePath(): Locator {
    return this.page.locator('#export-choose');
  }
  get submit(): Locator {
    return this.page.locator('#export-submit');
  }
  /** Close, or Cancel while an export runs. */
  get cancel(): Locator {
    return this.page.locator('#export-cancel');
  }
  get error(): Locator {
    return this.page.locator('#export-error');
  }
  /** What was written, at the end. */
  get summary(): Locator {
    return this.page.locator('#export-summary');
  }
}
