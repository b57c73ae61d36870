/**
 * The window's tools for organising the archive, wired to the parts main.ts builds: the tag
 * tree's Edit tag dialog and drag-to-move, the undo toast, the bulk bar for the list's
 * selection, the tag rules dialog and the timeline. main.ts calls installOrganising once and
 * hands main's `bulk-progress` events to it.
 */
import type { BulkTagRequest, TagChangeSummary } from '../common/api';
import { isTagUnder, tagKey } from '../common/tags';
import type { ArticleList } from './components/article-list';
import { BulkBar } from './components/bulk-bar';
import type { Sidebar } from './components/sidebar';
import type { StatusBar } from './components/status-bar';
import { movedTag } from './components/tag-tree';
import { Timeline } from './components/timeline';
import { UndoToast } from './components/undo-toast';
import { RulesDialog } from './dialogs/rules-dialog';
import { describeRename, TagDialog } from './dialogs/tag-dialog';
import { attempt, call } from './helpers/api-client';
import { required } from './helpers/dom';
import type { LibraryState } from './library/library-state';
import type { Listing } from './listing/listing';
import type { Reader } from './reader/reader';

/** What the organising tools need from the window. */
export interface OrganiseContext {
  listing: Listing;
  library: LibraryState;
  list: ArticleList;
  sidebar: Sidebar;
  status: StatusBar;
  reader: Reader;
}

/** The organising tools, for main.ts to reach. */
export interface Organising {
  bulkBar: BulkBar;
  undoToast: UndoToast;
  /** Main's `bulk-progress` event. */
  progress(done: number, total: number): void;
}

/** Builds the organising tools and wires them in. */
export function installOrganising({ listing, library, list, sidebar, status, reader }: OrganiseContext): Organising {
  /** After a change to many articles' tags: the tags, the tree's counts and the list again. */
  const archiveChanged = async () => {
    await attempt(async () => {
      await library.refreshTags();
      await library.refreshTagTotals();
      await reader.reloadTags();
    });
    await listing.reload();
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

  /** The listing's tag follows a rename of it (or of a tag above it), rather than being dropped. */
  const rename = async (from: string, to: string) => {
    const summary = await call('renameTag', { from, to });
    const active = listing.tag;
    if (active !== null && isTagUnder(active, tagKey(from))) listing.setTag(`${to.trim()}${active.slice(from.length)}`);
    return summary;
  };

  const tagDialog = new TagDialog({
    tags: () => library.tags,
    rename,
    remove: (tag) => call('deleteTag', tag),
    setColour: async (tag, colour) => {
      library.setTags(await call('setTagColour', { tag, colour }));
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
      if (node && describeRename(tag, target, library.tags).kind === 'merge') {
        tagDialog.openMove(node, parent);
        return;
      }
      void attempt(async () => changed(await rename(tag, target)));
    },
  });

  const bulkBar = new BulkBar(required('bulk-bar', HTMLElement), listing, {
    selection: () => ({ count: list.selectionSize, all: list.allSelected }),
    selectAll: () => list.selectAll(),
    clear: () => list.clearSelection(),
    apply: async (change) => {
      // Every result of a search not all loaded goes by its query; otherwise by the ids listed.
      const request: BulkTagRequest = list.allSelected && !listing.allLoaded ? { query: listing.query, ...change } : { ids: list.selectedIds, ...change };
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

  new Timeline(required('timeline', HTMLElement), listing);

  return {
    bulkBar,
    undoToast,
    progress: (done, total) => {
      bulkBar.showProgress(done, total);
      rulesDialog.showProgress(done, total);
    },
  };
}
