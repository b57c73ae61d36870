/**
 * The evidence parts of the window, as tests reach them: Settings ▸ Evidence, the reader's
 * Evidence report and Delete dialogs, and the status bar's count of waiting timestamps.
 */
import type { Locator, Page } from '@playwright/test';

/** Settings ▸ Evidence. */
export class EvidenceSettings {
  constructor(private readonly page: Page) {}

  /** The user's signing key's fingerprint. */
  get signingKey(): Locator {
    return this.page.locator('#settings-signing-key');
  }
  /** The choice of timestamping authority. */
  get tsa(): Locator {
    return this.page.locator('#settings-tsa');
  }
  /** Another TSA's address, and the button that takes it. */
  get otherUrl(): Locator {
    return this.page.locator('#settings-tsa-url');
  }
  get useOther(): Locator {
    return this.page.locator('#settings-tsa-use');
  }
  /** How many captures wait for a timestamp, and "Send now". */
  get waiting(): Locator {
    return this.page.locator('#settings-timestamps-waiting');
  }
  get sendNow(): Locator {
    return this.page.locator('#settings-timestamps-send');
  }
  /** The file field for a TSA root to trust. */
  get rootFile(): Locator {
    return this.page.locator('#settings-tsa-root');
  }
  get error(): Locator {
    return this.page.locator('#settings-evidence-error');
  }
}

/** The reader's evidence report dialog. */
export class EvidenceReportForm {
  constructor(private readonly page: Page) {}

  /** "Evidence report…" in the reader. */
  get open(): Locator {
    return this.page.locator('#reader-evidence');
  }
  get dialog(): Locator {
    return this.page.locator('#evidence-dialog');
  }
  get reportPath(): Locator {
    return this.page.locator('#evidence-report-path');
  }
  get bundlePath(): Locator {
    return this.page.locator('#evidence-bundle-path');
  }
  get write(): Locator {
    return this.page.locator('#evidence-write');
  }
  /** The verdict, once written. */
  get verdict(): Locator {
    return this.page.locator('#evidence-result .evidence-verdict');
  }
  get result(): Locator {
    return this.page.locator('#evidence-result');
  }
  get error(): Locator {
    return this.page.locator('#evidence-error');
  }
  get close(): Locator {
    return this.page.locator('#evidence-close');
  }
}

/** The reader's Delete… and its dialog. */
export class DeleteForm {
  constructor(private readonly page: Page) {}

  get open(): Locator {
    return this.page.locator('#reader-delete');
  }
  get dialog(): Locator {
    return this.page.locator('#delete-dialog');
  }
  get question(): Locator {
    return this.page.locator('#delete-heading');
  }
  get reason(): Locator {
    return this.page.locator('#delete-reason');
  }
  get confirm(): Locator {
    return this.page.locator('#delete-confirm');
  }
  get cancel(): Locator {
    return this.page.locator('#delete-cancel');
  }
}
