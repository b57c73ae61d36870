/**
 * A SearchEngine whose index lives in a worker thread (search-worker.ts, built to its own
 * file). Each method posts one message and resolves with the worker's answer. The thread is
 * started by the first call, so a command that never searches (`cuttings add`) never pays
 * for it.
 */
import { Worker } from 'node:worker_threads';
import { CuttingsError } from '../../../common/errors';
import type { CompactCoverage, CoverageBehind, SearchEngine } from './search-engine';
import type { IndexableArticle } from './search-index';
import type { SearchRecord } from './search-record';
import type { PageAnswer, PageRequest } from './search-results';
import type { WorkerAnswer, WorkerCall } from './search-worker-protocol';

/** The search index in a worker thread started from `workerScript` (the built search-worker.js). */
export class WorkerSearchEngine implements SearchEngine {
  private started: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private failure: Error | null = null;

  constructor(private readonly workerScript: string) {}

  /** The worker thread, started on first use. */
  private get worker(): Worker {
    this.started ??= this.start();
    return this.started;
  }

  private start(): Worker {
    const worker = new Worker(this.workerScript);
    worker.on('message', (answer: WorkerAnswer) => {
      const call = this.pending.get(answer.id);
      if (!call) return;
      this.pending.delete(answer.id);
      if (this.pending.size === 0) worker.unref();
      if (answer.ok) call.resolve(answer.value);
      else call.reject(new CuttingsError('internal', `search: ${answer.message}`));
    });
    const fail = (error: Error) => {
      this.failure = new CuttingsError('internal', `search: the search worker stopped (${error.message})`);
      for (const call of this.pending.values()) call.reject(this.failure);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`exit code ${code}`));
    });
    // An idle worker must not keep a process alive; one with calls pending must.
    worker.unref();
    return worker;
  }

  private call<T>(method: WorkerCall['method'], ...args: unknown[]): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.ref();
      this.worker.postMessage({ id, method, args } satisfies WorkerCall);
    });
  }

  preload(root: string): Promise<void> {
    return this.call('preload', root);
  }

  load(root: string, current: Record<string, number>): Promise<CoverageBehind | null> {
    return this.call('load', root, current);
  }
  reset(): Promise<void> {
    return this.call('reset');
  }
  add(articles: IndexableArticle[]): Promise<void> {
    return this.call('add', articles);
  }
  addStored(root: string, records: SearchRecord[]): Promise<void> {
    return this.call('addStored', root, records);
  }
  remove(ids: string[]): Promise<void> {
    return this.call('remove', ids);
  }
  updateRecords(records: SearchRecord[]): Promise<void> {
    return this.call('updateRecords', records);
  }
  search(root: string, request: PageRequest): Promise<PageAnswer> {
    return this.call('search', root, request);
  }
  save(root: string, coverage: CompactCoverage): Promise<void> {
    return this.call('save', root, coverage);
  }
  size(): Promise<number> {
    return this.call('size');
  }
  async close(): Promise<void> {
    await this.started?.terminate();
  }
}
