/**
 * The custody log: what happened to each piece of evidence, in order, append-only,
 * hash-chained and signed, in `<library>/evidence/custody.jsonl`, one entry a line:
 *
 *   {"at":"…","event":"captured","items":[{"article":"01J…","manifest":"<sha256>"}],
 *    "key":"<fingerprint>","prev":"<sha256 of the line before>","seq":7,"sig":"<base64>"}
 *
 * Each line is the entry in canonical JSON (RFC 8785); `sig` is the Ed25519 signature of the
 * same entry without `sig`, canonical too; `prev` is the SHA-256 of the whole line before (64
 * zeros for the first) and `seq` counts from 1. So an entry altered fails its signature, an
 * entry removed leaves a gap in `seq` and breaks the chain, two entries swapped come out of
 * order, and nobody without the key can mend any of it. What the chain alone cannot show —
 * entries cut off the end — the head shows: `custody-head.json` names the last entry's `seq`
 * and hash, signed, and is rewritten after every append.
 *
 * Events: captured, recaptured, corrected, imported (with each capture's manifest hash, or
 * for a capture made before signing its original's and text's hashes), exported (the
 * articles, the format and the file's name), deleted (the article and the hashes it had:
 * the entry outlives the cutting), abandoned (a capture written but never stored: the
 * catalog could not be saved), edited (the user changed a cutting's title, date, author or
 * source after capture: the capture's manifest hash, and each field from what to what).
 */
import { mkdir, open, readFile, stat, truncate } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CuttingsError } from '../../../common/errors';
import { syncFolder, writeFileDurably } from '../storage/durable-file';
import { canonicalBytes, canonicalJson } from './canonical-json';
import { sha256Hex, type CaptureEvent } from './capture-manifest';
import { evidenceFolder } from './library-keys';
import type { SigningKey } from './signing-key';
import { OneAtATime } from '../../../common/one-at-a-time';

/** What a custody entry records. */
export type CustodyEventName = CaptureEvent | 'exported' | 'deleted' | 'abandoned' | 'edited';

/** One piece of evidence an entry is about. */
export interface CustodyItem {
  article: string;
  /** SHA-256 of the capture's signed manifest. */
  manifest?: string;
  /** SHA-256 of the original and of the text, for a capture without a manifest (or a deleted one). */
  original?: string;
  text?: string;
}

/** One entry, as a line holds it. */
export interface CustodyEntry {
  seq: number;
  /** When, ISO 8601 UTC. */
  at: string;
  event: CustodyEventName;
  items: CustodyItem[];
  /** What else there is to say: an export's format and file, why a capture was abandoned. */
  detail?: string;
  /** Fingerprint of the key that signed it. */
  key: string;
  /** SHA-256 of the line before, hex; 64 zeros for the first. */
  prev: string;
  /** Ed25519 signature of the entry without `sig`, canonical JSON, base64. */
  sig: string;
}

/** The signed head: the last entry's seq and the hash of its line. */
interface CustodyHead {
  seq: number;
  hash: string;
  key: string;
  sig: string;
}

/** The `prev` of the first entry. */
export const GENESIS = '0'.repeat(64);

/** The log file of a library. */
export function custodyLogPath(root: string): string {
  return join(evidenceFolder(root), 'custody.jsonl');
}

function headPath(root: string): string {
  return join(evidenceFolder(root), 'custody-head.json');
}

/** The bytes an entry's signature covers: the entry without `sig`, canonical. */
export function signedBytesOf(entry: Omit<CustodyEntry, 'sig'> & { sig?: string }): Buffer {
  const { sig: _sig, ...unsigned } = entry;
  return canonicalBytes(unsigned);
}

/** The bytes the head's signature covers. */
export function headBytesOf(head: Omit<CustodyHead, 'sig'> & { sig?: string }): Buffer {
  return canonicalBytes({ seq: head.seq, hash: head.hash, key: head.key });
}

/** Appends to a library's custody log, one entry at a time. */
export class CustodyLog {
  private tail: Promise<{ seq: number; hash: string }> | null = null;
  private readonly appending = new OneAtATime();
  /** What appending found that the user should be told (a torn last line, set aside). */
  readonly notices: string[] = [];

  constructor(private readonly root: string) {}

  /** Appends an entry signed with `key`; resolves once it and the head are on disk. */
  append(event: CustodyEventName, items: CustodyItem[], key: SigningKey, detail?: string): Promise<CustodyEntry> {
    return this.appending.run(() => this.appendNow(event, items, key, detail));
  }

  private async appendNow(event: CustodyEventName, items: CustodyItem[], key: SigningKey, detail: string | undefined): Promise<CustodyEntry> {
    this.tail ??= this.readTail();
    let last: { seq: number; hash: string };
    try {
      last = await this.tail;
    } catch (error) {
      this.tail = null;
      throw error;
    }
    const unsigned = { seq: last.seq + 1, at: new Date().toISOString(), event, items, ...(detail ? { detail } : {}), key: key.fingerprint, prev: last.hash };
    const entry: CustodyEntry = { ...unsigned, sig: key.sign(signedBytesOf(unsigned)).toString('base64') };
    const line = canonicalJson(entry);
    const path = custodyLogPath(this.root);
    try {
      await mkdir(evidenceFolder(this.root), { recursive: true });
      const created = await stat(path).then(() => false, () => true);
      const handle = await open(path, 'a');
      try {
        await handle.write(`${line}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      if (created) await syncFolder(evidenceFolder(this.root));
    } catch (error) {
      // What reached the file is unknown: read the tail again before the next append.
      this.tail = null;
      throw new CuttingsError('library', `custody log: cannot append to ${path}: ${(error as Error).message}`);
    }
    const hash = sha256Hex(line);
    this.tail = Promise.resolve({ seq: entry.seq, hash });
    const head = { seq: entry.seq, hash, key: key.fingerprint };
    // The head lagging one entry behind (a crash just here) shows as a note, never as damage.
    await writeFileDurably(headPath(this.root), `${JSON.stringify({ ...head, sig: key.sign(headBytesOf(head)).toString('base64') })}\n`).catch(() => undefined);
    return entry;
  }

  /**
   * The last entry's seq and line hash. A last line without its line break is an append
   * that a crash cut short (never acknowledged): it is moved aside to
   * `custody.torn-<time>` and cut from the log, with a notice.
   */
  private async readTail(): Promise<{ seq: number; hash: string }> {
    const path = custodyLogPath(this.root);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { seq: 0, hash: GENESIS };
      throw new CuttingsError('library', `custody log: cannot read ${path}: ${(error as Error).message}`);
    }
    if (size === 0) return { seq: 0, hash: GENESIS };
    const handle = await open(path, 'r');
    let text = '';
    try {
      // Enough to hold the last line whole; an export of a million cuttings makes a long one.
      let chunk = 64 * 1024;
      for (;;) {
        const length = Math.min(chunk, size);
        const buffer = Buffer.alloc(length);
        await handle.read(buffer, 0, length, size - length);
        text = buffer.toString('utf8');
        const body = text.endsWith('\n') ? text.slice(0, -1) : text;
        if (body.includes('\n') || length === size) break;
        chunk *= 4;
      }
    } finally {
      await handle.close();
    }
    if (!text.endsWith('\n')) {
      const cut = text.lastIndexOf('\n');
      const keep = size - (text.length - (cut + 1));
      const torn = join(evidenceFolder(this.root), `custody.torn-${new Date().toISOString().replace(/[:.]/gu, '-')}`);
      const bytes = await readFile(path);
      await writeFileDurably(torn, bytes.subarray(keep));
      await truncate(path, keep);
      this.notices.push(`custody log: its last line was cut short by a crash and never finished; it was moved to ${torn}`);
      if (cut < 0) return { seq: 0, hash: GENESIS };
      text = text.slice(0, cut + 1);
    }
    const lines = text.slice(0, -1).split('\n');
    const lastLine = lines[lines.length - 1]!;
    let entry: CustodyEntry;
    try {
      entry = JSON.parse(lastLine) as CustodyEntry;
    } catch {
      throw new CuttingsError('library', `custody log: the last line of ${path} does not parse; run \`cuttings verify\` to see what happened to it`);
    }
    if (!Number.isInteger(entry.seq)) throw new CuttingsError('library', `custody log: the last line of ${path} has no sequence number; run \`cuttings verify\``);
    return { seq: entry.seq, hash: sha256Hex(lastLine) };
  }
}

/** One line of the log as read: its number, text, and the entry if it parses. */
export interface CustodyLine {
  line: number;
  text: string;
  entry: CustodyEntry | null;
}

/** Every line of a library's custody log, in order; none if there is no log. */
export async function* readCustodyLines(root: string): AsyncGenerator<CustodyLine> {
  const path = custodyLogPath(root);
  const exists = await stat(path).then(() => true, () => false);
  if (!exists) return;
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let number = 0;
  for await (const text of lines) {
    number++;
    let entry: CustodyEntry | null = null;
    try {
      const parsed = JSON.parse(text) as CustodyEntry;
      if (typeof parsed === 'object' && parsed !== null && Array.isArray(parsed.items)) entry = parsed;
    } catch {
      // Reported by the verifier as a line that does not parse.
    }
    yield { line: number, text, entry };
  }
}

/** The head file's content, or null if there is none or it does not parse. */
export async function readCustodyHead(root: string): Promise<CustodyHead | null> {
  try {
    const head = JSON.parse(await readFile(headPath(root), 'utf8')) as CustodyHead;
    return Number.isInteger(head.seq) && typeof head.hash === 'string' ? head : null;
  } catch {
    return null;
  }
}

/** The entries that name any of `articles`, in order. */
export async function custodyEntriesFor(root: string, articles: ReadonlySet<string>): Promise<{ entry: CustodyEntry; text: string }[]> {
  const found: { entry: CustodyEntry; text: string }[] = [];
  for await (const { text, entry } of readCustodyLines(root)) {
    if (entry?.items.some((item) => articles.has(item.article))) found.push({ entry, text });
  }
  return found;
}
