/**
 * Files dropped on the window are added as articles: .html and .htm as saved web pages,
 * .txt and .md as text, read here with File.text() and sent with their names, as the add
 * dialog sends a chosen file. Archives, datasets, citations and web archives (.cuttings,
 * .jsonl, .zip, .csv, .json, .ris, .warc, .warc.gz, .wacz) are sent as bytes to main's importer (importDroppedFile), which reads
 * them as `cuttings import` does and says what it imported, skipped and failed. (Electron's
 * own navigate-on-drop is off in main/policies/window-options.ts, so a drop never replaces
 * the window.)
 */
import type { ArticleSummary } from '../../common/article';
import { call, messageOf } from './api-client';
import { toBase64 } from './base64';

/** What the drop handler reports. */
export interface DropReports {
  /** An article was added from a dropped file. */
  added(summary: ArticleSummary): void;
  /** A dropped file could not be added: the message names it. */
  failed(message: string): void;
  /** A dropped archive or dataset was imported: main's line saying how it went. */
  imported(message: string): void;
  /** True while a dialog has the window (drops are then refused). */
  modalOpen(): boolean;
}

/** How a dropped file is sent, by its name. */
export function dropKind(name: string): 'html' | 'text' | 'archive' | null {
  const lower = name.toLowerCase();
  if (/\.html?$/u.test(lower)) return 'html';
  if (/\.(txt|md)$/u.test(lower)) return 'text';
  if (/\.(cuttings|jsonl|ndjson|zip|csv|json|ris|warc|warc\.gz|wacz)$/u.test(lower)) return 'archive';
  return null;
}

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
    void addFiles([...(event.dataTransfer?.files ?? [])], reports);
  });
}

async function addFiles(files: File[], reports: DropReports): Promise<void> {
  for (const file of files) {
    const kind = dropKind(file.name);
    if (kind === null) {
      reports.failed(`${file.name}: Cuttings adds .html, .htm, .txt and .md files and imports .cuttings, .jsonl, .zip, .csv, .json, .ris, .warc, .warc.gz and .wacz files`);
      continue;
    }
    try {
      if (kind === 'archive') {
        reports.imported(await call('importDroppedFile', { name: file.name, dataBase64: toBase64(new Uint8Array(await file.arrayBuffer())) }));
        continue;
      }
      const content = await file.text();
      reports.added(kind === 'html' ? await call('addHtml', { html: content, fileName: file.name }) : await call('addText', { text: content, fileName: file.name }));
    } catch (error) {
      reports.failed(`${file.name}: ${messageOf(error)}`);
    }
  }
}
