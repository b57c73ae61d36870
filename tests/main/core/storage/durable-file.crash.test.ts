import { describe, expect, it } from 'vitest';
import { runCrashTest } from './crash-harness';

describe('a writer killed with SIGKILL', () => {
  it('200 times at random moments, a catalog shard damaged after each, loses no acknowledged add, tag, note or highlight and leaves a library that verifies', async () => {
    const report = await runCrashTest({ kills: 200, log: (line) => console.log(`crash test: ${line}`) });
    expect(report.failures).toEqual([]);
    expect(report.lost).toBe(0);
    // The kills must have landed after real work, and the damage on real shards, or the test proves nothing.
    expect(report.acknowledgedAdds).toBeGreaterThan(report.kills);
    expect(report.acknowledgedEdits).toBeGreaterThan(report.kills);
    expect(report.damagedShards).toBeGreaterThan(report.kills * 0.9);
    // And the writer's adds must have split shards, so that kills and repairs met splits too.
    expect(report.mostShards).toBeGreaterThan(1);
  }, 600_000);
});
