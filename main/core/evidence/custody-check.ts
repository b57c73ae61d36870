/**
 * Checking the custody log (custody-log.ts) from first line to last, reading it once:
 *   - each line parses, and its signature verifies with a key the library knows
 *     (`entry 7 (line 7) was altered: its signature does not match`);
 *   - the sequence numbers run 1, 2, 3… (`entry 5 is missing`, `entry 6 is out of order:
 *     it comes after entry 7`, `entry 4 appears twice`);
 *   - each entry's `prev` is the hash of the line before, where the order is right and the
 *     line before intact (`entry 9 does not follow entry 8 …`);
 *   - the signed head names the last entry (`entries 41–42 are missing from the end`).
 * It also gathers, for the cross-check with the captures, which manifest each capture entry
 * names and which articles were deleted.
 */
import { CuttingsError } from '../../../common/errors';
import { sha256Hex } from './capture-manifest';
import { GENESIS, headBytesOf, readCustodyHead, readCustodyLines, signedBytesOf, type CustodyEntry } from './custody-log';
import type { LibraryKeys } from './library-keys';
import { verifySignature } from './signing-key';

/** What checking the log found. */
export interface CustodyReport {
  entries: number;
  problems: string[];
  notes: string[];
  /** For each article, the manifest hashes its capture entries name. */
  captured: Map<string, Set<string>>;
  /** Articles whose deletion the log records. */
  deleted: Set<string>;
  /** Articles written but never stored (the catalog could not be saved). */
  abandoned: Set<string>;
}

const CAPTURE_EVENTS = new Set(['captured', 'recaptured', 'corrected', 'imported']);

/** Sequence numbers not seen (yet), as ranges, so that a wild number costs nothing. */
class Gaps {
  private ranges: [number, number][] = [];

  add(from: number, to: number): void {
    if (from <= to) this.ranges.push([from, to]);
  }

  /** Takes `n` out if it is in a gap; true if it was. */
  take(n: number): boolean {
    const at = this.ranges.findIndex(([from, to]) => from <= n && n <= to);
    if (at < 0) return false;
    const [from, to] = this.ranges[at]!;
    this.ranges.splice(at, 1, ...([[from, n - 1], [n + 1, to]] as [number, number][]).filter(([a, b]) => a <= b));
    return true;
  }

  list(): [number, number][] {
    return [...this.ranges].sort((a, b) => a[0] - b[0]);
  }
}

function span([from, to]: [number, number]): string {
  return from === to ? `entry ${from} is` : `entries ${from}–${to} are`;
}

/** Checks a library's custody log. */
export async function checkCustody(root: string, keys: LibraryKeys): Promise<CustodyReport> {
  const report: CustodyReport = { entries: 0, problems: [], notes: [], captured: new Map(), deleted: new Set(), abandoned: new Set() };
  const gaps = new Gaps();
  let highest = 0;
  let previous: { seq: number | null; hash: string; intact: boolean } = { seq: 0, hash: GENESIS, intact: true };
  let lastLine: { seq: number | null; hash: string } = { seq: null, hash: GENESIS };
  try {
    for await (const { line, text, entry } of readCustodyLines(root)) {
      report.entries++;
      const hash = sha256Hex(text);
      if (!entry || !Number.isInteger(entry.seq)) {
        report.problems.push(`custody log: line ${line} does not read as an entry (it was altered)`);
        previous = { seq: null, hash, intact: false };
        lastLine = { seq: null, hash };
        continue;
      }
      const seq = entry.seq;
      const intact = signatureHolds(entry, keys, report, line);

      // Order: a number past the next leaves a gap; one inside a gap came late; one seen already is twice.
      if (seq > highest) {
        gaps.add(highest + 1, seq - 1);
        highest = seq;
      } else if (gaps.take(seq)) {
        report.problems.push(`custody log: entry ${seq} is out of order: it comes after entry ${previous.seq ?? '?'} (line ${line})`);
      } else {
        report.problems.push(`custody log: entry ${seq} appears twice (line ${line})`);
      }
      // The chain, where the order is right and the line before is whole: anything else is already named.
      if (previous.intact && previous.seq === seq - 1 && entry.prev !== previous.hash) {
        report.problems.push(`custody log: entry ${seq} does not follow entry ${seq - 1}: the hash it names is not that line's (an entry was replaced)`);
      }
      if (seq === 1 && entry.prev !== GENESIS && line === 1) report.problems.push('custody log: entry 1 does not start the chain');

      if (intact) gather(entry, report);
      previous = { seq, hash, intact };
      lastLine = { seq, hash };
    }
  } catch (error) {
    throw new CuttingsError('library', `custody log: cannot read it: ${(error as Error).message}`);
  }
  for (const gap of gaps.list()) report.problems.push(`custody log: ${span(gap)} missing (removed from the log)`);

  const head = await readCustodyHead(root);
  if (report.entries === 0) {
    if (head) report.problems.push(`custody log: it is empty, but its head names entry ${head.seq}: the log was removed or emptied`);
    return report;
  }
  if (!head) {
    report.notes.push('custody log: its head (custody-head.json) is missing, so entries cut off the end could not be noticed');
    return report;
  }
  const key = keys.get(head.key);
  if (!key || !verifySignature(key.algorithm, key.publicKey, headBytesOf(head), Buffer.from(head.sig ?? '', 'base64'))) {
    report.problems.push("custody log: its head's signature does not match (custody-head.json was altered)");
  } else if (head.seq > highest) {
    report.problems.push(`custody log: ${span([highest + 1, head.seq])} missing from the end (its head names entry ${head.seq})`);
  } else if (head.seq === lastLine.seq && head.hash !== lastLine.hash) {
    report.problems.push(`custody log: its last entry, ${head.seq}, is not the one its head names (it was replaced)`);
  } else if (head.seq < highest) {
    report.notes.push(`custody log: its head names entry ${head.seq}, the log goes on to ${highest} (the head was not rewritten after the last append; a crash, or a copy of an older head)`);
  }
  return report;
}

/** Whether an entry's signature verifies with a key the library knows; says why not. */
function signatureHolds(entry: CustodyEntry, keys: LibraryKeys, report: CustodyReport, line: number): boolean {
  const key = typeof entry.key === 'string' ? keys.get(entry.key) : undefined;
  if (!key) {
    report.problems.push(`custody log: entry ${entry.seq} (line ${line}) is signed by a key this library does not know`);
    return false;
  }
  if (!verifySignature(key.algorithm, key.publicKey, signedBytesOf(entry), Buffer.from(String(entry.sig), 'base64'))) {
    report.problems.push(`custody log: entry ${entry.seq} (line ${line}) was altered: its signature does not match`);
    return false;
  }
  return true;
}

function gather(entry: CustodyEntry, report: CustodyReport): void {
  for (const item of entry.items) {
    if (CAPTURE_EVENTS.has(entry.event) && item.manifest) {
      if (!report.captured.has(item.article)) report.captured.set(item.article, new Set());
      report.captured.get(item.article)!.add(item.manifest);
    }
    if (entry.event === 'deleted') report.deleted.add(item.article);
    if (entry.event === 'abandoned') report.abandoned.add(item.article);
  }
}
