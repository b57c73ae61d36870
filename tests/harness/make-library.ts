/**
 * `npx tsx tests/harness/make-library.ts --articles N --out DIR`: a library of N generated
 * articles (tests/e2e/many-articles.ts: real captures and catalog records put in as the archive
 * import puts them, a tenth of them tagged by desk), with its search index saved, for measuring
 * the window at scale (`npm run serve -- --library DIR`) and for `npm run test:e2e:million`.
 * Prints the wall and CPU seconds it took.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Library } from '../../main/core/library';
import { addManyArticles } from '../e2e/many-articles';
import { RENDERER_DIR } from './harness';

/** The desks a tenth of the articles are tagged with (`desk/ports`, …), so that a tag lists thousands. */
export const DESKS = ['ports', 'shipping', 'weather', 'fishing', 'customs'];

/** The tags of the nth generated article: every tenth has a desk. */
export function deskTags(n: number): string[] {
  return n % 10 === 0 ? [`desk/${DESKS[(n / 10) % DESKS.length]!}`] : [];
}

/** What making a library took. */
export interface MadeLibrary {
  articles: number;
  seconds: number;
  /** CPU of this process, every thread (the search worker is a thread). */
  cpuSeconds: number;
}

/** Makes a library of `count` generated articles at `libraryPath` (a folder that holds none) and saves its index. */
export async function makeLibrary(libraryPath: string, count: number, onProgress?: (done: number) => void): Promise<MadeLibrary> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const library = await Library.open(libraryPath, { searchWorker: join(RENDERER_DIR, '..', 'main', 'core', 'search-worker.js') });
  try {
    const STEP = 50_000;
    for (let done = 0; done < count; done += STEP) {
      await addManyArticles(library, Math.min(STEP, count - done), { tags: deskTags, from: done });
      onProgress?.(Math.min(count, done + STEP));
    }
    await library.prepareSearch();
  } finally {
    await library.close();
  }
  const cpu = process.cpuUsage(cpuBefore);
  return { articles: count, seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { articles: { type: 'string', default: '100000' }, out: { type: 'string' } }, strict: true });
  const count = Number(values.articles);
  if (!Number.isInteger(count) || count < 1) throw new Error(`make-library: --articles must be a whole number of at least 1, not '${values.articles}'`);
  if (!values.out) throw new Error('make-library: --out DIR is needed (the library folder to make)');
  const out = resolve(values.out);
  const made = await makeLibrary(out, count, (done) => console.log(`make-library: ${done} articles`));
  console.log(`make-library: ${made.articles} articles at ${out} in ${made.seconds.toFixed(1)} s (CPU ${made.cpuSeconds.toFixed(1)} s)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
