// The timestamp queue: each capture waits once, in the order it was added, in memory and on disk.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TimestampQueue, tokenPath } from '../../../../main/core/evidence/timestamp-queue';
import { makeTempFolder } from '../../../paths';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await makeTempFolder();
});
afterEach(() => folder.remove());

const id = (n: number) => `01J${String(n).padStart(23, '0')}`;

describe('TimestampQueue', () => {
  it('keeps an id added twice once, and counts what waits', async () => {
    const queue = new TimestampQueue(folder.path);
    await queue.add([id(1), id(2), id(3)]);
    await queue.add([id(2), id(4), id(4)]);
    expect(await queue.count()).toBe(4);
    expect(await queue.has(id(4))).toBe(true);
    expect(await queue.has(id(5))).toBe(false);
    // A queue read from the file again holds the same ids once each, in the order they came.
    const reread = new TimestampQueue(folder.path);
    expect(await reread.count()).toBe(4);
    expect((await readFile(join(folder.path, 'evidence', 'timestamp-queue.txt'), 'utf8')).split('\n').filter(Boolean).slice(0, 3)).toEqual([id(1), id(2), id(3)]);
  });

  it('counts the ids added before and while the queue is first read, each once', async () => {
    await new TimestampQueue(folder.path).add(Array.from({ length: 30_000 }, (_, n) => id(n)));
    const queue = new TimestampQueue(folder.path);
    // Added unread, then added while the first count reads the file (30,000 lines: several slices).
    await queue.add([id(1), id(30_000)]);
    const counting = queue.count();
    await queue.add([id(30_001), id(2)]);
    expect(await counting).toBeGreaterThanOrEqual(30_001);
    expect(await queue.count()).toBe(30_002);
    expect(await queue.has(id(30_001))).toBe(true);
    expect(await new TimestampQueue(folder.path).count()).toBe(30_002);
  });

  it('leaves out an id whose token was stored before a crash kept the queue from being rewritten', async () => {
    const queue = new TimestampQueue(folder.path);
    await queue.add([id(1), id(2)]);
    await mkdir(join(tokenPath(folder.path, id(2)), '..'), { recursive: true });
    await writeFile(tokenPath(folder.path, id(2)), 'reply');
    const reread = new TimestampQueue(folder.path);
    expect(await reread.count()).toBe(1);
    expect(await reread.has(id(2))).toBe(false);
  });
});
