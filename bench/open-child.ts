// Run in a fresh process by bench/storage-bench.ts, so that open time and memory are those of
// a real start: opens the library, measures, makes durable tag edits, prints one JSON line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Library } from '../main/core/library';
import { journalSize } from '../main/core/storage/catalog-journal';
import { BBC_FOLDER } from './bbc-corpus';
import { percentile } from './stats';
import { SEARCH_WORKER } from './storage-bench';

/** Stories pasted as new clips: the first add after opening, then the rest. */
const ADDS = 12;

const [libraryPath, editsArg] = process.argv.slice(2);
const edits = Number(editsArg);
const started = performance.now();
const library = await Library.open(libraryPath!);
const openSeconds = (performance.now() - started) / 1000;
global.gc?.();
const rssMb = process.memoryUsage().rss / 1024 / 1024;
// What the app then reads in the background: the shards the catalog's summary stood for.
const readStarted = performance.now();
await library.readCatalog();
const catalogReadSeconds = (performance.now() - readStarted) / 1000;
global.gc?.();
const rssReadMb = process.memoryUsage().rss / 1024 / 1024;

const ids = library.list().map((article) => article.id);
// What the catalog's journal (storage/catalog-journal.ts) adds to each edit, in bytes appended.
const journalBefore = await journalSize(libraryPath!);
const times: number[] = [];
for (let i = 0; i < edits; i++) {
  const id = ids[(i * 7919) % ids.length]!;
  const begin = performance.now();
  await library.updateTags(id, [`bench/edit-${i % 13}`], []);
  times.push(performance.now() - begin);
}
const journalBytesPerEdit = Math.round(((await journalSize(libraryPath!)) - journalBefore) / Math.max(1, edits));

await library.close();

// Clips pasted as a user would: BBC stories, each with a line of its own so that none is the
// very same text as another. What an add costs at this size, its duplicate check included; the
// first after opening also makes the duplicate index (duplicates/duplicate-index.ts). The
// library is opened again as the app opens it, with the search index in its worker: opened
// as above, the index would load on this thread at the first add and be measured as the
// clip's. The clips are deleted afterwards, so that the search member finds the library as
// imported.
const app = await Library.open(libraryPath!, { searchWorker: SEARCH_WORKER });
const stories = readdirSync(join(BBC_FOLDER, 'politics')).sort().slice(0, ADDS);
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
const addTimes: number[] = [];
const added: string[] = [];
for (const [i, file] of stories.entries()) {
  const text = `${readFileSync(join(BBC_FOLDER, 'politics', file), 'latin1')}\n\nPasted for the storage benchmark, clip ${i}.`;
  const begin = performance.now();
  const outcome = await app.addChecked({ kind: 'text', request: { text }, method: 'paste' }, 'keep');
  addTimes.push(performance.now() - begin);
  if (outcome.status === 'added') added.push(outcome.article.id);
}
delay.disable();
for (const id of added) await app.deleteArticle(id, 'storage benchmark clip');
await app.close();

const [firstAdd, ...laterAdds] = addTimes;
process.stdout.write(
  `${JSON.stringify({
    openSeconds,
    rssMb,
    catalogReadSeconds,
    rssReadMb,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    journalBytesPerEdit,
    firstAddMs: firstAdd,
    addP50: percentile(laterAdds, 50),
    addP95: percentile(laterAdds, 95),
    addMaxBlockMs: delay.max / 1e6,
  })}\n`,
);
