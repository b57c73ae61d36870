/**
 * The clip worker: clips the items of a bulk add (clip-item.ts) in a thread of its own, so
 * that on a machine with two cores the library's thread writes one part of a batch while
 * this one clips the next. Each message is a list of items; the answer lists their outcomes.
 */
import { parentPort } from 'node:worker_threads';
import { clipItems, type ClipInput } from './clip-item';

const port = parentPort;
if (!port) throw new Error('clip worker: must run in a worker thread');

port.on('message', async ({ id, inputs }: { id: number; inputs: ClipInput[] }) => {
  port.postMessage({ id, answers: await clipItems(inputs) });
});
