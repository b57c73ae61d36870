/**
 * The export worker's thread (built to dist/main/core/export-worker.js): makes the JSON Lines
 * of the chunks of articles it is sent, reading their captures itself, so that a long JSONL
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
    answer = { id, ok: true, text: jsonlLines(root, records) };
  } catch (error) {
    answer = { id, ok: false, code: error instanceof CuttingsError ? error.code : 'internal', message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(answer);
});
