/**
 * The window's composition root: builds the sidebar, search box, article list, reader and
 * dialogs on the markup in index.html and wires them together. What is listed depends on
 * two things, the search text and the sidebar's tag:
 *
 *   neither         every article (listArticles), newest first
 *   a tag only      every article with that tag or one below it, filtered here
 *   search text     search hits from main, a page at a time, the tag added as `tag:"…"`,
 *                   in the order the sort menu says, with facets to narrow them by
 *
 * A query main refuses (it does not parse) leaves the last results in place, dimmed, with
 * main's message under the search box until the text parses again.
 */
import type { SavedSearch, SearchSort } from '../common/api';
import type { ArticleSummary, SearchResults } from '../common/article';
import { isTagUnder, tagKey } from '../common/tags';
import { AddDialog } from './dialogs/add-dialog';
import { BrowserClippingDialog } from './dialogs/browser-clipping-dialog';
import { isDialogOpen } from './dialogs/dialog';
import { ExportDialog } from './dialogs/export-dialog';
import { ApiCallError, attempt, call, messageOf, setErrorReporter } from './helpers/api-client';
import { ArticleList, type ListItem } from './components/article-list';
import { required } from './helpers/dom';
import { FacetPanel, refineQuery } from './components/facets';
import { folderName, plural } from './helpers/format';
import { IndexStatusWatcher } from './library/index-status';
import { installShortcuts } from './helpers/keyboard-shortcuts';
import { Reader } from './reader/reader';
import { SaveSearchDialog } from './dialogs/save-search-dialog';
import { SearchBox } from './components/search-box';
import { SearchHelp } from './components/search-help';
import { installFileDrop } from './helpers/file-drop';
import { SettingsDialog } from './dialogs/settings-dialog';
import { applyTheme } from './helpers/theme';
import { Sidebar } from './components/sidebar';
import { StatusBar } from './components/status-bar';
import { installOrganising } from './organise';
import { tagColours } from './components/tag-tree';

/** Search hits fetched per page. */
const PAGE_SIZE = 100;

const status = new StatusBar(
  required('status-message', HTMLElement),
  required('status-summary', HTMLElement),
  required('status-index', HTMLElement),
);
setErrorReporter((message) => status.error(message));

const listElement = required('article-list', HTMLElement);
const listTitle = required('list-title', HTMLElement);
const list = new ArticleList(listElement, {
  onOpen: (id) => void openArticle(id),
  onNearEnd: () => void loadMoreHits(),
  // The bulk bar follows the selection (organise.ts; built below, once the list exists).
  onSelectionChange: () => organising.bulkBar.update(),
});
const sidebar = new Sidebar(
  required('library-header', HTMLElement),
  required('library-nav', HTMLElement),
  () => {
    void reload();
  },
  {
    open: (saved) => {
      // A saved search runs as it was saved, not narrowed by a tag chosen since.
      sidebar.setActive(null);
      search.setQuery(saved.query);
    },
    delete: (saved) => void deleteSavedSearch(saved),
  },
);
const search = new SearchBox(
  {
    input: required('search-input', HTMLInputElement),
    total: required('search-total', HTMLElement),
    error: required('search-error', HTMLElement),
    fault: required('search-fault', HTMLElement),
  },
  () => {
    void reload();
  },
);
const sortSelect = required('search-sort', HTMLSelectElement);
sortSelect.addEventListener('change', () => {
  if (search.query !== '') void reload();
});
const saveSearchButton = required('save-search-button', HTMLButtonElement);
const help = new SearchHelp(required('search-help-button', HTMLButtonElement), required('search-help', HTMLElement));
const facets = new FacetPanel(required('facets', HTMLElement), (clause) => search.setQuery(refineQuery(search.query, clause)));
const titlesOnlyNote = required('titles-only-note', HTMLElement);
const reader = new Reader(required('reader', HTMLElement), {
  knownTags: () => sidebar.tagNames,
  saveTags: async (id, change) => {
    const tags = await call('updateTags', { id, ...change });
    list.updateTags(id, tags);
    organising.tagsChanged(id, tags);
    await refreshTags();
    return tags;
  },
  notes: {
    setNote: (id, note) => call('setNote', { id, note }),
    addHighlight: (id, selected, comment) => call('addHighlight', { id, ...selected, ...(comment ? { comment } : {}) }),
    updateHighlight: (id, highlightId, comment) => call('updateHighlight', { id, highlightId, comment }),
    removeHighlight: (id, highlightId) => call('removeHighlight', { id, highlightId }),
  },
  suggestTags: (id) => call('suggestTags', id),
  recapture: async (id) => {
    const outcome = await call('recapture', id);
    // A new version is a new article in the list; the reader stays on this one, showing the diff.
    if (outcome.changed) await attempt(async () => {
      await refreshLibrary();
      await reload();
    });
    return outcome;
  },
});
const addDialog = new AddDialog((summary) => void articleAdded(summary));
const saveDialog = new SaveSearchDialog((searches, saved) => {
  sidebar.setSavedSearches(searches);
  status.info(`Saved the search “${saved.name}”`);
});

required('add-button', HTMLButtonElement).addEventListener('click', () => addDialog.open());
const browserClippingDialog = new BrowserClippingDialog();
required('browser-button', HTMLButtonElement).addEventListener('click', () => void browserClippingDialog.open());
const addShortcut = /Mac|iPhone|iPad/u.test(navigator.userAgent) ? '⌘N' : 'Ctrl+N';
required('add-button', HTMLButtonElement).title = `Add an article (${addShortcut})`;
saveSearchButton.addEventListener('click', () => {
  if (search.query !== '') saveDialog.open(withTag(search.query, sidebar.filter), sidebar.savedSearches);
});
const settingsDialog = new SettingsDialog(() => void browserClippingDialog.open());
// Export… offers the search as listed (with the sidebar's tag), the tag alone, and the selected article.
const exportDialog = new ExportDialog(() => {
  const selectedId = list.selectedId;
  const selected = selectedId === undefined ? undefined : list.item(selectedId);
  return {
    query: search.query === '' ? '' : withTag(search.query, sidebar.filter).trim(),
    tag: sidebar.filter,
    selected: selected ? { id: selected.summary.id, title: selected.summary.title } : null,
  };
});
required('export-button', HTMLButtonElement).addEventListener('click', () => exportDialog.open());
const organising = installOrganising({
  list,
  sidebar,
  search,
  status,
  reload: () => reload(),
  refreshTags: () => refreshTags(),
  listedQuery: () => listedQuery(),
  total: () => searchState?.total ?? list.length,
  allLoaded: () => searchState === null || searchState.loaded >= searchState.total,
  refreshReader: async () => {
    const id = reader.articleId;
    if (id !== undefined) reader.setTags(id, (await call('getArticle', id)).tags);
  },
});
installShortcuts({
  list,
  listElement,
  search,
  add: () => {
    if (!isDialogOpen(addDialog)) addDialog.open();
  },
  modalOpen: () => isDialogOpen(),
  dismiss: () => help.close(),
  help: () => help.open(),
  tag: () => void tagSelected(),
  highlight: () => reader.startHighlight(),
  undo: () => void organising.undoToast.undoLatest(),
});

/** `t`: the reader's tag field, for the article open or, if none is, the one selected in the list. */
async function tagSelected(): Promise<void> {
  const id = list.selectedId;
  if (reader.articleId === undefined || (id !== undefined && reader.articleId !== id)) {
    if (id === undefined) return;
    await openArticle(id);
  }
  reader.focusTags();
}

/** The query of what the list shows ('' for every article); null when a tag cannot be said in a query. */
function listedQuery(): string | null {
  const tag = sidebar.filter;
  if (tag !== null && tag.includes('"')) return null;
  if (search.query === '') return tag === null ? '' : `tag:"${tag}"`;
  return withTag(search.query, tag).trim();
}

// What main sends unasked: menu commands, an address to clip, files opened from the OS.
window.cuttings.onAppEvent((event) => {
  switch (event.type) {
    case 'add-cutting':
      if (isDialogOpen(addDialog)) return;
      if (event.url) addDialog.openWithUrl(event.url);
      else addDialog.open();
      return;
    case 'focus-search':
      search.element.focus();
      search.element.select();
      return;
    case 'open-settings':
      if (!isDialogOpen()) void settingsDialog.open();
      return;
    case 'library-changed':
      if (event.error) status.error(event.message);
      else status.info(event.message);
      void attempt(async () => {
        await refreshLibrary();
        await refreshTags();
      }).then(() => reload());
      return;
    case 'open-export':
      if (!isDialogOpen()) exportDialog.open();
      return;
    case 'export-progress':
      exportDialog.showProgress(event.done, event.total);
      return;
    case 'bulk-progress':
      organising.progress(event.done, event.total);
      return;
  }
});
installFileDrop({
  added: (summary) => void articleAdded(summary),
  failed: (message) => status.error(message),
  imported: (message) => {
    status.info(message);
    void attempt(async () => {
      await refreshLibrary();
      await refreshTags();
    }).then(() => reload());
  },
  modalOpen: () => isDialogOpen(),
});

/** The state of the current search, for paging and for dropping stale answers. */
let generation = 0;
let searchState: { query: string; sort: SearchSort; total: number; loaded: number; loading: boolean } | null = null;
/** Whether the results shown came from titles alone (the index was loading). */
let titlesOnly = false;
let libraryCount = 0;

const indexWatcher = new IndexStatusWatcher(
  async () => {
    const info = await call('libraryInfo');
    libraryCount = info.articles;
    return info.search;
  },
  {
    onStatus: (searchStatus) => status.setIndexStatus(searchStatus),
    // Results found in titles alone are incomplete: search again now the text can be searched.
    onReady: () => {
      if (titlesOnly) void reload();
    },
    onError: (error) => status.error(messageOf(error)),
  },
);

async function refreshLibrary(): Promise<void> {
  const info = await call('libraryInfo');
  libraryCount = info.articles;
  sidebar.setLibrary(info);
  indexWatcher.update(info.search);
  document.title = `${folderName(info.path)} — Cuttings`;
}

async function refreshSavedSearches(): Promise<void> {
  sidebar.setSavedSearches(await call('listSavedSearches'));
}

async function deleteSavedSearch(saved: SavedSearch): Promise<void> {
  const left = await attempt(() => call('deleteSavedSearch', saved.name));
  if (!left) return;
  sidebar.setSavedSearches(left);
  status.info(`Deleted the saved search “${saved.name}”`);
}

/** Dims the list (and facets) while they show results of an earlier query than the text's. */
function setStale(stale: boolean): void {
  listElement.classList.toggle('stale', stale);
  facets.setStale(stale);
}

async function refreshTags(): Promise<void> {
  const tags = await call('listTags');
  list.setTagColours(tagColours(tags));
  const dropped = sidebar.setTags(tags);
  if (dropped) await reload();
}

/** Fetches what the list should show for the current search text and tag. */
async function reload(): Promise<void> {
  const mine = ++generation;
  const text = search.query;
  const tag = sidebar.filter;
  saveSearchButton.disabled = text === '';
  sidebar.setCurrentQuery(tag === null ? text : '');
  if (text === '') {
    listTitle.textContent = tag ?? 'All articles';
    searchState = null;
    titlesOnly = false;
    search.clearError();
    setStale(false);
    facets.hide();
    titlesOnlyNote.hidden = true;
    const all = await attempt(() => call('listArticles'));
    if (!all || mine !== generation) return;
    organising.summariesLoaded(all);
    const shown = tag === null ? all : all.filter((summary) => hasTag(summary, tag));
    search.setTotal('');
    list.setItems(
      shown.map((summary) => ({ summary })),
      tag === null ? 'No articles yet. Add one with the Add button.' : `No articles are tagged ${tag}.`,
    );
    status.setSummary(tag === null ? plural(shown.length, 'article') : `${plural(shown.length, 'article')} tagged ${tag}`);
    organising.listed();
    return;
  }
  const query = withTag(text, tag);
  const sort = sortSelect.value as SearchSort;
  let results: SearchResults;
  try {
    results = await call('search', { query, limit: PAGE_SIZE, sort });
  } catch (error) {
    if (mine !== generation) return;
    if (error instanceof ApiCallError && error.code === 'invalid-input') {
      // The text does not parse: say why, and keep what was listed, dimmed, until it does.
      search.showError(error.message);
      setStale(true);
    } else {
      status.error(messageOf(error));
    }
    return;
  }
  if (mine !== generation) return;
  search.clearError();
  setStale(false);
  listTitle.textContent = tag === null ? 'Search results' : `Search results in ${tag}`;
  const items = hitsToItems(results, tag);
  searchState = { query, sort, total: results.total, loaded: results.hits.length, loading: false };
  titlesOnly = results.titlesOnly === true;
  titlesOnlyNote.hidden = !titlesOnly;
  facets.show(results.facets, query);
  search.setTotal(plural(results.total, 'result'));
  list.setItems(items, tag === null ? `Nothing matches “${text}”.` : `Nothing tagged ${tag} matches “${text}”.`);
  status.setSummary(`${plural(results.total, 'result')} of ${plural(libraryCount, 'article')}`);
  organising.listed();
}

/** Fetches the next page of search hits when the user scrolls near the end. */
async function loadMoreHits(): Promise<void> {
  const state = searchState;
  if (!state || state.loading || state.loaded >= state.total) return;
  state.loading = true;
  const mine = generation;
  const results = await attempt(() => call('search', { query: state.query, limit: PAGE_SIZE, offset: state.loaded, sort: state.sort }));
  // Done either way: these results may still be listed (dimmed) if the next query fails.
  state.loading = false;
  if (mine !== generation || searchState !== state || !results) return;
  state.loaded += results.hits.length;
  if (results.hits.length === 0) state.total = state.loaded;
  list.appendItems(hitsToItems(results, sidebar.filter));
}

function hitsToItems(results: SearchResults, tag: string | null): ListItem[] {
  // A tag with a double quote cannot be written in a query (see withTag): filter here instead.
  return results.hits
    .filter((hit) => tag === null || !tag.includes('"') || hasTag(hit, tag))
    .map((hit) => ({ summary: hit, snippet: hit.snippet, terms: hit.terms }));
}

/** Adds the sidebar's tag to a query as `tag:"…"`, which main's query parser understands. */
function withTag(text: string, tag: string | null): string {
  if (tag === null || tag.includes('"')) return text;
  return `${text} tag:"${tag}"`;
}

/** Whether an article carries a tag or one below it (`ukraine` matches `ukraine/diplomacy`). */
function hasTag(summary: ArticleSummary, tag: string): boolean {
  const wanted = tagKey(tag);
  return summary.tags.some((candidate) => isTagUnder(candidate, wanted));
}

/** Counts openings, so that a slow answer for an earlier click cannot replace a later one. */
let opening = 0;

async function openArticle(id: string): Promise<void> {
  list.select(id);
  // A search hit's matched words are marked in the reader.
  const terms = list.item(id)?.terms ?? [];
  // Already open: keep it as it is, with whatever the user is typing in its tag field.
  if (reader.articleId === id) {
    reader.setMatchTerms(terms);
    return;
  }
  const mine = ++opening;
  const article = await attempt(() => call('getArticle', id));
  if (!article || mine !== opening) return;
  reader.show(article, terms);
}

async function articleAdded(summary: ArticleSummary): Promise<void> {
  status.info(`Added “${summary.title}”`);
  // Show the new article: it is the newest, first in the unfiltered list.
  search.clear();
  sidebar.setActive(null);
  await attempt(async () => {
    await refreshLibrary();
    await refreshTags();
  });
  await reload();
  await openArticle(summary.id);
  list.focus();
}

void (async () => {
  await attempt(async () => applyTheme((await call('getSettings')).theme));
  await attempt(async () => {
    await refreshLibrary();
    await refreshTags();
    await refreshSavedSearches();
  });
  await reload();
  document.body.dataset.ready = 'true';
  list.focus();
})();
