/**
 * The window's composition root: builds its parts on the markup in index.html and connects
 * them, and does nothing else. Where the state lives:
 *
 *   listing/listing.ts           what the list shows (search text, tag, sort, pages of hits);
 *                                the parts that show it follow its events
 *   library/library-state.ts     the library as a whole (size, tags, saved searches, index)
 *   dialogs/dialog.ts            whether a dialog is open
 *
 * adding.ts wires the ways in (Add, scans, drops and Import…, the browser, the first run),
 * organise.ts the organising tools (tag edits, undo, bulk tagging, rules, the timeline) and
 * app-events.ts what main sends unasked.
 */
import type { Article, ArticleSummary } from '../common/article';
import { installAdding } from './adding';
import { installAppEvents } from './app-events';
import { ArticleList } from './components/article-list';
import { FacetPanel } from './components/facets';
import { ListHeader } from './components/list-header';
import { SearchBox } from './components/search-box';
import { SearchHelp } from './components/search-help';
import { Sidebar } from './components/sidebar';
import { StatusBar } from './components/status-bar';
import { TimestampStatus } from './components/timestamp-status';
import { Toolbar } from './components/toolbar';
import { DeleteDialog } from './dialogs/delete-dialog';
import { DetailsDialog } from './dialogs/details-dialog';
import { EvidenceReportDialog } from './dialogs/evidence-report-dialog';
import { isDialogOpen } from './dialogs/dialog';
import { ExportDialog } from './dialogs/export-dialog';
import { SaveSearchDialog } from './dialogs/save-search-dialog';
import { SettingsDialog } from './dialogs/settings-dialog';
import { attempt, call, setErrorReporter } from './helpers/api-client';
import { required } from './helpers/dom';
import { installShortcuts } from './helpers/keyboard-shortcuts';
import { applyTheme } from './helpers/theme';
import { LibraryState } from './library/library-state';
import { Listing } from './listing/listing';
import { installOrganising } from './organise';
import { Reader } from './reader/reader';

const status = new StatusBar(required('status-message', HTMLElement), required('status-summary', HTMLElement), required('status-index', HTMLElement));
setErrorReporter((message) => status.error(message));

const listing = new Listing();
const list = new ArticleList(required('article-list', HTMLElement), listing, {
  onOpen: (id) => void openArticle(id),
  // The bulk bar follows the selection (organise.ts; built below, once the list exists).
  onSelectionChange: () => organising.bulkBar.update(),
});
const sidebar = new Sidebar(required('library-header', HTMLElement), required('library-nav', HTMLElement), listing, (saved) => void library.deleteSavedSearch(saved));
const searchParts = { input: required('search-input', HTMLInputElement), error: required('search-error', HTMLElement), fault: required('search-fault', HTMLElement) };
const search = new SearchBox(searchParts, listing);
new ListHeader({ title: required('list-title', HTMLElement), total: required('search-total', HTMLElement), titlesOnlyNote: required('titles-only-note', HTMLElement) }, listing);
const help = new SearchHelp(required('search-help-button', HTMLButtonElement), required('search-help', HTMLElement));
new FacetPanel(required('facets', HTMLElement), listing);
const timestamps = new TimestampStatus(required('status-timestamps', HTMLElement));
const library = new LibraryState({ listing, sidebar, list, status, timestamps });
status.followListing(listing, () => library.articles);
const evidenceDialog = new EvidenceReportDialog();
const deleteDialog = new DeleteDialog((id, title) => void articleDeleted(id, title));
const detailsDialog = new DetailsDialog((article) => detailsSaved(article));
const reader = new Reader(required('reader', HTMLElement), {
  knownTags: () => library.tagNames,
  tagsSaved: (id, tags) => library.articleTagsChanged(id, tags),
  newVersion: () =>
    attempt(async () => {
      await library.refresh();
      await listing.reload();
    }),
  evidenceReport: (article) => evidenceDialog.open(article),
  deleteArticle: (article) => deleteDialog.open(article),
  editDetails: (article, guessed) => detailsDialog.open(article, guessed),
});

const adding = installAdding({ listing, library, status, articleAdded: (summary) => void articleAdded(summary) });
const { addDialog, browserClippingDialog, pairingDialog, scans, firstRun } = adding;
const saveDialog = new SaveSearchDialog((searches, saved) => library.searchSaved(searches, saved));
const settingsDialog = new SettingsDialog(() => void browserClippingDialog.open(), undefined, () => void timestamps.refresh());
// Export… offers the search as listed (with the sidebar's tag), the tag alone, and the selected article.
const exportDialog = new ExportDialog(() => {
  const selected = list.selectedId === undefined ? undefined : list.item(list.selectedId)?.summary;
  return {
    query: listing.text === '' ? '' : listing.searchQuery.trim(),
    tag: listing.tag,
    selected: selected ? { id: selected.id, title: selected.title } : null,
  };
});
new Toolbar(listing, {
  add: () => addDialog.open(),
  browserClipping: () => void browserClippingDialog.open(),
  saveSearch: () => saveDialog.open(listing.searchQuery, sidebar.savedSearches),
  import: adding.importFiles,
  export: () => exportDialog.open(),
});
const organising = installOrganising({ listing, library, list, sidebar, status, reader });

installShortcuts({
  list, search, modalOpen: () => isDialogOpen(), dismiss: () => help.close(), help: () => help.open(),
  add: () => (isDialogOpen(addDialog) ? undefined : addDialog.open()),
  tag: () => void tagSelected(), highlight: () => reader.startHighlight(), undo: () => void organising.undoToast.undoLatest(),
  details: () => void editDetailsOfSelected(),
});
installAppEvents({
  addDialog, settingsDialog, exportDialog, pairingDialog, browserClippingDialog, search, status, library, bulkProgress: organising.progress,
  openArticle: (id) => void openArticle(id),
  editDetails: () => void editDetailsOfSelected(),
  scanProgress: (file, page, pages) => scans.pageProgress(file, page, pages),
});

/** Opens an article in the reader, with the words its search hit matched marked. */
async function openArticle(id: string): Promise<void> {
  list.select(id);
  await reader.open(id, list.item(id)?.terms ?? []);
}

/**
 * Puts the article selected in the list in the reader, unless the reader shows it already or
 * nothing is selected (then the article open stays). False when there is neither.
 */
async function openSelected(): Promise<boolean> {
  const id = list.selectedId;
  if (reader.articleId !== undefined && (id === undefined || reader.articleId === id)) return true;
  if (id === undefined) return false;
  await openArticle(id);
  return true;
}

/** `t`: the reader's tag field, for the article selected in the list or, if none is, the one open. */
async function tagSelected(): Promise<void> {
  if (await openSelected()) reader.focusTags();
}

/** Edit Details… (the menu, or `e`): the details dialog for the article selected in the list or, if none is, the one open. */
async function editDetailsOfSelected(): Promise<void> {
  if (await openSelected()) reader.editDetails();
  else status.info('Select a cutting to edit its details');
}

/** A cutting was deleted (the custody log keeps its hashes): it leaves the reader and the list. */
async function articleDeleted(id: string, title: string): Promise<void> {
  if (reader.articleId === id) reader.clear();
  status.info(`Deleted “${title}”; the custody log keeps its hashes`);
  await library.changed();
  list.focus();
}

/** An article's details were saved (Edit details…): its row and the reader show them at once. */
function detailsSaved(article: Article): void {
  list.updateDetails(article);
  reader.detailsChanged(article);
  status.info(`Saved the details of “${article.title}”`);
}

/** Shows an article just added: it is the newest, first in the unfiltered list. */
async function articleAdded(summary: ArticleSummary): Promise<void> {
  status.info(`Added “${summary.title}”`);
  search.clear();
  listing.setTag(null);
  await library.changed();
  await openArticle(summary.id);
  list.focus();
}

void (async () => {
  await attempt(async () => applyTheme((await call('getSettings')).theme));
  await library.load();
  await listing.reload();
  await adding.showWaitingPairings();
  document.body.dataset.ready = 'true';
  if (firstRun.shown) firstRun.focus();
  else list.focus();
})();
