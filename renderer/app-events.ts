/**
 * What main sends the window unasked (window.cuttings.onAppEvent): the menu's commands (Add
 * Cutting…, Find, Settings…, Export…, Edit Details…), an address to clip that the app was started with, word
 * that the library changed under the window (an import, a file opened from the OS), the
 * progress of an export or of a change to many articles, a browser extension asking to be
 * paired, and `cuttings:` links opened from the browser (a cutting, the Clip from the browser
 * dialog). A command that opens a dialog waits while another dialog has the window; a pairing
 * request does not wait, since the extension is waiting for its answer.
 */
import type { SearchBox } from './components/search-box';
import type { StatusBar } from './components/status-bar';
import type { AddDialog } from './dialogs/add-dialog';
import type { BrowserClippingDialog } from './dialogs/browser-clipping-dialog';
import { isDialogOpen } from './dialogs/dialog';
import type { ExportDialog } from './dialogs/export-dialog';
import type { PairingDialog } from './dialogs/pairing-dialog';
import type { SettingsDialog } from './dialogs/settings-dialog';
import type { LibraryState } from './library/library-state';

/** What main's events act on. */
export interface AppEventTargets {
  addDialog: AddDialog;
  settingsDialog: SettingsDialog;
  exportDialog: ExportDialog;
  search: SearchBox;
  status: StatusBar;
  library: LibraryState;
  /** Main's `bulk-progress` event (organise.ts). */
  bulkProgress(done: number, total: number): void;
  pairingDialog: PairingDialog;
  browserClippingDialog: BrowserClippingDialog;
  /** Shows a cutting in the reader (a `cuttings://article/<id>` link). */
  openArticle(id: string): void;
  /** The menu's Edit Details…: the details dialog for the open article. */
  editDetails(): void;
  /** Main's `scan-progress` event: a scan's page about to be recognised (scans/scan-queue.ts). */
  scanProgress(file: string, page: number, pages: number): void;
}

/** Listens to main's events for the rest of the window's life. */
export function installAppEvents(targets: AppEventTargets): void {
  const { addDialog, settingsDialog, exportDialog, search, status, library } = targets;
  window.cuttings.onAppEvent((event) => {
    switch (event.type) {
      case 'add-cutting':
        // The add dialog itself may be open: it then takes the address.
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
        void library.changed();
        return;
      case 'open-export':
        if (!isDialogOpen()) exportDialog.open();
        return;
      case 'export-progress':
        exportDialog.showProgress(event.done, event.total);
        return;
      case 'bulk-progress':
        targets.bulkProgress(event.done, event.total);
        return;
      case 'browser-pairing-request':
        targets.pairingDialog.show(event.request);
        return;
      case 'open-article':
        if (!isDialogOpen()) targets.openArticle(event.id);
        return;
      case 'open-browser-clipping':
        if (!isDialogOpen()) void targets.browserClippingDialog.open();
        return;
      case 'edit-details':
        if (!isDialogOpen()) targets.editDetails();
        return;
      case 'scan-progress':
        targets.scanProgress(event.file, event.page, event.pages);
        return;
    }
  });
}
