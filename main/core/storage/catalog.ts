/**
 * The catalog: every article's metadata, tags and provenance, in memory for speed and on
 * disk in shards (catalog/<start>.json, each holding a range of ids, see shard-ranges.ts),
 * each a lowdb file written durably. A change rewrites only the shards it touches, and the
 * in-memory state changes only once a shard is on disk, so what the app shows never runs
 * ahead of what a crash would leave. A shard a change takes past SHARD_BOUND articles is
 * split (see writeSplit for why a crash half-way loses nothing).
 * With a journal (catalog-journal.ts, the writer's), every change is also appended there
 * before it is acknowledged, so that a damaged shard can be rebuilt without losing it.
 * One shard's file — its content, reading, writing, cutting in pieces — is shard-file.ts.
 * Opened with a summary (catalog-summary.ts), a shard whose file is as the summary recorded
 * it is not read at open: it is counted by its summary, and read the first time one of its
 * articles is asked for, a change touches it, or loadAll reads every shard left.
 */
export type { ShardData } from './shard-file';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import type { TagCount } from '../../../common/article';
import type { ArticleRecord } from './article-record';
import { CatalogRecords, type RecordWatcher } from './catalog-records';
import { readCatalogSummary, stampShard, stampShards, summariseShard, trustedSummaries, writeCatalogSummary, type FileStamp, type ShardSummary } from './catalog-summary';
import { journalChange, type CatalogJournal, type JournalChange, type JournalEntry } from './catalog-journal';
import { writeFilesDurably } from './durable-file';
import { bulkShardText, cutIntoPieces, emptyShard, readShardNow, readShardsInOrder, shardFile, shardsIn, writeAllOrNone, writeOrKeep, type ShardData } from './shard-file';
import { CuttingsError } from '../../../common/errors';
import { isShardFile, SHARD_BOUND, ShardRanges, splitPoints } from './shard-ranges';
import { OneAtATime } from '../../../common/one-at-a-time';
import { firstFailure, settleAtMost } from '../../../common/settle-at-most';
import { yieldToOthers } from '../yield-to-others';

/** A shard that could not be read, and why. */
export interface DamagedShard {
  shard: string;
  path: string;
  reason: string;
}

/** A set of changes: a record to store, or null to remove the article. */
export type CatalogChanges = Map<string, ArticleRecord | null>;

/** What the caller of {@link Catalog.apply} vouches for. */
export interface ApplyOptions {
  /**
   * New articles whose record is exactly the one their capture holds, the capture already
   * synced: the journal names them by a pointer to the capture rather than their whole
   * record (a bulk import then journals some 20 bytes an article instead of its record).
   */
  inCaptures?: ReadonlySet<string>;
}

/** How to open a catalog. */
export interface LoadOptions {
  /** The summary to trust shards by (catalog-summary.ts); without it every shard is read. */
  summary?: string;
}

/** How many records allInSlices gathers between turns of the event loop. */
const GATHER_SLICE = 10_000;

/** Appends a shard's records to `records`, newest first; returns how many. */
function gatherShard(articles: Record<string, ArticleRecord>, records: ArticleRecord[]): number {
  const inShard = Object.values(articles);
  inShard.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  for (const record of inShard) records.push(record);
  return inShard.length;
}

/** How many shard files are written at once during a change of a few shards. */
const WRITE_CONCURRENCY = 8;
/** How many shards are counted by their summary between turns of the event loop, when opening by it. */
const COUNT_SLICE = 256;
/** From how many shards on a change is written with one flush (applyInBulk). */
const BULK_SHARDS = 16;

/** The catalog of one library. */
export class Catalog {
  /** The shards read, with their content. */
  private readonly shards = new Map<string, Low<ShardData>>();
  /** The shards not read yet, counted by their summary; each is in one of the two maps (or neither while damaged). */
  private readonly summarised = new Map<string, ShardSummary>();
  /** Where the summary is kept, when the catalog was opened with one. */
  private summaryPath: string | null = null;
  /** The reading of every shard left, while it runs (loadAll). */
  private loadingAll: Promise<void> | null = null;
  /** Shards the summary stood for that could not be read: no change may touch them until the next open repairs them. */
  private readonly unreadable = new Map<string, string>();
  /** Set by close: a reading in the background stops, and a failure no longer touches the summary. */
  private closed = false;
  /** all()'s answer and the records' version it was made at. */
  private allRecords: { version: number; records: readonly ArticleRecord[] } | null = null;
  /** The records in memory, kept in step with the shards on disk. */
  private readonly records = new CatalogRecords();
  /** The change being written, if any; the next waits for it (see apply). */
  private readonly applying = new OneAtATime();
  /** Where each change is journaled (the writer's); null for a reader, or before useJournal. */
  private journal: CatalogJournal | null = null;
  /** The next journal entry's sequence number. */
  private nextSeq = 1;
  /** Shards written whose change did not reach the journal: journaled whole with the next entry. */
  private readonly unjournaled = new Set<string>();
  /** The shards' ranges, from their files' names. */
  private ranges = new ShardRanges();
  /**
   * Shards whose file on disk does not match what memory holds of them: a split a crash (or a
   * failed write) cut short left the old shard whole beside its new pieces. Rewritten before
   * any other change (finishSplits).
   */
  private readonly toRewrite = new Set<string>();
  /** Articles a shard's file held outside its range, while loading (see takeInStrays). */
  private strays: { shard: string; record: ArticleRecord }[] = [];

  private constructor(readonly folder: string) {}

  /**
   * Journals every change from now on. Shards written after the journal's last entry (a
   * crash between the two) are journaled whole first, so that the journal again holds
   * everything the shards do.
   */
  async useJournal(journal: CatalogJournal): Promise<void> {
    this.journal = journal;
    let newest = journal.lastSeq;
    // A shard written after the journal's last entry is journaled whole, so it is read (one
    // that cannot be is named when asked for, and repaired at the next open).
    for (const [shard, summary] of [...this.summarised]) if ((summary.journal ?? 0) > journal.lastSeq) await this.loadShard(shard).catch(() => undefined);
    for (const summary of this.summarised.values()) newest = Math.max(newest, summary.journal ?? 0);
    for (const [shard, low] of this.shards) {
      const seq = low.data.journal ?? 0;
      if (seq > journal.lastSeq) this.unjournaled.add(shard);
      newest = Math.max(newest, seq);
    }
    this.nextSeq = newest + 1;
    if (this.toRewrite.size > 0) await this.applying.run(() => this.finishSplits(this.nextSeq++));
    if (this.unjournaled.size > 0) await this.journalWrites(this.nextSeq++, new Map(), new Map());
  }

  /**
   * Reads every shard in `folder` — or, with a summary, every shard the summary cannot vouch
   * for. Shards that do not parse are left untouched and reported in `damaged`, so that the
   * caller can quarantine and restore them.
   */
  static async load(folder: string, options: LoadOptions = {}): Promise<{ catalog: Catalog; damaged: DamagedShard[] }> {
    const catalog = new Catalog(folder);
    const damaged: DamagedShard[] = [];
    const shards = await shardsIn(folder);
    catalog.ranges = new ShardRanges(shards);
    catalog.summaryPath = options.summary ?? null;
    const trusted = options.summary ? await trustedSummaries(folder, shards, await readCatalogSummary(options.summary), (shard) => catalog.rangeOf(shard)) : new Map<string, ShardSummary>();
    const toRead = shards.filter((shard) => !trusted.has(shard));
    // In name order: which spelling of a tag is met first is then always the same.
    const inOrder = [...trusted.keys()];
    let next = 0;
    const countUpTo = async (shard: string | null) => {
      for (; next < inOrder.length && (shard === null || inOrder[next]! < shard); next++) {
        catalog.summarise(inOrder[next]!, trusted.get(inOrder[next]!)!);
        if (next % COUNT_SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
    };
    for await (const [shard, read] of readShardsInOrder(folder, toRead)) {
      await countUpTo(shard);
      if (read instanceof Error) damaged.push({ shard, path: join(folder, `${shard}.json`), reason: read.message });
      else catalog.installShard(shard, read, 'read');
    }
    await countUpTo(null);
    catalog.takeInStrays();
    return { catalog, damaged };
  }

  /** Counts a shard by its summary, not read. */
  private summarise(shard: string, summary: ShardSummary): void {
    this.summarised.set(shard, summary);
    this.records.countSummarised(summary, 1);
  }

  /**
   * Reads a shard counted by its summary, waiting for the file. A shard that cannot be read
   * is taken out of the catalog for this session and the summary removed, so that the next
   * open reads it and repairs it; the error names it.
   */
  private async loadShard(shard: string): Promise<void> {
    if (!this.summarised.has(shard)) return;
    for await (const [, read] of readShardsInOrder(this.folder, [shard])) this.takeInRead(shard, read);
  }

  /** Reads a shard counted by its summary without waiting: an article of it was asked for. */
  private loadShardNow(shard: string): void {
    if (!this.summarised.has(shard)) return;
    this.takeInRead(shard, readShardNow(this.folder, shard));
  }

  private takeInRead(shard: string, read: Low<ShardData> | Error): void {
    const summary = this.summarised.get(shard);
    if (!summary) return;
    // A trusted shard has no strays (its ids were checked against its range).
    if (!(read instanceof Error)) return this.installShard(shard, read, 'read');
    this.summarised.delete(shard);
    this.records.countSummarised(summary, -1);
    if (this.summaryPath && !this.closed) void rm(this.summaryPath, { force: true }).catch(() => undefined);
    const message = `library: ${join(this.folder, `${shard}.json`)} could not be read (${read.message}); its articles are hidden until the library is opened again, which repairs it`;
    this.unreadable.set(shard, message);
    throw new CuttingsError('library', message);
  }

  /**
   * Reads every shard not read yet, a few at a time with the thread let go between them (as
   * at open without a summary). What needs every record at once — all(), a search index
   * built afresh, the duplicate index — waits for this rather than read them in one go.
   */
  loadAll(): Promise<void> {
    if (this.summarised.size === 0) return Promise.resolve();
    this.loadingAll ??= this.loadRest().finally(() => {
      this.loadingAll = null;
    });
    return this.loadingAll;
  }

  private async loadRest(): Promise<void> {
    const failure = await this.readSummarised([...this.summarised.keys()]);
    if (failure) throw failure;
  }

  /**
   * Reads these shards counted by their summary, a few at a time with the thread let go
   * between them, until the catalog closes (which ends it quietly). A shard that cannot be read
   * is taken out as takeInRead says; the first such failure is returned, not thrown, so that
   * the rest are read.
   */
  private async readSummarised(shards: string[]): Promise<unknown> {
    let failure: unknown;
    for await (const [shard, read] of readShardsInOrder(this.folder, shards)) {
      if (this.closed) return undefined;
      try {
        this.takeInRead(shard, read);
      } catch (error) {
        failure ??= error;
      }
    }
    return failure;
  }

  /** Reads synchronously every shard not read yet (all() and ids() asked before loadAll finished). */
  private loadAllNow(): void {
    for (const shard of [...this.summarised.keys()]) this.loadShardNow(shard);
  }

  /** Stops a reading of the shards in the background (the library is closing). */
  async close(): Promise<void> {
    this.closed = true;
    await this.loadingAll?.catch(() => undefined);
  }

  /** How many shards are counted by their summary and not read yet. */
  get unreadShards(): number {
    return this.summarised.size;
  }

  /**
   * Writes the summary of every shard (a writer's, at close): a shard read is summarised as
   * memory holds it and its file is now, and a shard never read keeps the entry it was
   * trusted by. A shard whose file does not hold what memory does (a split to finish) is left
   * out, so that the next open reads it. Waits for the change being written.
   */
  saveSummary(): Promise<void> {
    const path = this.summaryPath;
    if (!path) return Promise.resolve();
    return this.applying.run(async () => {
      // A shard read in the background meanwhile is in both: its entry from the shard read wins (the same file).
      const entries = new Map(this.summarised);
      let sinceYield = 0;
      for (const [shard, low] of this.shards) {
        if (this.toRewrite.has(shard)) continue;
        const stamp = await stampShard(this.folder, shard);
        if (stamp) entries.set(shard, summariseShard(stamp, low.data));
        if (++sinceYield % 64 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      await writeCatalogSummary(path, [...entries].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    });
  }

  /**
   * Each shard's file stamp, taken between two changes so that every file holds what memory
   * does, for derived data that vouches for shards by them (the duplicate index's snapshot,
   * duplicates/duplicate-snapshot.ts). A shard whose file does not (a split to finish) or
   * that cannot be stat'ed is left out.
   */
  shardStamps(): Promise<Map<string, FileStamp>> {
    return this.applying.run(() => stampShards(this.folder, [...new Set([...this.shards.keys(), ...this.summarised.keys()])].filter((shard) => !this.toRewrite.has(shard))));
  }

  /**
   * Reads the shards of these articles that were not read yet, without holding the thread
   * (get then answers from memory); one that cannot be read is left, as get would leave it.
   */
  async readShardsOf(ids: Iterable<string>): Promise<void> {
    if (this.summarised.size === 0) return;
    const shards = new Set<string>();
    for (const id of ids) {
      const shard = this.ranges.shardOf(id);
      if (this.summarised.has(shard)) shards.add(shard);
    }
    // One that cannot be read is named when one of its articles is asked for, and repaired at the next open.
    await this.readSummarised([...shards]);
  }

  /** The ids of these shards' articles, each shard read first if it was not (one that cannot be read has none). */
  async idsIn(shards: Iterable<string>): Promise<string[]> {
    const list = [...shards];
    await this.readSummarised(list.filter((shard) => this.summarised.has(shard)));
    return list.flatMap((shard) => Object.keys(this.shards.get(shard)?.data.articles ?? {}));
  }

  /**
   * Settles the articles shards held outside their ranges — left by a split a crash cut short
   * (writeSplit): the old shard's file still holds the articles its new pieces took. The
   * piece's copy is the one kept (it was written after the old shard's); an article the piece
   * lacks (a piece whose file never got its name) goes to the shard whose range covers it; one
   * whose shard is damaged is left to its repair (backup, journal and captures). Both files
   * are rewritten as memory holds them before the next change, by a writer.
   */
  private takeInStrays(): void {
    const damaged = new Set(this.ranges.list().filter((start) => !this.shards.has(start) && !this.summarised.has(start)));
    for (const { shard, record } of this.strays) {
      this.toRewrite.add(shard);
      const home = this.ranges.shardOf(record.id);
      try {
        this.loadShardNow(home);
      } catch {
        // Unreadable: left to its repair at the next open, as a damaged shard's.
        continue;
      }
      const low = this.shards.get(home);
      if (!low || damaged.has(home) || Object.hasOwn(low.data.articles, record.id)) continue;
      low.data = { ...low.data, articles: { ...low.data.articles, [record.id]: record } };
      this.records.remember(record);
      this.toRewrite.add(home);
    }
    this.strays = [];
  }

  /**
   * Puts a shard in memory, in place of what it held before. Articles outside its range are
   * set aside for takeInStrays. A shard `read` from its file (at open, or one the summary
   * stood for) changes nothing in the library and the watchers are not told of its records;
   * one `replaced` by a repair does, and they are. Told of every shard read, the duplicate
   * index filed every article a second time, in one go: the main thread held 300–360 ms at
   * the first clips after opening 20,000 (the storage bench's pasted clips).
   */
  private installShard(shard: string, low: Low<ShardData>, how: 'read' | 'replaced'): void {
    const previous = this.shards.get(shard);
    if (previous) for (const id of Object.keys(previous.data.articles)) this.records.forget(id);
    const summary = this.summarised.get(shard);
    let articles = low.data.articles;
    // The shard's range, worked out once: looking up each id's shard cost 70 ms of opening 100,000.
    const { start, end } = this.rangeOf(shard);
    for (const id in articles) {
      if (id >= start && (end === null || id < end)) continue;
      if (articles === low.data.articles) articles = { ...articles };
      this.strays.push({ shard, record: articles[id]! });
      delete articles[id];
    }
    if (articles !== low.data.articles) low.data = { ...low.data, articles };
    this.shards.set(shard, low);
    for (const record of Object.values(articles)) this.records.remember(record, how === 'read');
    // Counted by its records now (after them: a tag's count never falls to nothing on the way, losing its spelling).
    if (summary) {
      this.summarised.delete(shard);
      this.records.countSummarised(summary, -1);
    }
  }

  /** How many articles the catalog holds. */
  get size(): number {
    return this.records.size;
  }

  /** One article's record, or undefined. Reads its shard first if it was not read yet. */
  get(id: string): ArticleRecord | undefined {
    const record = this.records.get(id);
    if (record || this.summarised.size === 0) return record;
    const shard = this.ranges.shardOf(id);
    if (!this.summarised.has(shard)) return undefined;
    this.loadShardNow(shard);
    return this.records.get(id);
  }

  /** Every id, in no particular order (every shard read first: await loadAll() not to wait here). */
  ids(): string[] {
    this.loadAllNow();
    return this.records.ids();
  }

  /**
   * Every record, newest clipped first (ULIDs sort by creation time; every shard read first:
   * await loadAll() not to wait here). Made again after a change, shard by shard from the
   * newest range, each shard's few records sorted: the order records were read in says
   * nothing once shards are read when first needed. On the 1,000,000 library of the storage
   * bench one pass over a Map of the records took 83 ms; sorting them all, 0.9–1.1 s.
   */
  all(): readonly ArticleRecord[] {
    this.loadAllNow();
    if (this.allRecords?.version === this.records.version) return this.allRecords.records;
    const records: ArticleRecord[] = [];
    for (const articles of this.newestShardsFirst()) gatherShard(articles, records);
    this.allRecords = { version: this.records.version, records: Object.freeze(records) };
    return this.allRecords.records;
  }

  /**
   * all() without holding the thread: the shards not read yet are read a few at a time
   * (loadAll), and the list is gathered a slice at a time from the shards as they were when
   * it began (a change gives a shard new articles rather than changing them in place, so a
   * change meanwhile is in the next list, not half in this one). On the storage bench's
   * 1,000,000 library the list made in one go held the thread 0.6 s (another job running);
   * gathered 10,000 records at a time, 24–31 ms at most (20,000: 57 ms).
   */
  async allInSlices(): Promise<readonly ArticleRecord[]> {
    await this.loadAll();
    const version = this.records.version;
    if (this.allRecords?.version === version) return this.allRecords.records;
    const records: ArticleRecord[] = [];
    let sinceYield = 0;
    for (const articles of this.newestShardsFirst()) {
      sinceYield += gatherShard(articles, records);
      if (sinceYield >= GATHER_SLICE) {
        sinceYield = 0;
        await yieldToOthers();
      }
    }
    Object.freeze(records);
    if (this.records.version === version) this.allRecords = { version, records };
    return records;
  }

  /** Each read shard's articles, from the newest range to the oldest, as they are now. */
  private newestShardsFirst(): Record<string, ArticleRecord>[] {
    const starts = this.ranges.list();
    const shards: Record<string, ArticleRecord>[] = [];
    for (let i = starts.length - 1; i >= 0; i--) {
      const articles = this.shards.get(starts[i]!)?.data.articles;
      if (articles) shards.push(articles);
    }
    return shards;
  }

  /** Every tag with its count, most used first. */
  tags(): TagCount[] {
    return this.records.tags();
  }

  /** The spelling in use for a tag with this key, if any article carries it. */
  spellingOf(tag: string): string | undefined {
    return this.records.spellingOf(tag);
  }

  /** Shows the tag with this key spelled as given from now on (after a rename that changed only its case). */
  respellTag(tag: string): void {
    this.records.respellTag(tag);
  }

  /** Tells `watcher` of every record the catalog takes in or lets go from now on, by a change (not a shard read). */
  watch(watcher: RecordWatcher): void {
    this.records.watch(watcher);
  }

  /** The change number of every shard, for derived data to record what it covers. */
  shardVersions(): Record<string, number> {
    const versions: Record<string, number> = {};
    for (const [shard, summary] of this.summarised) versions[shard] = summary.changeNumber;
    for (const [shard, low] of this.shards) versions[shard] = low.data.changeNumber;
    return versions;
  }

  /**
   * Every shard's current content. Shard contents are never changed in place (a change
   * installs a new object), so what this returns stays as it was while the catalog moves on:
   * derived data can read it a slice at a time.
   */
  shardContents(): [string, Readonly<ShardData>][] {
    this.loadAllNow();
    return [...this.shards].map(([shard, low]) => [shard, low.data]);
  }

  /** The ids a shard's range covers: from `start` ('' for the first shard, which holds any id below it) up to `end` (null: no end). */
  rangeOf(shard: string): { start: string; end: string | null } {
    return { start: this.ranges.list()[0] === shard ? '' : shard, end: this.ranges.endOf(shard) };
  }

  /** The ids a shard holds. */
  idsInShard(shard: string): string[] {
    this.loadShardNow(shard);
    return Object.keys(this.shards.get(shard)?.data.articles ?? {});
  }

  /**
   * Applies changes and writes every touched shard durably. Resolves once all are on
   * disk. If a shard cannot be written, that shard keeps its old content on disk and in
   * memory, the other shards' writes stand, and the first error is thrown.
   */
  apply(changes: CatalogChanges, options: ApplyOptions = {}): Promise<void> {
    // One change at a time: each shard's next content is computed from its current one, so
    // two changes to a shard in flight together (a tag edit during an import) would lose one.
    return this.applying.run(() => this.applyNow(changes, options));
  }

  private async applyNow(changes: CatalogChanges, options: ApplyOptions): Promise<void> {
    const byShard = new Map<string, [string, ArticleRecord | null][]>();
    for (const entry of changes) {
      const shard = this.ranges.shardOf(entry[0]);
      let list = byShard.get(shard);
      if (!list) byShard.set(shard, (list = []));
      list.push(entry);
    }
    await mkdir(this.folder, { recursive: true });
    for (const shard of byShard.keys()) {
      await this.loadShard(shard);
      // Written now, it would hold the change alone: the articles its file holds would be lost to the repair.
      const unreadable = this.unreadable.get(shard);
      if (unreadable) throw new CuttingsError('library', unreadable);
    }
    // What the journal will say of each change, from the records as they are before it.
    const seq = this.journal ? this.nextSeq++ : undefined;
    if (this.toRewrite.size > 0) await this.finishSplits(seq);
    const described = this.journal ? this.describe(changes, options.inCaptures) : new Map<string, JournalChange>();
    const written = new Map<string, number>();
    let failure: unknown;
    const plans = [...byShard].map(([shard, entries]) => ({ shard, entries, ...this.nextShard(shard, entries, seq) }));
    const splitting = plans.filter((plan) => Object.keys(plan.next.articles).length > SHARD_BOUND);
    const plain = plans.filter((plan) => !splitting.includes(plan));
    if (plain.length >= BULK_SHARDS) {
      failure = await this.applyInBulk(plain, written);
    } else {
      const outcomes = await settleAtMost(plain, WRITE_CONCURRENCY, async (plan) => written.set(plan.shard, await this.writeShard(plan)));
      failure = firstFailure(outcomes)?.reason;
    }
    for (const plan of splitting) {
      try {
        await this.writeSplit(plan, written);
      } catch (error) {
        failure ??= error;
      }
    }
    if (seq !== undefined && (written.size > 0 || this.unjournaled.size > 0)) await this.journalWrites(seq, written, described);
    if (failure) throw failure;
  }

  /** The journal's account of each change, from the records as they are before it. */
  private describe(changes: CatalogChanges, inCaptures: ReadonlySet<string> | undefined): Map<string, JournalChange> {
    const described = new Map<string, JournalChange>();
    for (const [id, record] of changes) described.set(id, journalChange(this.records.get(id), record, inCaptures?.has(id) ?? false));
    return described;
  }

  /**
   * Appends the journal entry of a change: the changes of the shards written, and whole the
   * shards whose last write never reached the journal. If the append fails, the shards
   * written stand (they are on disk) and are journaled whole with the next entry instead.
   */
  private async journalWrites(seq: number, written: Map<string, number>, described: Map<string, JournalChange>): Promise<void> {
    const changes: Record<string, JournalChange> = {};
    for (const [id, change] of described) if (written.has(this.ranges.shardOf(id))) changes[id] = change;
    const full = [...this.unjournaled];
    const shards: Record<string, number> = Object.fromEntries(written);
    const ends: Record<string, string | null> = {};
    for (const shard of full) {
      const data = this.shards.get(shard)?.data;
      if (!data) continue;
      shards[shard] = data.changeNumber;
      ends[shard] = this.ranges.endOf(shard);
      for (const [id, record] of Object.entries(data.articles)) changes[id] = { r: record };
    }
    const entry: JournalEntry = { seq, at: new Date().toISOString(), shards, changes, ...(full.length > 0 ? { full, ends } : {}) };
    try {
      await this.journal!.append(entry);
      for (const shard of full) this.unjournaled.delete(shard);
    } catch {
      for (const shard of written.keys()) this.unjournaled.add(shard);
    }
  }

  /**
   * Puts a whole shard in place (a repair): written durably with `changeNumber`, taken into
   * memory in place of what the shard held, and journaled whole.
   */
  replaceShard(shard: string, articles: Record<string, ArticleRecord>, changeNumber: number): Promise<void> {
    return this.applying.run(async () => {
      await mkdir(this.folder, { recursive: true });
      const seq = this.journal ? this.nextSeq++ : undefined;
      const low = shardFile(this.folder, shard, { changeNumber, ...(seq !== undefined ? { journal: seq } : {}), articles });
      await low.write();
      this.installShard(shard, low, 'replaced');
      if (seq !== undefined) {
        this.unjournaled.add(shard);
        await this.journalWrites(seq, new Map(), new Map());
      }
    });
  }

  /** One shard's next content: the current one with the entries applied. */
  private nextShard(shard: string, entries: [string, ArticleRecord | null][], seq: number | undefined): { low: Low<ShardData>; next: ShardData } {
    let low = this.shards.get(shard);
    if (!low) {
      // Only the first shard of an empty catalog is made this way; later ones come of splits.
      low = this.newShard(shard, emptyShard());
      this.ranges.add(shard);
    }
    const articles = { ...low.data.articles };
    for (const [id, record] of entries) {
      if (record) articles[id] = record;
      else delete articles[id];
    }
    return { low, next: { changeNumber: low.data.changeNumber + 1, ...(seq !== undefined ? { journal: seq } : {}), articles } };
  }

  /** A shard in memory, to be written to its file. */
  private newShard(shard: string, data: ShardData): Low<ShardData> {
    const low = shardFile(this.folder, shard, data);
    this.shards.set(shard, low);
    return low;
  }

  /** Writes one shard's next content; resolves to the change number it reached. */
  private async writeShard({ low, next, entries }: ShardPlan): Promise<number> {
    await writeOrKeep(low, next);
    this.records.settle(entries);
    return next.changeNumber;
  }

  /**
   * Writes a shard that the change takes past SHARD_BOUND as pieces (shard-ranges.ts says
   * where it is cut): the new pieces first, each under the name of its first id, all of them
   * durable before the old shard's file is replaced by the first piece. A crash in between
   * leaves the old file whole beside the pieces, and the next open keeps the pieces' copies
   * (takeInStrays); nothing a piece holds is missing from the old file or the change. If the
   * pieces cannot all be written they are removed again; if the first piece cannot, the others
   * stand (they are on disk, with their part of the change) and it is rewritten before the
   * next change.
   */
  private async writeSplit(plan: ShardPlan, written: Map<string, number>): Promise<void> {
    const { shard, low, next, entries } = plan;
    const ids = Object.keys(next.articles).sort();
    const points = splitPoints(ids, this.ranges.endOf(shard) === null).filter((point) => point > shard && isShardFile(`${point}.json`));
    if (points.length === 0) {
      written.set(shard, await this.writeShard(plan));
      return;
    }
    const pieces = cutIntoPieces(next, [shard, ...points]);
    await writeAllOrNone(this.folder, points, pieces.slice(1));
    // The pieces are on disk: memory follows, whatever becomes of the first piece.
    for (const [i, start] of points.entries()) {
      this.ranges.add(start);
      this.newShard(start, pieces[i + 1]!);
      written.set(start, pieces[i + 1]!.changeNumber);
    }
    const before = low.data;
    low.data = pieces[0]!;
    try {
      await low.write();
    } catch (error) {
      // The old file stays whole on disk: memory holds its articles of its new range until it is rewritten.
      const kept: Record<string, ArticleRecord> = {};
      for (const [id, record] of Object.entries(before.articles)) if (id < points[0]!) kept[id] = record;
      low.data = { ...before, articles: kept };
      this.toRewrite.add(shard);
      this.records.settle(entries.filter(([id]) => id >= points[0]!));
      throw error;
    }
    written.set(shard, pieces[0]!.changeNumber);
    this.records.settle(entries);
  }

  /**
   * Rewrites the shards whose files do not hold what memory does (a split cut short), as
   * `seq` (journaled whole with the next entry). A shard that cannot be written stays to do.
   */
  private async finishSplits(seq: number | undefined): Promise<void> {
    for (const shard of [...this.toRewrite]) {
      const low = this.shards.get(shard);
      if (!low) {
        this.toRewrite.delete(shard);
        continue;
      }
      await writeOrKeep(low, { changeNumber: low.data.changeNumber + 1, ...(seq !== undefined ? { journal: seq } : {}), articles: low.data.articles });
      this.toRewrite.delete(shard);
      if (seq !== undefined) this.unjournaled.add(shard);
    }
  }

  /**
   * A change that touches many shards (an edit of thousands of articles, an import keeping
   * old ids) writes them all with one flush of the file system rather than one fsync each;
   * each shard is still replaced atomically. A shard that only gains articles is written as
   * its file on disk with them appended (shard-json.ts), a fraction of the cost of
   * serialising it again. Notes the shards written in `written`; resolves to the first
   * failure, if any.
   */
  private async applyInBulk(planned: ShardPlan[], written: Map<string, number>): Promise<unknown> {
    const failed = await writeFilesDurably(planned.map(({ shard, entries, low, next }) => [join(this.folder, `${shard}.json`), () => bulkShardText(this.folder, shard, low.data, next, entries)]));
    planned.forEach(({ shard, low, next, entries }, i) => {
      if (failed.has(i)) return;
      low.data = next;
      this.records.settle(entries);
      written.set(shard, next.changeNumber);
    });
    return failed.size > 0 ? failed.values().next().value : undefined;
  }
}

/** What a change will write of one shard. */
interface ShardPlan {
  shard: string;
  entries: [string, ArticleRecord | null][];
  low: Low<ShardData>;
  next: ShardData;
}
