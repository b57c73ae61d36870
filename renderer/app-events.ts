/**
 * What main sends the window unasked (window.cuttings.onAppEvent): the menu's commands (Add
 * Cutting…, Find, Settings…, Export…), an address to clip that the app was started with, word
 * that the library changed under the window (an import, a file opened from the OS), and the
 * progress of an export or of a change to many articles. A command that opens a dialog waits
 * while another dialog has the window.
 */
import type { SearchBox } from './components/search-box';
import type { StatusBar } from './components/status-bar';
import type { AddDialog } from './dialogs/add-dialog';
import { isDialogOpen } from './dialogs/dialog';
import type { ExportDialog } from './dialogs/export-dialog';
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
      case 'scan-progress':
        targets.scanProgress(event.file, event.page, event.pages);
        return;
    }
  });
}
