/**
 * The catalog's journal: every change the catalog writes, appended to `journal/` and fsynced
 * before the change is acknowledged, so that a damaged shard can be rebuilt from its newest
 * backup and the changes made since — or, with no backup of it at all, from the articles'
 * captures and every change the journal holds. Tags, notes and highlights edited since the
 * last backup are then not lost.
 *
 * A line is `<CRC-32 in hex> <JSON>\n`: the JSON names the entry's sequence number, the change
 * number each touched shard reached, and each changed article as its whole record (`r`), a
 * pointer to its capture (`c`: a new article whose record is the one its capture holds), the
 * top-level fields that changed (`s`) and went (`u`), or null when it was removed; `full`
 * lists shards whose whole content the entry holds (a repair, a checkpoint), and `ends` where
 * their ranges ended then (shards are named by their ranges' starts). A line whose CRC
 * does not match (a write torn by a crash, a damaged block) is skipped when read.
 *
 * Segments: `journal/<first seq, 12 digits>-<YYYY-MM-DD>.jsonl`. A new segment starts with each
 * daily backup (named by that backup's day), and a segment is deleted once a later one
 * started at or before the oldest backup kept: every backup kept then holds its changes.
 */
import { mkdir, open, readdir, readFile, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { ArticleRecord } from './article-record';
import { syncFolder } from './durable-file';

/**
 * How an article changed: its whole record, a pointer to its capture (whose record it is),
 * the fields set and unset, or removed (null).
 */
export type JournalChange = { r: ArticleRecord } | { c: 1 } | { s: Partial<ArticleRecord>; u?: string[] } | null;

/** The change of a new article whose record is the one its capture holds, on disk already. */
export const FROM_CAPTURE: JournalChange = Object.freeze({ c: 1 as const });

/**
 * How the journal tells of one change: a pointer to the capture of a new article whose
 * capture holds this very record (`inCapture`: the capture is written and synced before the
 * catalog names it, and never rewritten), the whole record of another new one, the top-level
 * fields that changed (and went) of one already held — a tag edit is then its tags alone, not
 * the article's record — or null for one removed.
 */
export function journalChange(before: ArticleRecord | undefined, after: ArticleRecord | null, inCapture = false): JournalChange {
  if (after === null) return null;
  if (!before) return inCapture ? FROM_CAPTURE : { r: after };
  // Records are replaced, not edited: a field that did not change is usually the very same value.
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  const old = before as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) {
      if (old[key] !== undefined) unset.push(key);
    } else if (old[key] !== value && JSON.stringify(old[key]) !== JSON.stringify(value)) set[key] = value;
  }
  for (const key of Object.keys(old)) if (!Object.hasOwn(after, key) && old[key] !== undefined) unset.push(key);
  return unset.length > 0 ? { s: set as Partial<ArticleRecord>, u: unset } : { s: set as Partial<ArticleRecord> };
}

/** One entry: a set of catalog changes as written. */
export interface JournalEntry {
  seq: number;
  /** When it was written (ISO 8601, UTC). */
  at: string;
  /** The change number each shard the entry touched reached with it. */
  shards: Record<string, number>;
  changes: Record<string, JournalChange>;
  /** Shards whose every article the entry holds, to take in place of what they held before. */
  full?: string[];
  /** Where the range of each shard in `full` ended (the next shard's start; null for the newest), when it was written. */
  ends?: Record<string, string | null>;
}

/** A segment file's name: its first sequence number and the day of the backup that started it. */
const SEGMENT = /^(\d{12})-(\d{4}-\d{2}-\d{2})\.jsonl$/u;

/** How much of a segment's end is read at a time when looking for its last entry. */
const TAIL_CHUNK = 64 * 1024;

/** The journal folder of a library. */
export function journalFolder(root: string): string {
  return join(root, 'journal');
}

/** One line of the journal for an entry. */
export function encodeEntry(entry: JournalEntry): string {
  const json = JSON.stringify(entry);
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
}

/** The entry a line holds, or null for a torn or damaged line. */
export function decodeEntry(line: string): JournalEntry | null {
  if (line.length < 10 || line[8] !== ' ') return null;
  const json = line.slice(9);
  if (crc32(json).toString(16).padStart(8, '0') !== line.slice(0, 8)) return null;
  try {
    const entry = JSON.parse(json) as JournalEntry;
    return typeof entry.seq === 'number' && typeof entry.shards === 'object' && typeof entry.changes === 'object' ? entry : null;
  } catch {
    return null;
  }
}

/** A segment of the journal on disk. */
interface Segment {
  name: string;
  firstSeq: number;
  day: string;
}

/** The segments in a journal folder, oldest first. */
async function listSegments(folder: string): Promise<Segment[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .flatMap((name) => {
      const match = SEGMENT.exec(name);
      return match ? [{ name, firstSeq: Number(match[1]), day: match[2]! }] : [];
    })
    .sort((a, b) => a.firstSeq - b.firstSeq);
}

/** What reading the whole journal found. */
export interface JournalReading {
  entries: JournalEntry[];
  /** Lines that did not check out (torn or damaged), skipped. */
  damagedLines: number;
}

/** The journal of one library, open for appending (by the one writer). */
export class CatalogJournal {
  private handle: FileHandle | null = null;
  /** The segment appended to; null until the first append (or after a rotation). */
  private segment: Segment | null;
  private nextDay: string;

  private constructor(
    private readonly folder: string,
    /** The last sequence number on disk (0 for none). */
    private last: number,
    segment: Segment | null,
    today: string,
  ) {
    this.segment = segment;
    this.nextDay = segment?.day ?? today;
  }

  /** Opens the journal of the library at `root`, finding the last entry written. Creates nothing. */
  static async open(root: string, now = new Date()): Promise<CatalogJournal> {
    const folder = journalFolder(root);
    const segments = await listSegments(folder);
    const newest = segments[segments.length - 1] ?? null;
    let last = 0;
    let appendTo = newest;
    if (newest) {
      const path = join(folder, newest.name);
      last = Math.max(newest.firstSeq - 1, (await lastEntryIn(path))?.seq ?? 0);
      // A segment that ends in a line a crash cut short is left as it is: the next entry
      // starts a segment of its own rather than run on from the torn line.
      if (!(await endsWithLineEnd(path))) appendTo = null;
    }
    const journal = new CatalogJournal(folder, last, appendTo, now.toISOString().slice(0, 10));
    if (newest) journal.nextDay = newest.day;
    return journal;
  }

  /** The sequence number of the last entry written (0 for none). */
  get lastSeq(): number {
    return this.last;
  }

  /**
   * Appends an entry and fsyncs it: once this resolves, the entry survives a crash. Its
   * `seq` must be above {@link lastSeq}.
   */
  async append(entry: JournalEntry): Promise<void> {
    const line = encodeEntry(entry);
    let created = false;
    if (!this.handle) {
      if (!this.segment) {
        this.segment = { name: `${String(entry.seq).padStart(12, '0')}-${this.nextDay}.jsonl`, firstSeq: entry.seq, day: this.nextDay };
        created = true;
      }
      // The folder's name, and then the segment's, must be on disk before an entry in it counts.
      if ((await mkdir(this.folder, { recursive: true })) !== undefined) await syncFolder(join(this.folder, '..'));
      this.handle = await open(join(this.folder, this.segment.name), 'a');
      if (created) await syncFolder(this.folder);
    }
    try {
      await this.handle.write(line);
      await this.handle.datasync();
    } catch (error) {
      // What was half-written stays at the end of this segment (a line that does not check
      // out, skipped when read); the next entry goes to a new segment after it.
      await this.closeSegment(true);
      throw error;
    }
    this.last = entry.seq;
  }

  /**
   * Starts a new segment with the next entry: called when the day's backup has been made
   * (`day` is its name), so that the segments before it can be trimmed once older backups go.
   */
  async rotate(day: string): Promise<void> {
    await this.closeSegment(true);
    this.nextDay = day;
  }

  /**
   * Deletes the segments every kept backup already holds: those followed by a segment that
   * started at or before `oldestBackupDay`. Returns the names deleted.
   */
  async trim(oldestBackupDay: string): Promise<string[]> {
    const segments = await listSegments(this.folder);
    const deleted: string[] = [];
    for (let i = 0; i + 1 < segments.length; i++) {
      if (segments[i + 1]!.day > oldestBackupDay || segments[i]!.name === this.segment?.name) break;
      await rm(join(this.folder, segments[i]!.name), { force: true });
      deleted.push(segments[i]!.name);
    }
    if (deleted.length > 0) await syncFolder(this.folder);
    return deleted;
  }

  /** Closes the segment being appended to. */
  async close(): Promise<void> {
    await this.closeSegment(false);
  }

  private async closeSegment(startAnother: boolean): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    if (startAnother) this.segment = null;
    await handle?.close().catch(() => undefined);
  }
}

/** Every entry of the library's journal, oldest first, and how many lines were skipped as damaged. */
export async function readJournal(root: string): Promise<JournalReading> {
  const folder = journalFolder(root);
  const reading: JournalReading = { entries: [], damagedLines: 0 };
  for (const segment of await listSegments(folder)) {
    const text = await readFile(join(folder, segment.name), 'utf8');
    const lines = text.split('\n');
    // The text after the last line end is a line the writer never finished: not damage.
    lines.pop();
    for (const line of lines) {
      const entry = decodeEntry(line);
      if (entry) reading.entries.push(entry);
      else reading.damagedLines++;
    }
  }
  return reading;
}

/** True when a file is empty or its last byte is a line end. */
async function endsWithLineEnd(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    await file.read(last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    await file.close();
  }
}

/** The last entry of a segment that checks out, reading back from its end a chunk at a time. */
async function lastEntryIn(path: string): Promise<JournalEntry | null> {
  const file = await open(path, 'r');
  try {
    let position = (await file.stat()).size;
    let tail = Buffer.alloc(0);
    while (position > 0) {
      const length = Math.min(TAIL_CHUNK, position);
      position -= length;
      const chunk = Buffer.alloc(length);
      await file.read(chunk, 0, length, position);
      tail = Buffer.concat([chunk, tail]);
      // Lines wholly inside `tail`, newest first; the text after the last line end is unfinished.
      let end = tail.lastIndexOf(0x0a);
      while (end >= 0) {
        const start = end === 0 ? -1 : tail.lastIndexOf(0x0a, end - 1);
        if (start < 0 && position > 0) break;
        const entry = decodeEntry(tail.toString('utf8', start + 1, end));
        if (entry) return entry;
        end = start;
      }
    }
    return null;
  } finally {
    await file.close();
  }
}

/** The size of the journal on disk, in bytes (for the benchmark and verify). */
export async function journalSize(root: string): Promise<number> {
  let total = 0;
  for (const segment of await listSegments(journalFolder(root))) total += (await stat(join(journalFolder(root), segment.name))).size;
  return total;
}
