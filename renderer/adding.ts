/**
 * The window's ways in, wired to the parts main.ts builds: the Add dialog, scans recognised in
 * the background (scans/scan-queue.ts), files dropped on the window or chosen with Import…,
 * clipping from the browser (its dialog and an extension's pairing request) and the first-run
 * guide that points to all of them. main.ts calls installAdding once.
 */
import type { ArticleSummary } from '../common/article';
import { FirstRunGuide } from './components/first-run';
import type { StatusBar } from './components/status-bar';
import { AddDialog } from './dialogs/add-dialog';
import { BrowserClippingDialog } from './dialogs/browser-clipping-dialog';
import { isDialogOpen } from './dialogs/dialog';
import { PairingDialog } from './dialogs/pairing-dialog';
import { attempt, call } from './helpers/api-client';
import { chooseFiles } from './helpers/choose-files';
import { required } from './helpers/dom';
import { ADDED_OR_IMPORTED_FILES, addOrImportFiles, installFileDrop, type DropReports } from './helpers/file-drop';
import type { LibraryState } from './library/library-state';
import type { Listing } from './listing/listing';
import { ScanQueue } from './scans/scan-queue';

/** What the ways in report to and read from. */
export interface AddingContext {
  listing: Listing;
  library: LibraryState;
  status: StatusBar;
  /** Shows an article just added (main.ts: the newest, opened in the reader). */
  articleAdded(summary: ArticleSummary): void;
}

/** The parts other wiring needs: the shortcuts, main's events and the toolbar. */
export interface Adding {
  addDialog: AddDialog;
  browserClippingDialog: BrowserClippingDialog;
  pairingDialog: PairingDialog;
  scans: ScanQueue;
  firstRun: FirstRunGuide;
  /** Import…: the system's file chooser, then each file added or imported as a drop would be. */
  importFiles(): void;
  /** Shows the pairing requests an extension made before the window was ready. */
  showWaitingPairings(): Promise<void>;
}

/** Builds the ways in and installs the file drop; call once. */
export function installAdding({ listing, library, status, articleAdded }: AddingContext): Adding {
  // Scans are recognised in the background, a bar at the window's foot showing how far.
  const scans = new ScanQueue({
    added: articleAdded,
    finished: (message, error) => (error ? status.error(message) : status.info(message)),
    changed: () => void library.changed(),
  });
  document.querySelector('.status-bar')?.append(scans.element);
  const addDialog = new AddDialog(articleAdded, (jobs) => {
    scans.enqueue(jobs);
    status.info(`Recognising ${jobs.length === 1 ? 'the scan' : `${jobs.length} scans`} in the background…`);
  });
  const browserClippingDialog = new BrowserClippingDialog();
  const pairingDialog = new PairingDialog(() => void browserClippingDialog.refresh());

  /** How files dropped on the window, or chosen with Import…, are reported. */
  const fileReports: DropReports = {
    added: articleAdded,
    failed: (message) => status.error(message),
    imported: (message) => {
      status.info(message);
      void library.changed();
    },
    scans: (files) => scans.enqueue(files.map((file) => ({ files: [file], details: {} }))),
    modalOpen: () => isDialogOpen(),
  };
  installFileDrop(fileReports);
  const importFiles = () => void chooseFiles(ADDED_OR_IMPORTED_FILES).then((files) => addOrImportFiles(files, fileReports));

  const firstRun = new FirstRunGuide(required('first-run', HTMLElement), required('article-list', HTMLElement), listing, {
    paste: () => addDialog.open(),
    openFile: () => addDialog.openWithFileChooser(),
    clipFromBrowser: () => void browserClippingDialog.open(),
    importFromTool: importFiles,
  });

  return {
    addDialog,
    browserClippingDialog,
    pairingDialog,
    scans,
    firstRun,
    importFiles,
    // An extension that asked to be paired before the window was ready is still waiting.
    showWaitingPairings: () => attempt(async () => (await call('browserClipping')).pairingRequests.forEach((request) => pairingDialog.show(request))),
  };
}
