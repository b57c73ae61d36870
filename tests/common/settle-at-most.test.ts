import { describe, expect, it } from 'vitest';
import { firstFailure, settleAtMost } from '../../common/settle-at-most';

describe('settleAtMost', () => {
  it('never has more than the limit in flight, and gives each outcome at its index', async () => {
    let inFlight = 0;
    let most = 0;
    const outcomes = await settleAtMost([5, 1, 4, 2, 3, 0, 6], 3, async (ms, i) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, ms));
      inFlight--;
      return `${i}:${ms}`;
    });
    expect(most).toBe(3);
    expect(outcomes.map((outcome) => outcome.status === 'fulfilled' && outcome.value)).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0', '6:6']);
  });

  it('runs every item even after one fails, and names the first failure', async () => {
    const ran: number[] = [];
    const outcomes = await settleAtMost([1, 2, 3, 4], 2, async (n) => {
      ran.push(n);
      if (n === 2) throw new Error('shard: disk full');
      return n;
    });
    expect(ran.sort()).toEqual([1, 2, 3, 4]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((firstFailure(outcomes)?.reason as Error).message).toBe('shard: disk full');
    expect(firstFailure(outcomes.filter((outcome) => outcome.status === 'fulfilled'))).toBeUndefined();
  });

  it('settles at once with no items', async () => {
    expect(await settleAtMost([], 8, async () => 1)).toEqual([]);
  });
});
