/**
 * The status bar's count of captures waiting for a trusted timestamp: shown while a TSA is
 * chosen and some wait (offline, or a bulk import being sent), with why the last attempt
 * stopped as its tooltip. Main sends them in the background; this asks again every
 * TIMESTAMP_POLL_MS while any wait, and whenever the library changes.
 */
import type { EvidenceStatus } from '../../common/api';
import { call } from '../helpers/api-client';
import { plural } from '../helpers/format';

/** How often the count is asked for while captures wait, in milliseconds. */
export const TIMESTAMP_POLL_MS = 5000;

/** What the status bar says of waiting timestamps; empty when nothing need be said. */
export function timestampStatusText(status: Pick<EvidenceStatus, 'tsa' | 'waiting'>): string {
  if (!status.tsa || status.waiting === 0) return '';
  return `${plural(status.waiting, 'capture')} waiting for a timestamp`;
}

/** The count in the status bar. */
export class TimestampStatus {
  private timer: number | undefined;

  constructor(private readonly element: HTMLElement) {}

  /** Asks main for the count now, and again later while captures wait. */
  async refresh(): Promise<void> {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    let status: EvidenceStatus;
    try {
      status = await call('evidenceStatus');
    } catch {
      // The count is a courtesy; the Settings dialog shows what went wrong.
      return;
    }
    const text = timestampStatusText(status);
    this.element.textContent = text;
    this.element.hidden = text === '';
    if (status.lastError && text !== '') this.element.title = status.lastError;
    else this.element.removeAttribute('title');
    if (text !== '') this.timer = window.setTimeout(() => void this.refresh(), TIMESTAMP_POLL_MS);
  }
}
