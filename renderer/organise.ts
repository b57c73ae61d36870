/**
 * The window's tools for organising the archive, wired to the list, sidebar and
 * search that main.ts builds: the tag tree's Edit tag dialog and drag-to-move, the undo
 * toast, the bulk bar for the list's selection, the tag rules dialog and the timeline.
 * main.ts calls installOrganising once and hands main's `bulk-progress` events to it.
 */
import type { BulkTagRequest, TagChangeSummary } from '../common/api';
import type { ArticleSummary } from '../common/article';
import { isTagUnder, tagKey } from '../common/tags';
import { attempt, call } from './helpers/api-client';
import type { ArticleList } from './components/article-list';
import { BulkBar } from './components/bulk-bar';
import { required } from './helpers/dom';
import { refineQuery } from './components/facets';
import { RulesDialog } from './dialogs/rules-dialog';
import type { SearchBox } from './components/search-box';
import type { Sidebar } from './components/sidebar';
import type { StatusBar } from './components/status-bar';
import { describeRename, TagDialog } from './dialogs/tag-dialog';
import { movedTag, subtreeCounts, tagColours } from './components/tag-tree';
import { Timeline } from './components/timeline';
import { UndoToast } from './components/undo-toast';

/** What the organising tools need from the window. */
export interface OrganiseContext {
  list: ArticleList;
  sidebar: Sidebar;
  search: SearchBox;
  status: StatusBar;
  /** Lists again what the search and tag say. */
  reload(): Promise<void>;
  /** Reads the library's tags again. */
  refreshTags(): Promise<void>;
  /**
   * The query of what is listed, in the query language: the search with the sidebar's tag,
   * `tag:"…"` alone, or '' for every article; null when it cannot be said as a query.
   */
  listedQuery(): string | null;
  /** How many results the listed query has (loaded or not). */
  total(): number;
  /** Whether every result is loaded in the list (no search pages left to fetch). */
  allLoaded(): boolean;
  /** Shows the open article's tags again, after a change to many articles. */
  refreshReader(): Promise<void>;
}

/** The organising tools, for main.ts to reach. */
export interface Organising {
  bulkBar: BulkBar;
  tagDialog: TagDialog;
  rulesDialog: RulesDialog;
  undoToast: UndoToast;
  timeline: Timeline;
  /** Main's `bulk-progress` event. */
  progress(done: number, total: number): void;
  /** Every article's tags are known again (the unfiltered list was fetched): recount the tree. */
  summariesLoaded(summaries: readonly ArticleSummary[]): void;
  /** One article's tags changed (the reader's tag editor). */
  tagsChanged(id: string, tags: string[]): void;
  /** The listed results changed: redraw the timeline and the bulk bar. */
  listed(): void;
}

/** Builds the organising tools and wires them in. */
export function installOrganising(context: OrganiseContext): Organising {
  const { list, sidebar, search, status } = context;
  /** Every article's tags, for the tree's counts; null until the unfiltered list is fetched. */
  let summaries: ArticleSummary[] | null = null;
  /** The query last listed: a bulk change's result stays shown while the list is that query's. */
  let lastListed: string | null = null;

  const recount = () => {
    if (summaries) sidebar.setTotals(subtreeCounts(summaries));
  };

  /** After a change to many articles' tags: the tags, the tree's counts and the list again. */
  const archiveChanged = async () => {
    await attempt(async () => {
      await context.refreshTags();
      summaries = await call('listArticles');
      recount();
      await context.refreshReader();
    });
    await context.reload();
  };

  const undoToast = new UndoToast(
    () => call('undoTagChange'),
    (summary) => {
      if (summary) void archiveChanged();
    },
  );
  const changed = (summary: TagChangeSummary) => {
    undoToast.show(summary);
    status.info(summary.message);
    void archiveChanged();
  };

  /** The sidebar's chosen tag follows a rename of it (or of a tag above it), rather than being dropped. */
  const rename = async (from: string, to: string) => {
    const summary = await call('renameTag', { from, to });
    const active = sidebar.filter;
    if (active !== null && isTagUnder(active, tagKey(from))) {
      sidebar.setActive(`${to.trim()}${active.slice(from.length)}`);
    }
    return summary;
  };

  const tagDialog = new TagDialog({
    tags: () => sidebar.tagCounts,
    rename,
    remove: (tag) => call('deleteTag', tag),
    setColour: async (tag, colour) => {
      const tags = await call('setTagColour', { tag, colour });
      sidebar.setTags(tags);
      list.setTagColours(tagColours(tags));
    },
    changed,
  });

  sidebar.setTagEvents({
    edit: (node) => tagDialog.open(node),
    move: (tag, parent) => {
      const target = movedTag(tag, parent);
      if (target === null) return;
      const node = sidebar.findNode(tagKey(tag));
      // A move that merges is said first, in the dialog; any other is done, with Undo at hand.
      if (node && describeRename(tag, target, sidebar.tagCounts).kind === 'merge') {
        tagDialog.openMove(node, parent);
        return;
      }
      void attempt(async () => changed(await rename(tag, target)));
    },
  });

  const bulkBar = new BulkBar(required('bulk-bar', HTMLElement), {
    selection: () => ({ count: list.selectionSize, all: list.allSelected }),
    total: () => context.total(),
    selectAll: () => list.selectAll(),
    clear: () => list.clearSelection(),
    apply: async (change) => {
      // Every result of a search not all loaded goes by its query; otherwise by the ids listed.
      const query = context.listedQuery();
      const request: BulkTagRequest =
        list.allSelected && !context.allLoaded() && query !== null ? { query, ...change } : { ids: list.selectedIds, ...change };
      const summary = await call('bulkTag', request);
      status.info(summary.message);
      void archiveChanged();
      return summary;
    },
  });

  const rulesDialog = new RulesDialog({
    applied: (summary) => {
      status.info(summary.message);
      void archiveChanged();
    },
  });
  required('rules-button', HTMLButtonElement).addEventListener('click', () => void rulesDialog.open());

  const timeline = new Timeline(required('timeline', HTMLElement), {
    fetch: (request) => call('timeline', request),
    narrow: (clause) => search.setQuery(refineQuery(search.query, clause)),
  });

  return {
    bulkBar,
    tagDialog,
    rulesDialog,
    undoToast,
    timeline,
    progress: (done, total) => {
      bulkBar.showProgress(done, total);
      rulesDialog.showProgress(done, total);
    },
    summariesLoaded: (loaded) => {
      summaries = [...loaded];
      recount();
    },
    tagsChanged: (id, tags) => {
      const index = summaries?.findIndex((summary) => summary.id === id) ?? -1;
      if (summaries && index >= 0) summaries[index] = { ...summaries[index]!, tags };
      recount();
    },
    listed: () => {
      const query = context.listedQuery();
      if (query !== lastListed) bulkBar.reset();
      lastListed = query;
      if (query !== null) void timeline.load(query);
    },
  };
}
