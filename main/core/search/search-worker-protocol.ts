/**
 * The messages between WorkerSearchEngine and the search worker (search-worker.ts), apart
 * from the worker itself so that both sides, and tests, can use them.
 */
import type { SearchEngine } from './search-engine';

/** A call from the library's thread. */
export interface WorkerCall {
  id: number;
  method: keyof SearchEngine;
  args: unknown[];
}

/** The answer to a call. */
export type WorkerAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

