/**
 * The library's side of the clip worker (clip-worker.ts, built to its own file): posts lists
 * of items and resolves with their outcomes, in the order asked. Started on first use; an
 * idle worker does not keep the process alive.
 */
import { Worker } from 'node:worker_threads';
import { CuttingsError } from '../../../common/errors';
import type { ClipAnswer, ClipInput } from './clip-item';

export class ClipWorker {
  private started: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (answers: ClipAnswer[]) => void; reject: (error: Error) => void }>();
  private nextId = 1;

  constructor(private readonly script: string) {}

  /** Clips the items in the worker. */
  clip(inputs: ClipInput[]): Promise<ClipAnswer[]> {
    const worker = (this.started ??= this.start());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, inputs });
    });
  }

  async close(): Promise<void> {
    await this.started?.terminate();
    this.started = null;
  }

  private start(): Worker {
    const worker = new Worker(this.script);
    worker.on('message', ({ id, answers }: { id: number; answers: ClipAnswer[] }) => {
      this.pending.get(id)?.resolve(answers);
      this.pending.delete(id);
      if (this.pending.size === 0) worker.unref();
    });
    const fail = (error: Error) => {
      const failure = new CuttingsError('internal', `clip: the clip worker stopped (${error.message})`);
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
