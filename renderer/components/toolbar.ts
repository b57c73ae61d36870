/**
 * The toolbar over the list, around the search box: Add (its shortcut in the tooltip),
 * Browser…, the sort menu, Save search (only while there is search text to save), Import…
 * and Export…. The sort menu sets the listing's order; the buttons open what the owner says.
 */
import type { SearchSort } from '../../common/api';
import { required } from '../helpers/dom';
import type { Listing } from '../listing/listing';

/** What the toolbar's buttons do. */
export interface ToolbarActions {
  add(): void;
  browserClipping(): void;
  /** Saves the search (called only while there is search text). */
  saveSearch(): void;
  /** Chooses files to import (called from the click, so the file chooser may open). */
  import(): void;
  export(): void;
}

/** The toolbar; one per window. */
export class Toolbar {
  constructor(listing: Listing, actions: ToolbarActions) {
    const add = required('add-button', HTMLButtonElement);
    add.addEventListener('click', () => actions.add());
    add.title = `Add an article (${/Mac|iPhone|iPad/u.test(navigator.userAgent) ? '⌘N' : 'Ctrl+N'})`;
    required('browser-button', HTMLButtonElement).addEventListener('click', () => actions.browserClipping());
    const sort = required('search-sort', HTMLSelectElement);
    // The menu may come back from a reload showing the order chosen before (the browser keeps form state).
    listing.setSort(sort.value as SearchSort);
    sort.addEventListener('change', () => listing.setSort(sort.value as SearchSort));
    const save = required('save-search-button', HTMLButtonElement);
    save.addEventListener('click', () => {
      if (listing.text !== '') actions.saveSearch();
    });
    listing.subscribe((event) => {
      if (event.type === 'query') save.disabled = event.text === '';
    });
    required('import-button', HTMLButtonElement).addEventListener('click', () => actions.import());
    required('export-button', HTMLButtonElement).addEventListener('click', () => actions.export());
  }
}
