/**
 * Files dropped on the window are added as articles: .html and .htm as saved web pages,
 * .txt and .md as text, read here with File.text() and sent with their names, as the add
 * dialog sends a chosen file. Archives, datasets, citations and web archives (.cuttings,
 * .jsonl, .zip, .csv, .json, .ris, .warc, .warc.gz, .wacz) are sent as bytes to main's importer (importDroppedFile), which reads
 * them as `cuttings import` does and says what it imported, skipped and failed. Images
 * (.jpg, .png, .tif, .webp) are scans: each goes to the background queue to be recognised as
 * a cutting of its own (scans/scan-queue.ts). A PDF goes as bytes to addFile, as the add
 * dialog sends it: main clips a typed one and recognises a scanned one, and one already in
 * the library is skipped and named. (Electron's
 * own navigate-on-drop is off in main/policies/window-options.ts, so a drop never replaces
 * the window.)
 */
import type { ArticleSummary } from '../../common/article';
import { call, messageOf } from './api-client';
import { toBase64 } from './base64';
import { isScanFile } from '../scans/scan-files';

/** What the drop handler reports. */
export interface DropReports {
  /** An article was added from a dropped file. */
  added(summary: ArticleSummary): void;
  /** A dropped file could not be added: the message names it. */
  failed(message: string): void;
  /** A dropped archive or dataset was imported: main's line saying how it went. */
  imported(message: string): void;
  /** Images were dropped: scans to recognise, one cutting each. */
  scans(files: File[]): void;
  /** True while a dialog has the window (drops are then refused). */
  modalOpen(): boolean;
}

/** How a dropped file is sent, by its name. */
export function dropKind(name: string): 'html' | 'text' | 'archive' | 'scan' | 'pdf' | null {
  const lower = name.toLowerCase();
  if (isScanFile(lower)) return 'scan';
  if (lower.endsWith('.pdf')) return 'pdf';
  if (/\.html?$/u.test(lower)) return 'html';
  if (/\.(txt|md)$/u.test(lower)) return 'text';
  if (/\.(cuttings|jsonl|ndjson|zip|csv|json|ris|warc|warc\.gz|wacz)$/u.test(lower)) return 'archive';
  return null;
}

/** What the window takes: pages, text, PDFs and scans to add, archives, datasets and citations to import (a file chooser's `accept`). */
export const ADDED_OR_IMPORTED_FILES = '.cuttings,.jsonl,.ndjson,.zip,.csv,.json,.ris,.warc,.gz,.wacz,.html,.htm,.txt,.md,.pdf,.jpg,.jpeg,.png,.tif,.tiff,.webp';

/** Installs the handlers on the document. */
export function installFileDrop(reports: DropReports): void {
  const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
  document.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = reports.modalOpen() ? 'none' : 'copy';
    document.body.classList.add('drop-target');
  });
  document.addEventListener('dragleave', (event) => {
    if (event.relatedTarget === null) document.body.classList.remove('drop-target');
  });
  document.addEventListener('drop', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    document.body.classList.remove('drop-target');
    if (reports.modalOpen()) return;
    void addOrImportFiles([...(event.dataTransfer?.files ?? [])], reports);
  });
}

/**
 * Adds or imports files by their names (dropKind), as a drop does; also what Import… does with
 * the files it chose. Scans go to the background queue together; the rest one after another.
 */
export async function addOrImportFiles(dropped: readonly File[], reports: DropReports): Promise<void> {
  const scans = dropped.filter((file) => dropKind(file.name) === 'scan');
  if (scans.length > 0) reports.scans(scans);
  const files = dropped.filter((file) => dropKind(file.name) !== 'scan');
  for (const file of files) {
    const kind = dropKind(file.name);
    if (kind === null) {
      reports.failed(`${file.name}: Cuttings adds .html, .htm, .txt, .md and .pdf files, recognises scans (.jpg, .png, .tif, .webp) and imports .cuttings, .jsonl, .zip, .csv, .json, .ris, .warc, .warc.gz and .wacz files`);
      continue;
    }
    try {
      if (kind === 'archive') {
        reports.imported(await call('importDroppedFile', { name: file.name, dataBase64: toBase64(new Uint8Array(await file.arrayBuffer())) }));
        continue;
      }
      if (kind === 'pdf') {
        const outcome = await call('addFile', { name: file.name, dataBase64: toBase64(new Uint8Array(await file.arrayBuffer())), onDuplicate: 'skip' });
        if (outcome.status === 'added') reports.added(outcome.article);
        else reports.failed(`${file.name}: already in the library as “${outcome.duplicate.title}” (${outcome.duplicate.detail})`);
        continue;
      }
      const content = await file.text();
      reports.added(kind === 'html' ? await call('addHtml', { html: content, fileName: file.name }) : await call('addText', { text: content, fileName: file.name }));
    } catch (error) {
      reports.failed(`${file.name}: ${messageOf(error)}`);
    }
  }
}
