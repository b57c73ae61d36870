/**
 * The window's parts for scans: the Add dialog's scan options, the bar at the foot while scans
 * are recognised, and the reader's scan panel (renderer/scans/, renderer/reader/scan-panel.ts).
 */
import type { Locator, Page } from '@playwright/test';

/** Scans in the window. */
export class ScanParts {
  constructor(private readonly page: Page) {}

  /** The Add dialog's "Scans" fieldset, shown when images are chosen. */
  get options(): Locator {
    return this.page.locator('#add-scan-options');
  }
  get asOne(): Locator {
    return this.page.locator('#add-scan-as-one');
  }
  /** A language's checkbox in the Add dialog, by its name ("German"). */
  language(name: string): Locator {
    return this.page.locator('#add-scan-languages').getByLabel(name);
  }
  get printPage(): Locator {
    return this.page.locator('#add-scan-page');
  }
  /** The bar at the window's foot while scans are recognised. */
  get progress(): Locator {
    return this.page.locator('.scan-progress');
  }
  get progressLabel(): Locator {
    return this.page.locator('.scan-progress-label');
  }
  get cancel(): Locator {
    return this.progress.getByRole('button', { name: 'Cancel' });
  }
  /** The reader's scan panel. */
  get panel(): Locator {
    return this.page.locator('.scan-panel');
  }
  get summary(): Locator {
    return this.page.locator('.scan-summary');
  }
  get images(): Locator {
    return this.panel.locator('img.scan-image');
  }
  /** Boxes over the words the search matched. */
  get hitBoxes(): Locator {
    return this.panel.locator('.scan-box.hit');
  }
  /** The box over the word clicked in the text. */
  get currentBox(): Locator {
    return this.panel.locator('.scan-box.current');
  }
  /** The line saying which of the headline and date were guessed from the text, to be checked. */
  get guessed(): Locator {
    return this.panel.locator('.scan-guessed');
  }
  get correctButton(): Locator {
    return this.panel.getByRole('button', { name: 'Correct the text…' });
  }
  get correctText(): Locator {
    return this.panel.getByRole('textbox', { name: 'The text, to correct' });
  }
  get saveCorrection(): Locator {
    return this.panel.getByRole('button', { name: 'Save as a new version' });
  }
}
