/**
 * Timestamps that wait, and the ones received. Every signed capture is put in the queue
 * (`<library>/evidence/timestamp-queue.txt`, one article id a line, appended as captures are
 * written); draining it asks the TSA for a token of each manifest's SHA-256, checks the reply
 * (timestamp-check.ts) and keeps it as `<library>/evidence/timestamps/<XY>/<id>.tsr` — the
 * reply exactly as received, which `openssl ts -verify -in` reads. Offline, nothing is lost:
 * the ids stay in the queue until a TSA answers.
 *
 * A drain stops at the first failure (the TSA unreachable, or answering something that does
 * not check out) and keeps the rest waiting; a reply that fails its check is never stored.
 * Requests go one at a time: a public TSA is a shared service, and a bulk import's thousands
 * are sent in the background.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { appendFile, mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CuttingsError } from '../../../common/errors';
import { syncFolder, writeFileDurably } from '../storage/durable-file';
import { captureFolderOf } from '../storage/capture-folder';
import { sha256Hex } from './capture-manifest';
import { evidenceFolder } from './library-keys';
import { checkTimestampReply } from './timestamp-check';
import { timestampRequest } from './timestamp-token';
import { askTsa } from './tsa-client';
import type { X509Certificate } from 'node:crypto';
import { OneAtATime } from '../../../common/one-at-a-time';

/** Where an article's timestamp reply is kept. */
export function tokenPath(root: string, id: string): string {
  return join(evidenceFolder(root), 'timestamps', captureFolderOf(id), `${id}.tsr`);
}

/** An article's timestamp reply as received, or null when it has none. */
export async function readTimestamp(root: string, id: string): Promise<Buffer | null> {
  try {
    return await readFile(tokenPath(root, id));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CuttingsError('library', `timestamp: cannot read ${tokenPath(root, id)}: ${(error as Error).message}`);
  }
}

/** readTimestamp without the thread pool, for bulk reads (the archive export reads one per article, most of them absent). */
export function readTimestampSync(root: string, id: string): Buffer | null {
  try {
    return readFileSync(tokenPath(root, id));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CuttingsError('library', `timestamp: cannot read ${tokenPath(root, id)}: ${(error as Error).message}`);
  }
}

/** Writes a timestamp reply that came with a capture (an archive import) without syncing; the batch syncs once. Returns the file. */
export function writeTimestampForBatch(root: string, id: string, reply: Uint8Array): string {
  const path = tokenPath(root, id);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, reply);
  return path;
}

/** What a drain did. */
export interface DrainResult {
  /** Tokens received and stored. */
  stamped: number;
  /** Still waiting. */
  waiting: number;
  /** Why it stopped early, in one line; null when the queue was emptied. */
  error: string | null;
  /** When a token's chain ends at a root not trusted here (the token is kept, but shows as not verified): that line. */
  untrusted: string | null;
}

/** What a drain needs: where to ask, what to trust, and each waiting article's manifest. */
export interface DrainOptions {
  tsa: string;
  anchors: readonly X509Certificate[];
  /** The manifest's bytes; null when the capture is gone (abandoned, deleted), which drops it from the queue. */
  manifestOf: (id: string) => Promise<Buffer | null>;
  signal?: AbortSignal;
  /** Hears each token stored. */
  onStamped?: (id: string) => void;
}

/** A library's waiting timestamps. */
export class TimestampQueue {
  private ids: Set<string> | null = null;
  /**
   * Ids added before the queue was read: they are in the file, and taken into the set when it
   * is read (an add that raced the reading is in one or the other, or both). A clip needs only
   * to append its id; reading the queue of a library of 1,000,000 imported articles at the
   * first clip held the thread 50–80 ms at a time (the set of a million ids growing).
   */
  private addedUnread: string[] = [];
  private readonly writing = new OneAtATime();

  constructor(private readonly root: string) {}

  private get file(): string {
    return join(evidenceFolder(this.root), 'timestamp-queue.txt');
  }

  /**
   * The ids waiting, oldest first (read from disk the first time). A set, which keeps them in
   * the order added: an import adds 10,000 at a time to a queue of hundreds of thousands, and
   * looking each up in a list made that quadratic (about 4.5 billion comparisons over an
   * import of 100,000).
   */
  private async load(): Promise<Set<string>> {
    if (this.ids) return this.ids;
    let text = '';
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new CuttingsError('library', `timestamp: cannot read ${this.file}: ${(error as Error).message}`);
    }
    const ids = await idLines(text);
    // A token stored just before a crash, with the queue not yet rewritten, is not waiting.
    // With no token stored at all (a library never drained) there is nothing to look for.
    if (await stat(join(evidenceFolder(this.root), 'timestamps')).then(() => true, () => false)) {
      // A few hundred at a time: 100,000 stats asked at once held the thread with their answers.
      const listed = [...ids];
      for (let from = 0; from < listed.length; from += STATS_AT_ONCE) {
        const slice = listed.slice(from, from + STATS_AT_ONCE);
        const present = await Promise.all(slice.map((id) => stat(tokenPath(this.root, id)).then(() => true, () => false)));
        slice.forEach((id, i) => {
          if (present[i]) ids.delete(id);
        });
      }
    }
    this.ids ??= ids;
    for (const id of this.addedUnread) this.ids.add(id);
    this.addedUnread = [];
    return this.ids;
  }

  /** How many captures wait for a timestamp. */
  async count(): Promise<number> {
    return (await this.load()).size;
  }

  /** Whether an article waits. */
  async has(id: string): Promise<boolean> {
    return (await this.load()).has(id);
  }

  /** Puts articles in the queue; resolves once the file has them durably. */
  add(ids: readonly string[]): Promise<void> {
    return this.writing.run(async () => {
      const created = await stat(this.file).then(() => false, () => true);
      await mkdir(evidenceFolder(this.root), { recursive: true });
      await appendFile(this.file, ids.map((id) => `${id}\n`).join(''), { flush: true });
      if (created) await syncFolder(evidenceFolder(this.root));
      if (this.ids) for (const id of ids) this.ids.add(id);
      else this.addedUnread.push(...ids);
    });
  }

  /** Writes the queue as it is in memory (after a drain took some out). */
  private rewrite(): Promise<void> {
    return this.writing.run(async () => {
      const queue = await this.load();
      await mkdir(evidenceFolder(this.root), { recursive: true });
      await writeFileDurably(this.file, [...queue].map((id) => `${id}\n`).join(''));
    });
  }

  /** Asks the TSA for each waiting manifest's token, one at a time, until done or the first failure. */
  async drain(options: DrainOptions): Promise<DrainResult> {
    const queue = await this.load();
    const result: DrainResult = { stamped: 0, waiting: queue.size, error: null, untrusted: null };
    const done = new Set<string>();
    try {
      for (const id of [...queue]) {
        if (options.signal?.aborted) break;
        const manifest = await options.manifestOf(id);
        if (manifest) {
          const request = timestampRequest(Buffer.from(sha256Hex(manifest), 'hex'));
          const reply = await askTsa(options.tsa, request.der, { signal: options.signal });
          const verdict = checkTimestampReply(reply, manifest, { anchors: options.anchors, nonce: request.nonce });
          if (verdict.problems.length > 0) throw new CuttingsError('bad-content', `${verdict.problems[0]!} (from ${options.tsa})`);
          result.untrusted ??= verdict.trustProblem;
          const path = tokenPath(this.root, id);
          await mkdir(join(path, '..'), { recursive: true });
          await writeFileDurably(path, reply);
          result.stamped++;
          options.onStamped?.(id);
        }
        done.add(id);
      }
    } catch (error) {
      if (!(error instanceof CuttingsError)) throw error;
      result.error = error.message;
    } finally {
      if (done.size > 0) {
        for (const id of done) queue.delete(id);
        await this.rewrite();
      }
    }
    result.waiting = queue.size;
    return result;
  }
}

/** How many lines of the queue are read between two turns of the event loop (some 5–10 ms on the two-core machine). */
const LINES_BETWEEN_YIELDS = 5_000;

/** How many tokens are looked for at once when the queue is read. */
const STATS_AT_ONCE = 256;

/**
 * The ids the queue's text names, each once, a line that is not an id skipped. Read a slice at
 * a time: after an import of 100,000 the queue names every article, and reading it at once
 * held the thread 36 ms (with the collection after it, 73 ms) at the first clip; 1,000,000,
 * ten times that. Copying the ids into a list and a new set after that held it 60–75 ms more:
 * the set made here is the queue.
 */
async function idLines(text: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let lines = 0;
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (end - at === 26) {
      const line = text.slice(at, end);
      if (/^[0-9A-Z]{26}$/u.test(line)) ids.add(line);
    }
    at = end + 1;
    if (++lines % LINES_BETWEEN_YIELDS === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return ids;
}
