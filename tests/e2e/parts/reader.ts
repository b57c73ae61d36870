/**
 * The reader's parts as tests see them (parts of CuttingsPage): the notes and highlights, the
 * suggested tags, Capture again and the provenance. The article itself is
 * CuttingsPage.readerFrame.
 */
import type { Locator, Page } from '@playwright/test';

/** The notes and highlights panel and the Highlight selection button (renderer/reader/notes-panel.ts). */
export class NotesPanel {
  constructor(private readonly page: Page) {}

  get panel(): Locator {
    return this.page.locator('#reader-notes');
  }
  /** The panel's summary line, which folds and unfolds it. */
  get summary(): Locator {
    return this.page.locator('#reader-notes > summary');
  }
  /** The note, shown formatted. */
  get view(): Locator {
    return this.page.locator('#note-view');
  }
  /** "Add a note" or "Edit note". */
  get edit(): Locator {
    return this.page.locator('#note-edit');
  }
  get text(): Locator {
    return this.page.locator('#note-text');
  }
  get save(): Locator {
    return this.page.locator('#note-save');
  }
  get cancel(): Locator {
    return this.page.locator('#note-cancel');
  }
  get error(): Locator {
    return this.page.locator('#notes-error');
  }
  /** "Highlight selection", above the article. */
  get highlightButton(): Locator {
    return this.page.locator('#highlight-button');
  }
  /** The form for a new highlight: its quote, a comment and Save. */
  get highlightForm(): Locator {
    return this.page.locator('#highlight-form');
  }
  get highlightComment(): Locator {
    return this.page.locator('#highlight-comment');
  }
  get saveHighlight(): Locator {
    return this.page.locator('#highlight-save');
  }
  get highlights(): Locator {
    return this.page.locator('#highlight-list .highlight-item');
  }
}

/** The rest of the reader around the article: suggested tags, Capture again, provenance. */
export class ReaderDetails {
  constructor(private readonly page: Page) {}

  /** The suggested tags' chips. */
  get suggestions(): Locator {
    return this.page.locator('#suggested-tags .suggestion-chip');
  }
  /** A suggested tag's chip, by its tag. */
  suggestion(tag: string): Locator {
    return this.page.getByRole('button', { name: `Add tag ${tag}` });
  }
  /** "N more", after the first few suggestions. */
  get moreSuggestions(): Locator {
    return this.page.locator('#suggested-tags .suggested-more');
  }
  get recapture(): Locator {
    return this.page.locator('.recapture-button');
  }
  get recaptureResult(): Locator {
    return this.page.locator('.recapture-result');
  }
  /** The article's address in the metadata, as a link. */
  get url(): Locator {
    return this.page.locator('.reader-meta a.reader-url');
  }
  get provenance(): Locator {
    return this.page.locator('.provenance');
  }
}

/** The reader's Edit details… and its dialog (renderer/dialogs/details-dialog.ts). */
export class DetailsForm {
  constructor(private readonly page: Page) {}

  /** "Edit details…" under the article's metadata. */
  get open(): Locator {
    return this.page.locator('#reader-edit-details');
  }
  get dialog(): Locator {
    return this.page.locator('#details-dialog');
  }
  get title(): Locator {
    return this.page.locator('#details-title');
  }
  get published(): Locator {
    return this.page.locator('#details-published');
  }
  get author(): Locator {
    return this.page.locator('#details-author');
  }
  get source(): Locator {
    return this.page.locator('#details-source');
  }
  /** The line under a field: a scan's guess to check, or offered with its Use button. */
  note(field: 'title' | 'published'): Locator {
    return this.page.locator(`#details-${field}-note`);
  }
  useGuess(field: 'title' | 'published'): Locator {
    return this.page.locator(`#details-${field}-use-guess`);
  }
  /** What is wrong with a field, under it. */
  fieldError(field: 'title' | 'published' | 'author' | 'source'): Locator {
    return this.page.locator(`#details-${field}-error`);
  }
  /** Main's refusal, word for word. */
  get error(): Locator {
    return this.page.locator('#details-error');
  }
  /** Save, or Confirm for a scan's guesses left as they are. */
  get save(): Locator {
    return this.page.locator('#details-save');
  }
  get cancel(): Locator {
    return this.page.locator('#details-cancel');
  }
  /** The reader's metadata list (source, author, published…). */
  get readerMeta(): Locator {
    return this.page.locator('.reader-meta');
  }
}
