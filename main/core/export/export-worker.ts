/**
 * The export worker's thread (built to dist/main/core/export-worker.js): makes the JSON Lines
 * (as UTF-8) of the chunks of articles it is sent, reading their captures itself, so that a long JSONL
 * export uses the second core (jsonl.ts). A capture that cannot be read is answered with its
 * error, code and message as the library's reader gave them.
 */
import { parentPort } from 'node:worker_threads';
import { CuttingsError } from '../../../common/errors';
import type { ArticleRecord } from '../storage/article-record';
import { jsonlLines } from './jsonl-lines';
import type { ExportAnswer } from './export-worker-client';

parentPort!.on('message', ({ id, root, records }: { id: number; root: string; records: ArticleRecord[] }) => {
  let answer: ExportAnswer;
  try {
    // Encoded here and handed over, not copied: turning the text into UTF-8 was a sixth of the
    // main thread's work, and the main thread is what the two threads wait on.
    const bytes = new TextEncoder().encode(jsonlLines(root, records));
    parentPort!.postMessage({ id, ok: true, bytes } satisfies ExportAnswer, [bytes.buffer]);
    return;
  } catch (error) {
    answer = { id, ok: false, code: error instanceof CuttingsError ? error.code : 'internal', message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(answer);
});
