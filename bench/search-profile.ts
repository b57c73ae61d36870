/**
 * `npx tsx bench/search-profile.ts LIBRARY [--cpu-prof]`: where a query's time goes, in this
 * thread (no worker): loads the library's snapshot, then times each benchmark query (CPU time,
 * process.cpuUsage, and wall) in six rounds and prints them slowest first. With Node's
 * --cpu-prof flag (`node --cpu-prof --import tsx …`) the profile shows the functions.
 */
import { InProcessSearchEngine } from '../main/core/search/search-engine';
import { parseSearchQuery } from '../common/query';
import { withTypingPrefix } from '../main/core/search/query-evaluator';
import { BENCH_QUERIES } from './queries';
import { percentile } from './stats';

const [libraryPath] = process.argv.slice(2);
if (!libraryPath) throw new Error('bench: search-profile needs a library path');
const engine = new InProcessSearchEngine();
const loadStarted = process.cpuUsage();
const wallStarted = performance.now();
if ((await engine.load(libraryPath)) === null) throw new Error(`bench: no usable snapshot in ${libraryPath}`);
const loadCpu = process.cpuUsage(loadStarted);
console.log(`load: ${((performance.now() - wallStarted) / 1000).toFixed(2)} s wall, ${((loadCpu.user + loadCpu.system) / 1e6).toFixed(2)} s CPU, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);

// More rounds than the bench's three: on a loaded machine each query's fastest round is the steadier figure.
const ROUNDS = 6;
const byQuery = new Map<string, number[]>();
const cpuTimes: number[] = [];
const wallTimes: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const query of BENCH_QUERIES) {
    const parsed = parseSearchQuery(query.cuttings);
    if (!parsed.ok || parsed.query === null) throw new Error(`bench: '${query.cuttings}' does not parse`);
    const request = { query: withTypingPrefix(parsed.query), sort: 'relevance' as const, offset: 0, limit: 20 };
    const cpu = process.cpuUsage();
    const wall = performance.now();
    await engine.search(libraryPath, request);
    const used = process.cpuUsage(cpu);
    const ms = (used.user + used.system) / 1000;
    wallTimes.push(performance.now() - wall);
    cpuTimes.push(ms);
    byQuery.set(query.cuttings, [...(byQuery.get(query.cuttings) ?? []), ms]);
  }
}
console.log(`CPU p50 ${percentile(cpuTimes, 50).toFixed(1)} ms, p95 ${percentile(cpuTimes, 95).toFixed(1)} ms; wall p50 ${percentile(wallTimes, 50).toFixed(1)} ms, p95 ${percentile(wallTimes, 95).toFixed(1)} ms`);
const fastest = [...byQuery.values()].map((times) => Math.min(...times));
console.log(`each query's fastest round, CPU: p50 ${percentile(fastest, 50).toFixed(1)} ms, p95 ${percentile(fastest, 95).toFixed(1)} ms, sum ${fastest.reduce((a, b) => a + b, 0).toFixed(0)} ms`);
for (const [query, times] of [...byQuery].sort(([, a], [, b]) => percentile(b, 50) - percentile(a, 50))) {
  console.log(`  ${query.padEnd(28)} ${times.map((time) => time.toFixed(1)).join(' ')}`);
}
