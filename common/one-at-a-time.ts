/**
 * Runs asynchronous work one call after another, in the order the calls came: each starts
 * once the one before has settled, whether it succeeded or failed, and its caller gets its
 * own result or error. The library's writers use it wherever two calls in flight together
 * would each start from the same state and the second undo the first (a catalog shard, the
 * custody log's head, a record a note and a tag edit both rewrite).
 */
export class OneAtATime {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.last.then(work);
    this.last = result.catch(() => undefined);
    return result;
  }
}
