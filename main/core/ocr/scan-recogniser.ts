/**
 * Where scans are recognised: in the OCR worker (ocr-worker.ts, built to its own file) when
 * the app gives its path, so that the main process stays free; else in the calling thread
 * (the CLI, tests), which may wait. Either way one scan at a time, with progress before each
 * page, and `cancel()` stops the scan under way between pages.
 */
import { Worker } from 'node:worker_threads';
import { CuttingsError } from '../../../common/errors';
import type { ErrorCode } from '../../../common/result';
import type { OcrWorkerRequest } from './ocr-worker';
// Types only: recognise-scan brings sharp, jsdom and tesseract.js, which take about a second
// to load, and a library opened to read or write (the CLI, the crash test's writer) never needs
// them until a scan comes. inThread imports it then.
import type { RecogniseOptions, RecognisedScan, ScanFile, ScanProgress } from './recognise-scan';
import { OneAtATime } from '../../../common/one-at-a-time';

interface Pending {
  resolve: (scan: RecognisedScan) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: ScanProgress) => void;
}

/** Recognises scans, in a worker or in this thread. */
export class ScanRecogniser {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private readonly controllers = new Set<AbortController>();
  private nextId = 1;
  /** One scan at a time: each waits for the one before. */
  private readonly queue = new OneAtATime();

  constructor(private readonly script?: string) {}

  /** Recognises files as one cutting; rejects with `ocr: cancelled; nothing was stored` when cancelled. */
  recognise(files: ScanFile[], options: RecogniseOptions): Promise<RecognisedScan> {
    return this.queue.run(() => (this.script ? this.inWorker(files, options) : this.inThread(files, options)));
  }

  /** Stops every scan under way or waiting (between pages); resolves to whether there was one. */
  cancel(): boolean {
    const any = this.pending.size > 0 || this.controllers.size > 0;
    for (const controller of this.controllers) controller.abort();
    for (const id of this.pending.keys()) this.worker?.postMessage({ type: 'cancel', id } satisfies OcrWorkerRequest);
    return any;
  }

  /** Stops the worker. */
  async close(): Promise<void> {
    this.cancel();
    await this.worker?.terminate();
    this.worker = null;
  }

  private async inThread(files: ScanFile[], options: RecogniseOptions): Promise<RecognisedScan> {
    const controller = new AbortController();
    this.controllers.add(controller);
    options.signal?.addEventListener('abort', () => controller.abort());
    try {
      const { recogniseScan } = await import('./recognise-scan');
      return await recogniseScan(files, { ...options, signal: controller.signal });
    } finally {
      this.controllers.delete(controller);
    }
  }

  private inWorker(files: ScanFile[], options: RecogniseOptions): Promise<RecognisedScan> {
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress: options.onProgress });
      options.signal?.addEventListener('abort', () => worker.postMessage({ type: 'cancel', id } satisfies OcrWorkerRequest));
      worker.ref();
      worker.postMessage({ type: 'recognise', id, files, languages: [...options.languages] } satisfies OcrWorkerRequest);
    });
  }

  private start(): Worker {
    const worker = new Worker(this.script!);
    worker.on('message', (message: { type: 'progress'; id: number; progress: ScanProgress } | { type: 'done'; id: number; scan: RecognisedScan } | { type: 'failed'; id: number; code: ErrorCode; message: string }) => {
      const call = this.pending.get(message.id);
      if (!call) return;
      if (message.type === 'progress') {
        call.onProgress?.(message.progress);
        return;
      }
      this.pending.delete(message.id);
      if (this.pending.size === 0) worker.unref();
      if (message.type === 'done') call.resolve(message.scan);
      else call.reject(new CuttingsError(message.code, message.message));
    });
    const fail = (error: Error) => {
      const failure = new CuttingsError('internal', `ocr: the OCR worker stopped (${error.message})`);
      for (const call of this.pending.values()) call.reject(failure);
      this.pending.clear();
      this.worker = null;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0 && this.pending.size > 0) fail(new Error(`exit code ${code}`));
      this.worker = null;
    });
    worker.unref();
    return worker;
  }
}
