/**
 * When a process started, so that the library's lock can tell the process that took it from
 * another that was later given the same pid (pids are reused after a crash or a reboot).
 *
 * - Linux: the start time in clock ticks since boot (field 22 of /proc/<pid>/stat) with the
 *   boot's id (/proc/sys/kernel/random/boot_id): exact, and a reboot changes the boot id.
 * - macOS: `ps -o lstart= -p PID`, the start to the second, in local time.
 * - Windows: the process's CreationDate from WMI, through PowerShell (or `wmic` where an old
 *   Windows has no PowerShell CIM cmdlets).
 *
 * On macOS and Windows this process's own start is `performance.timeOrigin` (no command to
 * run at every open), and two starts are the same process when they are within
 * {@link SAME_START_MS}: a pid cannot be freed and handed to a new process within the couple
 * of seconds it takes Cuttings to start and take the lock.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';

/** How far apart two clock starts may be and still be the same process (ps rounds to the second). */
export const SAME_START_MS = 3000;

/** How long a `ps` or PowerShell query may take before the start counts as unknown. */
const QUERY_TIMEOUT_MS = 5000;

/**
 * A process's start as recorded in the lock: `linux:<boot id>:<ticks>` or `clock:<ms since
 * 1970>`. Null when it cannot be told (no permission, no such command).
 */
export type ProcessStart = string;

/** This process's own start. */
export async function ownProcessStart(platform: NodeJS.Platform = process.platform): Promise<ProcessStart | null> {
  if (platform === 'linux') return linuxStart(process.pid);
  return `clock:${Math.round(performance.timeOrigin)}`;
}

/** Another process's start, by its pid, or null if it cannot be told (or the process is gone). */
export async function processStart(pid: number, platform: NodeJS.Platform = process.platform): Promise<ProcessStart | null> {
  if (platform === 'linux') return linuxStart(pid);
  if (platform === 'darwin') {
    const output = await run('ps', ['-o', 'lstart=', '-p', String(pid)]);
    const ms = output === null ? null : parsePsStart(output);
    return ms === null ? null : `clock:${ms}`;
  }
  if (platform === 'win32') {
    const query = `(Get-CimInstance Win32_Process -Filter 'ProcessId=${pid}').CreationDate.ToUniversalTime().ToString('o')`;
    const powershell = await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', query]);
    let ms = powershell === null ? null : parseIsoStart(powershell);
    if (ms === null) {
      const wmic = await run('wmic', ['process', 'where', `ProcessId=${pid}`, 'get', 'CreationDate', '/value']);
      ms = wmic === null ? null : parseWmiStart(wmic);
    }
    return ms === null ? null : `clock:${ms}`;
  }
  return null;
}

/**
 * True when two recorded starts are the same process's; false when they are surely not.
 * Starts of different kinds (a lock taken on another OS, a synced folder) are not compared:
 * null, as when either is unknown.
 */
export function sameProcessStart(recorded: ProcessStart, current: ProcessStart): boolean | null {
  if (recorded.startsWith('linux:') && current.startsWith('linux:')) return recorded === current;
  if (recorded.startsWith('clock:') && current.startsWith('clock:')) {
    const a = Number(recorded.slice(6));
    const b = Number(current.slice(6));
    if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
    return Math.abs(a - b) <= SAME_START_MS;
  }
  return null;
}

/**
 * The start time field of /proc/<pid>/stat (the 22nd, in clock ticks since boot). The second
 * field, the command name in parentheses, may itself hold spaces and parentheses: fields
 * are counted from the last `)`.
 */
export function parseProcStat(stat: string): string | null {
  const close = stat.lastIndexOf(')');
  if (close < 0) return null;
  // After ") " come field 3 (state) onwards: field 22 is the 20th of them.
  const fields = stat.slice(close + 2).trim().split(/\s+/u);
  const start = fields[19];
  return start !== undefined && /^\d+$/u.test(start) ? start : null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `ps -o lstart=` output (`Mon Dec  6 16:17:27 2026`, local time, C locale) → ms since 1970, or null. */
export function parsePsStart(output: string): number | null {
  const match = /^\s*\w{3}\s+(\w{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\d{4})\s*$/u.exec(output);
  if (!match) return null;
  const month = MONTHS.indexOf(match[1]!);
  if (month < 0) return null;
  const [day, hours, minutes, seconds, year] = [match[2], match[3], match[4], match[5], match[6]].map(Number) as [number, number, number, number, number];
  return new Date(year, month, day, hours, minutes, seconds).getTime();
}

/** PowerShell's round-trip date (`2026-12-06T16:17:27.1234567Z`, 7 decimals) → ms since 1970, or null. */
export function parseIsoStart(output: string): number | null {
  const match = /^\s*(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})\s*$/u.exec(output);
  if (!match) return null;
  const ms = Date.parse(`${match[1]}.${(match[2] ?? '').padEnd(3, '0').slice(0, 3)}${match[3]}`);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * `wmic … get CreationDate /value` output (`CreationDate=20261206161727.123456+060`: local
 * time and its offset from UTC in minutes) → ms since 1970, or null.
 */
export function parseWmiStart(output: string): number | null {
  const match = /CreationDate=(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\.(\d{6})([+-])(\d{3})/u.exec(output);
  if (!match) return null;
  const [year, month, day, hours, minutes, seconds, micros] = match.slice(1, 8).map(Number) as [number, number, number, number, number, number, number];
  const offset = Number(match[9]) * (match[8] === '-' ? -1 : 1);
  return Date.UTC(year, month - 1, day, hours, minutes, seconds, Math.floor(micros / 1000)) - offset * 60_000;
}

async function linuxStart(pid: number): Promise<ProcessStart | null> {
  try {
    const [stat, boot] = await Promise.all([readFile(`/proc/${pid}/stat`, 'utf8'), readFile('/proc/sys/kernel/random/boot_id', 'utf8')]);
    const ticks = parseProcStat(stat);
    return ticks === null ? null : `linux:${boot.trim()}:${ticks}`;
  } catch {
    return null;
  }
}

/** A command's standard output, or null if it could not run, failed or took too long. */
function run(command: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: QUERY_TIMEOUT_MS, windowsHide: true, env: { ...process.env, LC_ALL: 'C' } }, (error, stdout) => {
      resolve(error ? null : stdout);
    });
  });
}
