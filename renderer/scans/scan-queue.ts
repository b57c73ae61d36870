/**
 * Scans recognised in the background: the add dialog and a drop hand over their images, and
 * this queue sends them to main one cutting at a time (addScan), while a bar at the foot of
 * the window shows which scan and which page it is on, with Cancel. Recognition takes
 * seconds a page, so a batch of 200 runs while the user reads and searches; Cancel stops
 * between pages — every cutting finished by then is kept, the one under way stores nothing —
 * and the rest of the queue is dropped. Duplicates are skipped (and counted) rather than
 * asked about: nobody waits at a question in the middle of a batch.
 */
import type { AddScanRequest } from '../../common/api';
import type { ArticleSummary } from '../../common/article';
import { call, messageOf } from '../helpers/api-client';
import { toBase64 } from '../helpers/base64';
import { el, replaceChildren } from '../helpers/dom';

/** One cutting to recognise: its files (several images of one story, or one file) and what the user said of it. */
export interface ScanJob {
  files: File[];
  details: Omit<AddScanRequest, 'files' | 'onDuplicate'>;
}

/** What the queue tells the window. */
export interface ScanQueueReports {
  /** A lone scan was added: open it. */
  added(summary: ArticleSummary): void;
  /** The batch is over: a line saying what was added, skipped and failed (an error when any failed). */
  finished(message: string, error: boolean): void;
  /** The library changed (a cutting was added): refresh the list. */
  changed(): void;
}

/** The queue and its bar. */
export class ScanQueue {
  /** The bar: shown while scans are recognised. */
  readonly element: HTMLElement;
  private readonly label = el('span', { className: 'scan-progress-label', attrs: { 'aria-live': 'polite' } });
  private readonly bar = el('progress', { className: 'scan-progress-bar', attrs: { max: '1', value: '0', 'aria-label': 'Scans recognised' } });
  private readonly cancelButton = el('button', { className: 'button small', attrs: { type: 'button' } }, 'Cancel');
  private readonly waiting: ScanJob[] = [];
  private running = false;
  private cancelled = false;
  private total = 0;
  private done = 0;
  private current = '';

  constructor(private readonly reports: ScanQueueReports) {
    this.element = el('div', { className: 'scan-progress', attrs: { role: 'group', 'aria-label': 'Recognising scans', hidden: true } });
    replaceChildren(this.element, this.label, this.bar, this.cancelButton);
    this.cancelButton.addEventListener('click', () => void this.cancel());
  }

  /** Adds cuttings to recognise; starts if idle. */
  enqueue(jobs: ScanJob[]): void {
    if (jobs.length === 0) return;
    this.waiting.push(...jobs);
    this.total += jobs.length;
    if (!this.running) void this.run();
    else this.show();
  }

  /** Whether scans are being recognised. */
  get busy(): boolean {
    return this.running;
  }

  /** Main's `scan-progress` event: the page under way. */
  pageProgress(file: string, page: number, pages: number): void {
    if (!this.running) return;
    this.current = pages > 1 ? `${file}, page ${page} of ${pages}` : file;
    this.bar.value = (this.done + (page - 1) / pages) / Math.max(1, this.total);
    this.show();
  }

  /** Stops after the page under way: the cuttings finished stay, the rest are not recognised. */
  async cancel(): Promise<void> {
    if (!this.running) return;
    this.cancelled = true;
    this.waiting.length = 0;
    this.cancelButton.disabled = true;
    this.label.textContent = 'Cancelling after this page…';
    await call('cancelScans').catch(() => false);
  }

  private show(): void {
    this.element.hidden = false;
    this.label.textContent = `Recognising scan ${Math.min(this.done + 1, this.total)} of ${this.total}${this.current ? `: ${this.current}` : ''}`;
  }

  private async run(): Promise<void> {
    this.running = true;
    this.cancelled = false;
    this.cancelButton.disabled = false;
    const added: ArticleSummary[] = [];
    const failures: string[] = [];
    let skipped = 0;
    while (this.waiting.length > 0 && !this.cancelled) {
      const job = this.waiting.shift()!;
      this.current = job.files.map((file) => file.name).join(' + ');
      this.show();
      try {
        const files = await Promise.all(job.files.map(async (file) => ({ name: file.name, dataBase64: toBase64(new Uint8Array(await file.arrayBuffer())) })));
        const outcome = await call('addScan', { ...job.details, files, onDuplicate: 'skip' });
        if (outcome.status === 'added') {
          added.push(outcome.article);
          this.reports.changed();
        } else skipped++;
      } catch (error) {
        if (!this.cancelled) failures.push(messageOf(error));
      }
      this.done++;
      this.bar.value = this.done / Math.max(1, this.total);
    }
    const lone = this.total === 1 && added.length === 1;
    const message = [
      `${this.cancelled ? 'Cancelled: ' : ''}${added.length} ${added.length === 1 ? 'scan' : 'scans'} recognised and added`,
      ...(skipped > 0 ? [`${skipped} skipped as already in the library`] : []),
      ...(failures.length > 0 ? [`${failures.length} failed:\n${failures.join('\n')}`] : []),
    ].join('; ');
    this.running = false;
    this.total = 0;
    this.done = 0;
    this.current = '';
    this.element.hidden = true;
    this.bar.value = 0;
    if (lone) this.reports.added(added[0]!);
    this.reports.finished(message, failures.length > 0);
  }
}
