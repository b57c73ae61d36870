/**
 * What the OS asks of the app before the app can do it: a second launch's files and
 * addresses (`second-instance`), a file opened from the Finder (`open-file`). Electron emits
 * these events once and does not queue them, and the app needs a library and a window before
 * it can act on them, which takes a second or more at start-up; main/index.ts therefore
 * subscribes right after taking the single-instance lock and puts what arrives here, and
 * names the receiver once the window is up. Free of electron, so that it is unit-tested.
 */

/** Holds items until a receiver is named, then hands them over in order, and every later one at once. */
export class LaunchBuffer<T> {
  private readonly held: T[] = [];
  private receiver: ((item: T) => void) | null = null;

  /** How many items wait for the receiver. */
  get pending(): number {
    return this.held.length;
  }

  /** Hands the item to the receiver, or keeps it until there is one. */
  push(item: T): void {
    if (this.receiver === null) this.held.push(item);
    else this.receiver(item);
  }

  /**
   * Names the receiver and hands it what was held, in the order it came. A receiver that
   * throws on one item still gets the rest; the first error is rethrown after them.
   */
  deliverTo(receiver: (item: T) => void): void {
    if (this.receiver !== null) throw new Error('launch: the launch buffer already has a receiver');
    this.receiver = receiver;
    let failure: { error: unknown } | null = null;
    for (const item of this.held.splice(0)) {
      try {
        receiver(item);
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure !== null) throw failure.error;
  }
}
