/**
 * The window's composition root: builds the sidebar, search box, article list, reader and
 * add dialog on the markup in index.html and wires them together. What is listed depends on
 * two things, the search text and the sidebar's tag:
 *
 *   neither         every article (listArticles), newest first
 *   a tag only      every article with that tag or one below it, filtered here
 *   search text     search hits from main, a page at a time, the tag added as `tag:"…"`
 */
import type { ArticleSummary, SearchResults } from '../common/article';
import { tagKey } from '../common/tags';
import { AddDialog } from './add-dialog';
import { attempt, call, setErrorReporter } from './api-client';
import { ArticleList, type ListItem } from './article-list';
import { required } from './dom';
import { folderName, plural } from './format';
import { installShortcuts } from './keyboard-shortcuts';
import { Reader } from './reader';
import { SearchBox } from './search-box';
import { Sidebar } from './sidebar';
import { StatusBar } from './status-bar';

/** Search hits fetched per page. */
const PAGE_SIZE = 100;

const status = new StatusBar(required('status-message', HTMLElement), required('status-summary', HTMLElement));
setErrorReporter((message) => status.error(message));

const listElement = required('article-list', HTMLElement);
const listTitle = required('list-title', HTMLElement);
const list = new ArticleList(listElement, {
  onOpen: (id) => void openArticle(id),
  onNearEnd: () => void loadMoreHits(),
});
const sidebar = new Sidebar(required('library-header', HTMLElement), required('library-nav', HTMLElement), () => {
  void reload();
});
const search = new SearchBox(required('search-input', HTMLInputElement), required('search-total', HTMLElement), () => {
  void reload();
});
const reader = new Reader(required('reader', HTMLElement), {
  knownTags: () => sidebar.tagNames,
  saveTags: async (id, change) => {
    const tags = await call('updateTags', { id, ...change });
    list.updateTags(id, tags);
    await refreshTags();
    return tags;
  },
});
const addDialog = new AddDialog((summary) => void articleAdded(summary));

required('add-button', HTMLButtonElement).addEventListener('click', () => addDialog.open());
const addShortcut = /Mac|iPhone|iPad/u.test(navigator.userAgent) ? '⌘N' : 'Ctrl+N';
required('add-button', HTMLButtonElement).title = `Add an article (${addShortcut})`;
installShortcuts({
  list,
  listElement,
  search,
  add: () => addDialog.open(),
  modalOpen: () => addDialog.isOpen,
});

/** The state of the current search, for paging and for dropping stale answers. */
let generation = 0;
let searchState: { query: string; total: number; loaded: number; loading: boolean } | null = null;
let libraryCount = 0;

async function refreshLibrary(): Promise<void> {
  const info = await call('libraryInfo');
  libraryCount = info.articles;
  sidebar.setLibrary(info);
  document.title = `${folderName(info.path)} — Cuttings`;
}

async function refreshTags(): Promise<void> {
  const dropped = sidebar.setTags(await call('listTags'));
  if (dropped) await reload();
}

/** Fetches what the list should show for the current search text and tag. */
async function reload(): Promise<void> {
  const mine = ++generation;
  const text = search.query;
  const tag = sidebar.filter;
  listTitle.textContent = text === '' ? (tag ?? 'All articles') : tag === null ? 'Search results' : `Search results in ${tag}`;
  if (text === '') {
    searchState = null;
    const all = await attempt(() => call('listArticles'));
    if (!all || mine !== generation) return;
    const shown = tag === null ? all : all.filter((summary) => hasTag(summary, tag));
    search.setTotal('');
    list.setItems(
      shown.map((summary) => ({ summary })),
      tag === null ? 'No articles yet. Add one with the Add button.' : `No articles are tagged ${tag}.`,
    );
    status.setSummary(tag === null ? plural(shown.length, 'article') : `${plural(shown.length, 'article')} tagged ${tag}`);
    return;
  }
  const query = withTag(text, tag);
  searchState = { query, total: 0, loaded: 0, loading: true };
  const results = await attempt(() => call('search', { query, limit: PAGE_SIZE }));
  if (mine !== generation) return;
  if (!results) {
    searchState = null;
    return;
  }
  const items = hitsToItems(results, tag);
  searchState = { query, total: results.total, loaded: results.hits.length, loading: false };
  search.setTotal(plural(results.total, 'result'));
  list.setItems(items, tag === null ? `Nothing matches “${text}”.` : `Nothing tagged ${tag} matches “${text}”.`);
  status.setSummary(`${plural(results.total, 'result')} of ${plural(libraryCount, 'article')}`);
}

/** Fetches the next page of search hits when the user scrolls near the end. */
async function loadMoreHits(): Promise<void> {
  const state = searchState;
  if (!state || state.loading || state.loaded >= state.total) return;
  state.loading = true;
  const mine = generation;
  const results = await attempt(() => call('search', { query: state.query, limit: PAGE_SIZE, offset: state.loaded }));
  if (mine !== generation || searchState !== state) return;
  state.loading = false;
  if (!results) return;
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
  return summary.tags.some((candidate) => {
    const key = tagKey(candidate);
    return key === wanted || key.startsWith(`${wanted}/`);
  });
}

/** Counts openings, so that a slow answer for an earlier click cannot replace a later one. */
let opening = 0;

async function openArticle(id: string): Promise<void> {
  list.select(id);
  // Already open: keep it as it is, with whatever the user is typing in its tag field.
  if (reader.articleId === id) return;
  const mine = ++opening;
  const article = await attempt(() => call('getArticle', id));
  if (!article || mine !== opening) return;
  reader.show(article);
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
  await attempt(async () => {
    await refreshLibrary();
    await refreshTags();
  });
  await reload();
  document.body.dataset.ready = 'true';
  list.focus();
})();
