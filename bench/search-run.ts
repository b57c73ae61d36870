/**
 * `npx tsx bench/search-run.ts [--articles N] [--library PATH] [--keep]`: the search benchmark
 * alone (bench/search-bench.ts, Cuttings against SQLite FTS5), without the rest of `npm run
 * bench`. It imports N generated articles into a new library, as the storage benchmark does,
 * unless --library names one kept from an earlier run, which is searched as it is. Build
 * first (`node scripts/build.mjs`): the search worker is the built one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importJsonl } from '../main/core/import/import-jsonl';
import { Library } from '../main/core/library';
import { benchSearch } from './search-bench';
import { CLIP_WORKER, SEARCH_WORKER, writeJsonl } from './storage-bench';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    library: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const log = (line: string) => console.error(line);
const work = await mkdtemp(join(tmpdir(), 'cuttings-search-bench-'));
try {
  let libraryPath = values.library;
  if (!libraryPath) {
    const count = Number(values.articles);
    if (!Number.isInteger(count) || count < 10) throw new Error(`bench: --articles must be a whole number of at least 10, not '${values.articles}'`);
    libraryPath = join(work, 'library');
    await writeJsonl(join(work, 'articles.jsonl'), count);
    const started = performance.now();
    const library = await Library.open(libraryPath, { searchWorker: SEARCH_WORKER, clipWorker: CLIP_WORKER });
    const summary = await importJsonl(library, join(work, 'articles.jsonl'));
    await library.close();
    await rm(join(work, 'articles.jsonl'));
    log(`search bench: imported ${summary.imported} in ${((performance.now() - started) / 1000).toFixed(1)} s into ${libraryPath}`);
  }
  const result = await benchSearch(work, libraryPath, log);
  console.log(JSON.stringify(result));
} finally {
  if (values.keep) log(`search bench: kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
