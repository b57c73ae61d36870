import { describe, expect, it } from 'vitest';
import { OneAtATime } from '../../common/one-at-a-time';

describe('OneAtATime', () => {
  it('starts each call only after the one before has settled, in the order they came', async () => {
    const turns = new OneAtATime();
    const log: string[] = [];
    const step = (name: string, ms: number) => () => new Promise<string>((resolve) => setTimeout(() => { log.push(name); resolve(name); }, ms));
    const results = await Promise.all([turns.run(step('slow', 30)), turns.run(step('quick', 1)), turns.run(step('quicker', 0))]);
    expect(log).toEqual(['slow', 'quick', 'quicker']);
    expect(results).toEqual(['slow', 'quick', 'quicker']);
  });

  it('gives a failure to its own caller and goes on with the next call', async () => {
    const turns = new OneAtATime();
    const failed = turns.run(() => Promise.reject(new Error('shard: disk full')));
    const next = turns.run(async () => 'written');
    await expect(failed).rejects.toThrow('shard: disk full');
    await expect(next).resolves.toBe('written');
  });
});
