/**
 * Lets other work on this thread (IPC, timers, I/O) run before going on: what a loop over a
 * whole library awaits every few thousand items, so that no stretch of it holds the thread
 * (the window's requests, the search worker's answers) for long.
 */
export const yieldToOthers = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
