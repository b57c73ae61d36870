/**
 * A turn of the event loop, to await between pages when extracting many in a row. jsdom's
 * windows (sanitising runs in one; dom.ts) are only freed once the event loop has turned
 * after they are closed: in a loop that never awaits, the heap grew by ~5 MB a jsdom-parsed
 * page (120 Dragnet pages, forced GC; 0.4 MB a page with a turn every eight), and the bench ran
 * Node out of heap on Dragnet's 1,381 pages. A turn after each page costs microseconds.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
