/**
 * The status bar at the foot of the window: what the app is doing, how many articles are
 * shown, and errors from main with their message exactly as main wrote it.
 */
import { replaceChildren } from './dom';

/** The status bar; one per window. */
export class StatusBar {
  private timer: number | undefined;

  constructor(
    private readonly message: HTMLElement,
    private readonly summary: HTMLElement,
  ) {}

  /** Shows a passing message, cleared after a few seconds. */
  info(text: string): void {
    this.set(text, 'info');
    this.timer = window.setTimeout(() => this.clear(), 4000);
  }

  /** Shows an error until the next message; errors stay so that they can be read. */
  error(text: string): void {
    this.set(text, 'error');
  }

  /** Clears the message. */
  clear(): void {
    this.set('', 'info');
  }

  /** Sets the right-hand summary (for example "3 of 40 articles"). */
  setSummary(text: string): void {
    this.summary.textContent = text;
  }

  private set(text: string, kind: 'info' | 'error'): void {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    this.message.dataset.kind = kind;
    this.message.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    replaceChildren(this.message, text);
  }
}
