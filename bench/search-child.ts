// Run in a fresh process by bench/search-bench.ts: opens the library with the search worker,
// times loading the index and the fixed queries (page of 20 with snippets and the total),
// watches how long the main thread is ever blocked, then measures the index's heap in-process.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Library } from '../main/core/library';
import { loadSnapshot } from '../main/core/search/search-snapshot';
import { BENCH_QUERIES } from './queries';
import { percentile } from './stats';
import { SEARCH_WORKER } from './storage-bench';

const [libraryPath] = process.argv.slice(2);
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
const opened = performance.now();
// As the app opens a library: the index starts loading in its worker while the catalog is read.
const library = await Library.open(libraryPath!, { searchWorker: SEARCH_WORKER, loadSearchAtOpen: true });
await library.prepareSearch();
const loadSeconds = (performance.now() - opened) / 1000;
// Opening reads the catalog in this thread (storage/, not search): its longest stall is kept
// apart from those while searching and rebuilding, which are search's own.
const maxBlockOpenMs = delay.max / 1e6;
delay.reset();
// The whole process's resident memory once search is ready: the catalog in this thread and the
// index in its worker (the worker's heap and buffers are in this process).
global.gc?.();
const rssMb = process.memoryUsage().rss / 1024 / 1024;

const times: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const query of BENCH_QUERIES) {
    const begin = performance.now();
    await library.search(query.cuttings, { limit: 20 });
    times.push(performance.now() - begin);
  }
}
const buildStarted = performance.now();
await library.reindex();
const buildSeconds = (performance.now() - buildStarted) / 1000;
delay.disable();
await library.close();

// The index's memory: the JavaScript heap and the typed arrays' buffers (outside the heap, but
// memory the index holds all the same).
const used = () => {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};
global.gc?.();
const before = used();
const snapshot = await loadSnapshot(libraryPath!);
global.gc?.();
const heapMb = (used() - before) / 1024 / 1024;
if (!snapshot) throw new Error('bench: no snapshot after reindex');

process.stdout.write(
  `${JSON.stringify({ loadSeconds, buildSeconds, p50: percentile(times, 50), p95: percentile(times, 95), heapMb, rssMb, maxBlockOpenMs, maxBlockMs: delay.max / 1e6 })}\n`,
);
