// A process's start as the lock records it: read for real on Linux (where the tests run), and
// the outputs of macOS's ps and Windows' PowerShell and wmic parsed as those systems print them.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  ownProcessStart,
  parseIsoStart,
  parseProcStat,
  parsePsStart,
  parseWmiStart,
  processStart,
  sameProcessStart,
  SAME_START_MS,
} from '../../../../main/core/storage/process-start';

describe('processStart on Linux', () => {
  it.runIf(process.platform === 'linux')('reads the boot id and start ticks: the same for this process both ways, another for a child', async () => {
    const own = await ownProcessStart();
    expect(own).toMatch(/^linux:[0-9a-f-]{36}:\d+$/u);
    expect(await processStart(process.pid)).toBe(own);
    const child = spawn('sleep', ['30']);
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      const start = await processStart(child.pid!);
      expect(start).toMatch(/^linux:/u);
      expect(start).not.toBe(own);
      expect(sameProcessStart(own!, start!)).toBe(false);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it.runIf(process.platform === 'linux')('gives null for a pid no process has', async () => {
    expect(await processStart(2 ** 22 + 12345)).toBeNull();
  });
});

describe('parseProcStat', () => {
  it('counts fields from the last parenthesis, whatever the command name holds', () => {
    const fields = (comm: string) => `4242 (${comm}) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 1 0 987654 10000000 200 18446744073709551615`;
    expect(parseProcStat(fields('node'))).toBe('987654');
    expect(parseProcStat(fields('my (odd) name) x'))).toBe('987654');
    expect(parseProcStat('garbage')).toBeNull();
  });
});

describe('the outputs of macOS and Windows', () => {
  it('reads ps -o lstart= in local time', () => {
    expect(parsePsStart('Mon Dec  6 16:17:27 2026\n')).toBe(new Date(2026, 11, 6, 16, 17, 27).getTime());
    expect(parsePsStart('Tue Jan 14 09:05:01 2025')).toBe(new Date(2025, 0, 14, 9, 5, 1).getTime());
    expect(parsePsStart('')).toBeNull();
    expect(parsePsStart('Mon Foo  6 16:17:27 2026')).toBeNull();
  });

  it('reads PowerShell\'s round-trip date with its seven decimals', () => {
    expect(parseIsoStart('2026-12-06T16:17:27.1234567Z\r\n')).toBe(Date.UTC(2026, 11, 6, 16, 17, 27, 123));
    expect(parseIsoStart('2026-12-06T16:17:27Z')).toBe(Date.UTC(2026, 11, 6, 16, 17, 27));
    expect(parseIsoStart('\r\n')).toBeNull();
  });

  it('reads wmic\'s CreationDate with its offset from UTC in minutes', () => {
    expect(parseWmiStart('\r\r\nCreationDate=20261206171727.123456+060\r\r\n\r\r\n')).toBe(Date.UTC(2026, 11, 6, 16, 17, 27, 123));
    expect(parseWmiStart('CreationDate=20261206111727.000000-300')).toBe(Date.UTC(2026, 11, 6, 16, 17, 27));
    expect(parseWmiStart('No Instance(s) Available.')).toBeNull();
  });
});

describe('sameProcessStart', () => {
  it('compares Linux starts exactly and clock starts within a few seconds', () => {
    expect(sameProcessStart('linux:a:100', 'linux:a:100')).toBe(true);
    expect(sameProcessStart('linux:a:100', 'linux:a:101')).toBe(false);
    expect(sameProcessStart('linux:a:100', 'linux:b:100')).toBe(false);
    expect(sameProcessStart('clock:1000000', `clock:${1000000 + SAME_START_MS}`)).toBe(true);
    expect(sameProcessStart('clock:1000000', `clock:${1000000 + SAME_START_MS + 1}`)).toBe(false);
  });

  it('cannot tell starts of different kinds apart, or one it cannot read', () => {
    expect(sameProcessStart('linux:a:100', 'clock:100')).toBeNull();
    expect(sameProcessStart('clock:x', 'clock:100')).toBeNull();
  });
});
