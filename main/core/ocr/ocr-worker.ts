/**
 * The OCR worker: recognises scans (recognise-scan.ts) in a thread of its own, so that the
 * seconds a page takes — the cleaning loops and the engine, both JavaScript and WebAssembly on
 * one thread — never hold up the app's main process. One scan at a time; progress is posted
 * before each page, and a cancel takes effect between pages.
 */
import { parentPort } from 'node:worker_threads';
import { CuttingsError } from '../../../common/errors';
import type { OcrLanguage } from './ocr-languages';
import { recogniseScan, type ScanFile } from './recognise-scan';

const port = parentPort;
if (!port) throw new Error('ocr worker: must run in a worker thread');

/** A message to the worker. */
export type OcrWorkerRequest = { type: 'recognise'; id: number; files: ScanFile[]; languages: OcrLanguage[] } | { type: 'cancel'; id: number };

const running = new Map<number, AbortController>();

port.on('message', async (message: OcrWorkerRequest) => {
  if (message.type === 'cancel') {
    running.get(message.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(message.id, controller);
  try {
    const scan = await recogniseScan(message.files, {
      languages: message.languages,
      signal: controller.signal,
      onProgress: (progress) => port.postMessage({ type: 'progress', id: message.id, progress }),
    });
    port.postMessage({ type: 'done', id: message.id, scan });
  } catch (error) {
    const expected = error instanceof CuttingsError;
    port.postMessage({ type: 'failed', id: message.id, code: expected ? error.code : 'internal', message: (error as Error).message });
  } finally {
    running.delete(message.id);
  }
});
