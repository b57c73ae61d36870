/**
 * The exporter's side of the export worker (export-worker.ts, built to its own file): sends a
 * chunk of records and resolves with their JSON Lines, as UTF-8. Started on first use; an idle worker
 * does not keep the process alive.
 */
import { Worker } from 'node:worker_threads';
import { CuttingsError } from '../../../common/errors';
import type { ErrorCode } from '../../../common/result';
import type { ArticleRecord } from '../storage/article-record';

/** What the worker answers a chunk with. */
export type ExportAnswer = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; code: ErrorCode; message: string };

export class ExportWorker {
  private started: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();
  private nextId = 1;

  constructor(private readonly script: string) {}

  /** The JSON Lines of `records` in UTF-8, whose captures the worker reads from the library at `root`. */
  lines(root: string, records: readonly ArticleRecord[]): Promise<Uint8Array> {
    const worker = (this.started ??= this.start());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, root, records });
    });
  }

  async close(): Promise<void> {
    await this.started?.terminate();
    this.started = null;
  }

  private start(): Worker {
    const worker = new Worker(this.script);
    worker.on('message', (answer: ExportAnswer) => {
      const call = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      if (this.pending.size === 0) worker.unref();
      if (answer.ok) call?.resolve(answer.bytes);
      else call?.reject(new CuttingsError(answer.code, answer.message));
    });
    const fail = (error: Error) => {
      const failure = new CuttingsError('internal', `export: the export worker stopped (${error.message})`);
      for (const call of this.pending.values()) call.reject(failure);
      this.pending.clear();
      this.started = null;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0 && this.pending.size > 0) fail(new Error(`exit code ${code}`));
    });
    worker.unref();
    return worker;
  }
}
