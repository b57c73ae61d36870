/**
 * The search worker: runs an InProcessSearchEngine in a worker thread and answers the
 * messages WorkerSearchEngine sends (one method call each), so that loading, indexing and
 * searching never hold up the thread that serves the window.
 */
import { parentPort } from 'node:worker_threads';
import { InProcessSearchEngine } from './search-engine';
import type { WorkerAnswer, WorkerCall } from './search-worker-protocol';

export type { WorkerAnswer, WorkerCall } from './search-worker-protocol';

const engine = new InProcessSearchEngine();
const port = parentPort;
if (!port) throw new Error('search worker: must run in a worker thread');

port.on('message', async (call: WorkerCall) => {
  try {
    const method = engine[call.method] as (...args: unknown[]) => Promise<unknown>;
    const value = await method.apply(engine, call.args);
    port.postMessage({ id: call.id, ok: true, value } satisfies WorkerAnswer);
  } catch (error) {
    port.postMessage({ id: call.id, ok: false, message: (error as Error).message } satisfies WorkerAnswer);
  }
});
