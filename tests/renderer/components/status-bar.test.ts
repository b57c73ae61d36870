/** What the status bar says while the search index loads. */
import { describe, expect, it } from 'vitest';
import type { SearchStatus } from '../../../common/api';
import { indexProgressText } from '../../../renderer/components/status-bar';

const loading = (done: number, total: number): SearchStatus => ({ state: 'loading', done, total });

describe('indexProgressText', () => {
  it('says how far the index has loaded, in whole percent', () => {
    expect(indexProgressText(loading(250, 1000))).toBe('Loading search index… 25%');
    expect(indexProgressText(loading(999, 1000))).toBe('Loading search index… 99%');
    expect(indexProgressText(loading(0, 0))).toBe('Loading search index…');
    expect(indexProgressText({ state: 'idle', done: 0, total: 0 })).toBe('Loading search index…');
  });
});
