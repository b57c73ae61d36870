// Run in a fresh process by bench/storage-bench.ts after open-child.ts: the app started again,
// and its first pasted clip. The duplicate index saved when open-child closed the library is
// read, not made again from every shard (duplicates/duplicate-snapshot.ts). A process of its
// own, as a restart of the app is: none of the sessions before it left anything in memory.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Library } from '../main/core/library';
import { BBC_FOLDER } from './bbc-corpus';
import { SEARCH_WORKER } from './storage-bench';

const [libraryPath] = process.argv.slice(2);
const story = readdirSync(join(BBC_FOLDER, 'politics')).sort()[0]!;
const text = `${readFileSync(join(BBC_FOLDER, 'politics', story), 'latin1')}\n\nPasted for the storage benchmark, after a restart.`;
const library = await Library.open(libraryPath!, { searchWorker: SEARCH_WORKER });
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
const begin = performance.now();
const outcome = await library.addChecked({ kind: 'text', request: { text }, method: 'paste' }, 'keep');
const firstAddMs = performance.now() - begin;
delay.disable();
if (outcome.status === 'added') await library.deleteArticle(outcome.article.id, 'storage benchmark clip');
await library.close();
process.stdout.write(`${JSON.stringify({ firstAddMs, maxBlockMs: delay.max / 1e6 })}\n`);
