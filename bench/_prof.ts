import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Library } from '../main/core/library';
import { BENCH_QUERIES } from './queries';
import { SEARCH_WORKER } from './storage-bench';
const [path, mode] = process.argv.slice(2);
const d = monitorEventLoopDelay({ resolution: 5 }); d.enable();
const phase = (name: string, t: number) => { console.log(name, (performance.now() - t).toFixed(0), 'ms; max block', (d.max / 1e6).toFixed(1)); d.reset(); };
let t = performance.now();
const lib = await Library.open(path!, { searchWorker: SEARCH_WORKER });
phase('open', t); t = performance.now();
await lib.prepareSearch(); phase('load', t);
const times: number[] = [];
t = performance.now();
for (let r = 0; r < 3; r++) for (const q of BENCH_QUERIES) { const b = performance.now(); await lib.search(q.cuttings, { limit: 20 }); times.push(performance.now() - b); }
times.sort((a, b) => a - b);
phase(`queries p50 ${times[Math.floor(times.length / 2)]!.toFixed(1)} p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(1)}`, t);
if (mode === 'reindex') { t = performance.now(); await lib.reindex(); phase('reindex', t); }
t = performance.now(); await lib.close(); phase('close', t);
