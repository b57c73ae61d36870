/** New article ids: ULIDs, which sort by the time they were made. */
import { randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';

/**
 * Random numbers for new ids from the operating system's generator, fetched a few thousand at
 * a time: ulid's own asks it for one byte at a time, which was a noticeable part of a bulk
 * import.
 */
const randomPool = new Uint32Array(4096);
let randomAt = randomPool.length;
function pooledRandom(): number {
  if (randomAt === randomPool.length) {
    randomFillSync(randomPool);
    randomAt = 0;
  }
  return randomPool[randomAt++]! / 0x1_0000_0000;
}

/** A new id, later than every id this process made before (monotonic within a millisecond). */
export const nextId = monotonicFactory(pooledRandom);
