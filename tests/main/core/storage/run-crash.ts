// `npm run test:crash -- --kills N`: the crash test for longer runs than `npm test` makes.
import { parseArgs } from 'node:util';
import { runCrashTest } from './crash-harness';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '1000' } } });
const kills = Number(values.kills);
if (!Number.isInteger(kills) || kills < 1) {
  console.error(`test:crash: --kills must be a whole number above 0, not '${values.kills}'`);
  process.exit(2);
}
const started = Date.now();
const report = await runCrashTest({ kills, log: (line) => console.log(line) });
console.log(
  `${report.kills} kills in ${((Date.now() - started) / 1000).toFixed(0)} s, a damaged catalog shard after ${report.damagedShards} of them; ` +
    `${report.acknowledgedAdds} acknowledged adds and ${report.acknowledgedEdits} acknowledged edits of tags, notes and highlights; at most ${report.mostShards} catalog shards in a library; ${report.lost} lost`,
);
for (const failure of report.failures) console.log(`FAIL ${failure}`);
console.log(`${report.failures.length === 0 ? 1 : 0} passed, ${report.failures.length === 0 ? 0 : 1} failed`);
process.exit(report.failures.length === 0 ? 0 : 1);
