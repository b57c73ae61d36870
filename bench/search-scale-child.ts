// Run in a fresh process by bench/search-scale.ts: loads the snapshot it wrote (time, CPU,
// heap and RSS), then runs the benchmark's queries against it and against the FTS5 table, a
// page of 20 with snippets and the total, timing each in CPU (process.cpuUsage) and wall.
import { openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseSearchQuery } from '../common/query';
import { withTypingPrefix } from '../main/core/search/query-evaluator';
import { answerQuery } from '../main/core/search/search-results';
import { loadSnapshot } from '../main/core/search/search-snapshot';
import { BENCH_QUERIES } from './queries';
import { percentile } from './stats';

const [work] = process.argv.slice(2);
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
global.gc?.();
const before = process.memoryUsage();
const wall = performance.now();
const cpu = cpuMs();
const loaded = await loadSnapshot(join(work!, 'library'));
if (!loaded) throw new Error('bench: the scale snapshot did not load');
const loadCpuS = (cpuMs() - cpu) / 1000;
const loadS = (performance.now() - wall) / 1000;
global.gc?.();
const after = process.memoryUsage();
const { index } = loaded;

const offsets = new Float64Array(readFileSync(join(work!, 'texts.offsets')).buffer.slice(0));
const texts = openSync(join(work!, 'texts.bin'), 'r');
const textOf = (doc: number) => {
  const n = Number(index.record(doc)!.id.slice(1));
  const bytes = Buffer.alloc(offsets[n + 1]! - offsets[n]!);
  readSync(texts, bytes, 0, bytes.byteLength, offsets[n]!);
  return bytes.toString('utf8');
};
const context = { count: index.documentCount, record: (doc: number) => index.record(doc), matchTerms: (queries: Parameters<typeof index.matchTerms>[0]) => index.matchTerms(queries), text: async (doc: number) => textOf(doc), facetCache: index.facetCache };

const ours = { cpu: [] as number[], wall: [] as number[] };
const theirs = { cpu: [] as number[], wall: [] as number[] };
const db = new Database(join(work!, 'fts5.sqlite'), { readonly: true });
const page = db.prepare(
  "SELECT rowid, title, snippet(articles, 1, '[', ']', '…', 24) AS snippet FROM articles WHERE articles MATCH ? AND (? IS NULL OR tags = ?) ORDER BY rank LIMIT 20",
);
const total = db.prepare('SELECT count(*) AS n FROM articles WHERE articles MATCH ? AND (? IS NULL OR tags = ?)');
for (let round = 0; round < 3; round++) {
  for (const query of BENCH_QUERIES) {
    const parsed = parseSearchQuery(query.cuttings);
    if (!parsed.ok || parsed.query === null) throw new Error(`bench: '${query.cuttings}' does not parse`);
    const tree = withTypingPrefix(parsed.query);
    let began = performance.now();
    let beganCpu = cpuMs();
    await answerQuery({ query: tree, sort: 'relevance', offset: 0, limit: 20 }, context);
    ours.cpu.push(cpuMs() - beganCpu);
    ours.wall.push(performance.now() - began);
    const tag = query.tag ?? null;
    began = performance.now();
    beganCpu = cpuMs();
    page.all(query.fts5, tag, tag);
    total.get(query.fts5, tag, tag);
    theirs.cpu.push(cpuMs() - beganCpu);
    theirs.wall.push(performance.now() - began);
  }
}
db.close();
index.close();
process.stdout.write(
  `${JSON.stringify({
    load_s: loadS,
    load_cpu_s: loadCpuS,
    heap_mb: (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 2 ** 20,
    rss_mb: after.rss / 2 ** 20,
    cpu_p50_ms: percentile(ours.cpu, 50),
    cpu_p95_ms: percentile(ours.cpu, 95),
    wall_p50_ms: percentile(ours.wall, 50),
    wall_p95_ms: percentile(ours.wall, 95),
    fts5_cpu_p50_ms: percentile(theirs.cpu, 50),
    fts5_cpu_p95_ms: percentile(theirs.cpu, 95),
    fts5_wall_p50_ms: percentile(theirs.wall, 50),
    fts5_wall_p95_ms: percentile(theirs.wall, 95),
  })}\n`,
);
