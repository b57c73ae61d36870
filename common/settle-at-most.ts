/**
 * Runs asynchronous work over many items with at most `limit` in flight: the storage writes
 * and syncs many small files this way, since one at a time waits on every trip to the disk
 * and all at once opens thousands of files. Every item runs, whatever becomes of the others,
 * so that nothing is still being written after the caller has cleaned up; each item's outcome
 * comes back at its index, as Promise.allSettled gives them.
 */
export async function settleAtMost<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const outcomes: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) {
      try {
        outcomes[i] = { status: 'fulfilled', value: await work(items[i]!, i) };
      } catch (reason) {
        outcomes[i] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return outcomes;
}

/** The first failure among the outcomes (its reason), or undefined when all succeeded. */
export function firstFailure(outcomes: readonly PromiseSettledResult<unknown>[]): { reason: unknown } | undefined {
  const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  return failed ? { reason: failed.reason } : undefined;
}
