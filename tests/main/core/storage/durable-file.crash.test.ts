import { describe, expect, it } from 'vitest';
import { runCrashTest } from './crash-harness';

describe('a writer killed with SIGKILL', () => {
  it('200 times at random moments loses no acknowledged write and leaves a library that verifies', async () => {
    const report = await runCrashTest({ kills: 200, log: (line) => console.log(`crash test: ${line}`) });
    expect(report.failures).toEqual([]);
    // The kills must have landed after real work, or the test proves nothing.
    expect(report.acknowledgedAdds).toBeGreaterThan(report.kills);
  }, 600_000);
});
