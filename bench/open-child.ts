// Run in a fresh process by bench/storage-bench.ts, so that open time and memory are those of
// a real start: opens the library, measures, makes durable tag edits, prints one JSON line.
import { Library } from '../main/core/library';
import { journalSize } from '../main/core/storage/catalog-journal';
import { percentile } from './stats';

const [libraryPath, editsArg] = process.argv.slice(2);
const edits = Number(editsArg);
const started = performance.now();
const library = await Library.open(libraryPath!);
const openSeconds = (performance.now() - started) / 1000;
global.gc?.();
const rssMb = process.memoryUsage().rss / 1024 / 1024;

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
process.stdout.write(`${JSON.stringify({ openSeconds, rssMb, p50: percentile(times, 50), p95: percentile(times, 95), journalBytesPerEdit })}\n`);
