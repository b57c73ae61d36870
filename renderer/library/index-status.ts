/**
 * Watching the search index load. Main loads the index in the background at start-up and
 * answers searches from titles until it is ready; libraryInfo says how far it has got. While
 * it is not ready, this asks again every INDEX_POLL_MS and reports each answer; once it is,
 * it stops asking and says so once, so that a titles-only search can be run again in full.
 */
import type { SearchStatus } from '../../common/api';

/** How often the index's progress is asked for while it loads, in milliseconds. */
export const INDEX_POLL_MS = 500;

/** What the watcher reports to. */
export interface IndexStatusEvents {
  /** Every status read, loading or ready. */
  onStatus(status: SearchStatus): void;
  /** The index became ready after the watcher saw it loading. */
  onReady(): void;
  /** Asking failed; the watcher stops. */
  onError(error: unknown): void;
}

/** Polls the index's status until it is ready. */
export class IndexStatusWatcher {
  private timer: number | undefined;
  private seenLoading = false;

  constructor(
    private readonly read: () => Promise<SearchStatus>,
    private readonly events: IndexStatusEvents,
  ) {}

  /** Takes a status read elsewhere (libraryInfo at start-up); starts polling if not ready. */
  update(status: SearchStatus): void {
    this.events.onStatus(status);
    if (status.state === 'ready') {
      window.clearTimeout(this.timer);
      this.timer = undefined;
      if (this.seenLoading) {
        this.seenLoading = false;
        this.events.onReady();
      }
      return;
    }
    this.seenLoading = true;
    this.timer ??= window.setTimeout(() => void this.poll(), INDEX_POLL_MS);
  }

  /** Whether it is polling. */
  get polling(): boolean {
    return this.timer !== undefined;
  }

  private async poll(): Promise<void> {
    let status: SearchStatus;
    try {
      status = await this.read();
    } catch (error) {
      this.timer = undefined;
      this.events.onError(error);
      return;
    }
    this.timer = undefined;
    this.update(status);
  }
}
