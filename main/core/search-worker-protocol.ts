/**
 * The messages between WorkerSearchEngine and the search worker (search-worker.ts), apart
 * from the worker itself so that both sides, and tests, can use them.
 */
import type { TransferListItem } from 'node:worker_threads';
import type { SearchEngine } from './search-engine';
import type { TermMatches } from './search-index';

/** A call from the library's thread. */
export interface WorkerCall {
  id: number;
  method: keyof SearchEngine;
  args: unknown[];
}

/**
 * How matchTerms answers cross to the library's thread: the ids as one string, the scores as
 * a transferred Float64Array. A list of 100,000 ids as separate strings would cost the
 * receiving thread a long structured-clone; one string and one buffer cost it next to nothing.
 */
export interface PackedTermMatches {
  ids: string;
  scores: Float64Array;
  matched: string[];
}

/** Packs matchTerms answers for posting, with the buffers to transfer. */
export function packTermMatches(answers: TermMatches[]): { packed: PackedTermMatches[]; transfer: TransferListItem[] } {
  const transfer: TransferListItem[] = [];
  const packed = answers.map((answer) => {
    const scores = answer.scores instanceof Float64Array ? answer.scores : Float64Array.from(answer.scores);
    transfer.push(scores.buffer as ArrayBuffer);
    return { ids: answer.ids.join('\n'), scores, matched: answer.matched };
  });
  return { packed, transfer };
}

/** The answer to a call. */
export type WorkerAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

