import { Library } from '/work/main/main/core/library';
import { BENCH_QUERIES } from '/work/main/bench/queries';
const library = await Library.open(process.argv[2]!, { readOnly: true });
await library.prepareSearch();
const t: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const query of BENCH_QUERIES) {
    const begin = performance.now();
    const r = await library.search(query.cuttings, { limit: 20 });
    t.push(performance.now() - begin);
    if (round === 0) console.log(query.cuttings, r.total, (performance.now() - begin).toFixed(1));
  }
}
t.sort((a, b) => a - b);
console.log('p50', t[Math.floor(t.length / 2)], 'p95', t[Math.floor(t.length * 0.95)]);
await library.close();
