// @vitest-environment jsdom
/** Watching the search index load: poll while it loads, say so once it is ready, then stop. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchStatus } from '../../../common/api';
import { INDEX_POLL_MS, IndexStatusWatcher } from '../../../renderer/library/index-status';

const loading = (done: number, total: number): SearchStatus => ({ state: 'loading', done, total });
const READY: SearchStatus = { state: 'ready', done: 10, total: 10 };

describe('IndexStatusWatcher', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('polls while the index loads, reports each status, and stops once it is ready', async () => {
    const answers = [loading(5, 10), READY];
    const read = vi.fn(async () => answers.shift() ?? READY);
    const seen: SearchStatus[] = [];
    const onReady = vi.fn();
    const watcher = new IndexStatusWatcher(read, { onStatus: (status) => seen.push(status), onReady, onError: vi.fn() });

    watcher.update(loading(0, 10));
    expect(watcher.polling).toBe(true);
    await vi.advanceTimersByTimeAsync(INDEX_POLL_MS);
    expect(read).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(INDEX_POLL_MS);
    expect(read).toHaveBeenCalledTimes(2);
    expect(seen).toEqual([loading(0, 10), loading(5, 10), READY]);
    expect(onReady).toHaveBeenCalledTimes(1);
    expect(watcher.polling).toBe(false);

    await vi.advanceTimersByTimeAsync(INDEX_POLL_MS * 4);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('neither polls nor calls onReady when the index was ready from the start', async () => {
    const read = vi.fn(async () => READY);
    const onReady = vi.fn();
    const watcher = new IndexStatusWatcher(read, { onStatus: vi.fn(), onReady, onError: vi.fn() });
    watcher.update(READY);
    await vi.advanceTimersByTimeAsync(INDEX_POLL_MS * 3);
    expect(read).not.toHaveBeenCalled();
    expect(onReady).not.toHaveBeenCalled();
  });

  it('keeps one poll going however often it is told the index is loading', async () => {
    const read = vi.fn(async () => loading(1, 10));
    const watcher = new IndexStatusWatcher(read, { onStatus: vi.fn(), onReady: vi.fn(), onError: vi.fn() });
    watcher.update(loading(0, 10));
    watcher.update(loading(0, 10));
    await vi.advanceTimersByTimeAsync(INDEX_POLL_MS);
    watcher.update(loading(1, 10));
    await vi.advanceTimersByTimeAsync(INDEX_POLL_MS);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('stops and reports when asking fails', async () => {
    const onError = vi.fn();
    const read = vi.fn(async (): Promise<SearchStatus> => {
      throw new Error('harness: gone');
    });
    const watcher = new IndexStatusWatcher(read, { onStatus: vi.fn(), onReady: vi.fn(), onError });
    watcher.update(loading(0, 10));
    await vi.advanceTimersByTimeAsync(INDEX_POLL_MS * 3);
    expect(read).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(new Error('harness: gone'));
    expect(watcher.polling).toBe(false);
  });
});
