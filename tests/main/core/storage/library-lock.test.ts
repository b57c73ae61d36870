// The write lock: refused while the process it names holds it, taken over when that process
// is gone or its pid now belongs to another process.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLibraryLock } from '../../../../main/core/storage/library-lock';
import { processStart } from '../../../../main/core/storage/process-start';
import { makeTempFolder } from '../../../paths';

let folder: { path: string; remove: () => Promise<void> };
let other: ChildProcess;

beforeEach(async () => {
  folder = await makeTempFolder();
  // A live process that is not a Cuttings writer, as a reused pid would be.
  other = spawn('sleep', ['60']);
  await new Promise((resolve) => other.once('spawn', resolve));
});
afterEach(async () => {
  other.kill('SIGKILL');
  await folder.remove();
});

const lockPath = () => join(folder.path, 'lock');
const writeLock = (content: object) => writeFile(lockPath(), JSON.stringify({ host: hostname(), since: '2024-01-01T00:00:00.000Z', ...content }));
/** A start a process with this pid had before it was reused: the same boot, other ticks. */
const earlier = (start: string) => start.replace(/:(\d+)$/u, (_, ticks: string) => `:${Number(ticks) + 1}`);

describe.runIf(process.platform === 'linux')('acquireLibraryLock', () => {
  it('records the process\'s start beside its pid, and refuses a second taker while it lives', async () => {
    const lock = await acquireLibraryLock(folder.path);
    const content = JSON.parse(await readFile(lockPath(), 'utf8'));
    expect(content).toMatchObject({ pid: process.pid, host: hostname(), start: await processStart(process.pid) });
    await expect(acquireLibraryLock(folder.path)).rejects.toThrow(`library ${folder.path} is in use by process ${process.pid}`);
    await lock.release();
  });

  it('refuses while the live process the lock names is the one that took it', async () => {
    await writeLock({ pid: other.pid, start: await processStart(other.pid!) });
    await expect(acquireLibraryLock(folder.path)).rejects.toThrow(`library ${folder.path} is in use by process ${other.pid}`);
  });

  it('takes over a lock whose pid now belongs to another live process', async () => {
    await writeLock({ pid: other.pid, start: earlier((await processStart(other.pid!))!) });
    const lock = await acquireLibraryLock(folder.path);
    expect(JSON.parse(await readFile(lockPath(), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('takes over a lock from before a reboot, whatever runs under its pid now', async () => {
    const now = (await processStart(other.pid!))!;
    await writeLock({ pid: other.pid, start: now.replace(/^linux:[^:]+:/u, 'linux:00000000-0000-0000-0000-000000000000:') });
    const lock = await acquireLibraryLock(folder.path);
    await lock.release();
  });

  it('takes over a lock an earlier process with this very pid left', async () => {
    await writeLock({ pid: process.pid, start: earlier((await processStart(process.pid))!) });
    const lock = await acquireLibraryLock(folder.path);
    await lock.release();
  });

  it('trusts a lock that names a live process but no start (written before starts were kept), and one from another machine', async () => {
    await writeLock({ pid: other.pid });
    await expect(acquireLibraryLock(folder.path)).rejects.toThrow(`is in use by process ${other.pid}`);
    await writeLock({ pid: 2 ** 22 + 12345, host: 'another-machine', start: 'linux:x:1' });
    await expect(acquireLibraryLock(folder.path)).rejects.toThrow(`is in use by process ${2 ** 22 + 12345}`);
  });
});
