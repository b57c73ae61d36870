/**
 * A WACZ's index: one CDXJ line per record a replay tool looks up (responses and resources;
 * not requests, warcinfo or metadata), `<SURT key> <14-digit time> {json}`, sorted as plain
 * text so that ReplayWeb.page can binary-search it. The key is warcio's getSurt, the function
 * ReplayWeb.page itself uses to look a URL up, so a lookup finds what was written.
 *
 * Sorting must not hold the whole index for a large export: lines are gathered
 * {@link RUN_LINES} at a time (about 25 MB), each run sorted and spilled to a file in the
 * export's temporary folder, and the runs merged as the index is written. Memory stays flat
 * at any size; an export of fewer lines than a run never touches the disk for it.
 */
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { getSurt } from 'warcio/utils';

/** One indexed record. */
export interface CdxjEntry {
  url: string;
  /** The record's WARC-Date. */
  date: string;
  /** The media type served (without parameters). */
  mime: string;
  status: number;
  /** The payload digest as written in the record (`sha256:<hex>`). */
  digest: string;
  /** Offset and length of the record's gzip member in its WARC. */
  offset: number;
  length: number;
  /** The WARC's name in the WACZ's archive/ folder. */
  filename: string;
}

/** How many lines are sorted in memory before a run is spilled to disk. */
export const RUN_LINES = 100_000;

/** `2024-03-01T10:20:30.123Z` → `20240301102030`. */
export function cdxTimestamp(date: string): string {
  return date.replace(/[^0-9]/gu, '').slice(0, 14).padEnd(14, '0');
}

/** A record's CDXJ line (without its line break). */
export function cdxjLine(entry: CdxjEntry): string {
  const json = {
    url: entry.url,
    mime: entry.mime.split(';')[0]!.trim().toLowerCase(),
    status: String(entry.status),
    digest: entry.digest,
    length: String(entry.length),
    offset: String(entry.offset),
    filename: entry.filename,
  };
  return `${getSurt(entry.url)} ${cdxTimestamp(entry.date)} ${JSON.stringify(json)}`;
}

/** Lines gathered in any order and given back sorted, spilling sorted runs to `folder` as they fill. */
export class SortedLines {
  private lines: string[] = [];
  private readonly runs: string[] = [];

  constructor(
    private readonly folder: string,
    private readonly runLines = RUN_LINES,
  ) {}

  /** Adds a line (no line break in it). */
  async add(line: string): Promise<void> {
    this.lines.push(line);
    if (this.lines.length >= this.runLines) await this.spill();
  }

  /** Every line added, in sorted order. */
  async *sorted(): AsyncGenerator<string> {
    this.lines.sort(compare);
    if (this.runs.length === 0) {
      yield* this.lines;
      return;
    }
    // A k-way merge: the heads of the runs and of the lines in memory, the least first. Runs
    // are few (one per 100,000 lines), so a scan of the heads beats a heap for clarity.
    const sources: AsyncIterator<string>[] = [...this.runs.map((run) => createInterface({ input: createReadStream(run, { encoding: 'utf8' }), crlfDelay: Infinity })[Symbol.asyncIterator]()), arrayIterator(this.lines)];
    const heads = await Promise.all(sources.map((source) => source.next()));
    for (;;) {
      let least = -1;
      for (let i = 0; i < heads.length; i++) {
        if (!heads[i]!.done && (least < 0 || compare(heads[i]!.value as string, heads[least]!.value as string) < 0)) least = i;
      }
      if (least < 0) return;
      yield heads[least]!.value as string;
      heads[least] = await sources[least]!.next();
    }
  }

  private async spill(): Promise<void> {
    this.lines.sort(compare);
    const run = join(this.folder, `index-run-${this.runs.length}.cdxj`);
    await writeFile(run, `${this.lines.join('\n')}\n`);
    this.runs.push(run);
    this.lines = [];
  }
}

/** Plain ordering of UTF-16 code units, which for these (ASCII) keys is byte order, as `sort` in the C locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function arrayIterator(lines: string[]): AsyncIterator<string> {
  let i = 0;
  return { next: async () => (i < lines.length ? { done: false, value: lines[i++]! } : { done: true, value: undefined }) };
}
