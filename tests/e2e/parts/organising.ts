/**
 * The organising tools as tests see them (parts of CuttingsPage): the Edit tag and Tag rules
 * dialogs, the bulk bar over the list, the timeline and the undo toast, by the ids the renderer
 * gives them. A test reaches them as `app.tagForm.rename`, `app.bulkBar.count` and so on.
 */
import type { Locator, Page } from '@playwright/test';

/** The Edit tag dialog (renderer/dialogs/tag-dialog.ts). */
export class TagForm {
  constructor(private readonly page: Page) {}

  get dialog(): Locator {
    return this.page.locator('#tag-dialog');
  }
  get heading(): Locator {
    return this.page.locator('#tag-dialog-heading');
  }
  get rename(): Locator {
    return this.page.locator('#tag-rename');
  }
  /** Rename, or Merge when the new name is a tag that exists. */
  get renameSubmit(): Locator {
    return this.page.locator('#tag-rename-submit');
  }
  /** What the rename would do (a merge, a change of case). */
  get renameNote(): Locator {
    return this.page.locator('#tag-rename-note');
  }
  /** The tag to move it under. */
  get move(): Locator {
    return this.page.locator('#tag-move');
  }
  get moveSubmit(): Locator {
    return this.page.locator('#tag-move-submit');
  }
  get moveNote(): Locator {
    return this.page.locator('#tag-move-note');
  }
  /** One of the colours offered with one click, by its `#rrggbb`. */
  colour(hex: string): Locator {
    return this.page.getByRole('button', { name: `Colour ${hex}` });
  }
  get delete(): Locator {
    return this.page.locator('#tag-delete');
  }
  /** The question asked before deleting, naming how many articles lose the tag. */
  get deleteQuestion(): Locator {
    return this.page.locator('#tag-delete-question');
  }
  get confirmDelete(): Locator {
    return this.page.locator('#tag-delete-confirm-button');
  }
  get error(): Locator {
    return this.page.locator('#tag-dialog-error');
  }
  get close(): Locator {
    return this.page.locator('#tag-dialog-close');
  }
}

/** The Tag rules dialog (renderer/dialogs/rules-dialog.ts) and the button that opens it. */
export class RulesForm {
  constructor(private readonly page: Page) {}

  /** "Tag rules…" at the foot of the sidebar. */
  get open(): Locator {
    return this.page.locator('#rules-button');
  }
  get dialog(): Locator {
    return this.page.locator('#rules-dialog');
  }
  get list(): Locator {
    return this.page.locator('#rules-list');
  }
  get rules(): Locator {
    return this.list.locator('.rule');
  }
  /** A rule's Remove button, by the rule's query. */
  remove(query: string): Locator {
    return this.page.getByRole('button', { name: `Remove the rule ${query}` });
  }
  get query(): Locator {
    return this.page.locator('#rule-query');
  }
  get tags(): Locator {
    return this.page.locator('#rule-tags');
  }
  get add(): Locator {
    return this.page.locator('#rule-add');
  }
  get error(): Locator {
    return this.page.locator('#rule-error');
  }
  /** "Apply to archive…", which shows the dry run first. */
  get dryRun(): Locator {
    return this.page.locator('#rules-dry-run');
  }
  get dryRunCount(): Locator {
    return this.page.locator('#rules-dry-run-count');
  }
  /** The articles the dry run would change, each with the tags it gains. */
  get changes(): Locator {
    return this.page.locator('#rules-changes li');
  }
  get apply(): Locator {
    return this.page.locator('#rules-apply');
  }
  get result(): Locator {
    return this.page.locator('#rules-result');
  }
}

/** The bulk bar over the list (renderer/components/bulk-bar.ts). */
export class BulkBar {
  constructor(private readonly page: Page) {}

  get bar(): Locator {
    return this.page.locator('#bulk-bar');
  }
  /** How many are selected. */
  get count(): Locator {
    return this.page.locator('#bulk-count');
  }
  get selectAll(): Locator {
    return this.page.locator('#bulk-select-all');
  }
  get tags(): Locator {
    return this.page.locator('#bulk-tags');
  }
  get add(): Locator {
    return this.page.locator('#bulk-add');
  }
  get remove(): Locator {
    return this.page.locator('#bulk-remove');
  }
  /** Main's summary of the change, or its message. */
  get result(): Locator {
    return this.page.locator('#bulk-result');
  }
}

/** The timeline over the list (renderer/components/timeline.ts). */
export class Timeline {
  constructor(private readonly page: Page) {}

  get bars(): Locator {
    return this.page.locator('#timeline-bars .timeline-bar');
  }
  /** How many articles are counted, and how many have no date. */
  get note(): Locator {
    return this.page.locator('#timeline-note');
  }
  /** Published or clipped. */
  get by(): Locator {
    return this.page.locator('#timeline-by');
  }
  /** Days, weeks or months. */
  get unit(): Locator {
    return this.page.locator('#timeline-unit');
  }
}

/** The undo toast (renderer/components/undo-toast.ts). */
export class UndoToast {
  constructor(private readonly page: Page) {}

  get toast(): Locator {
    return this.page.locator('#undo-toast');
  }
  get message(): Locator {
    return this.page.locator('#undo-message');
  }
  get undo(): Locator {
    return this.page.locator('#undo-button');
  }
}
