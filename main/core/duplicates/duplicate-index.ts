/**
 * Which articles could a new one repeat: found by looking up its keys, not by reading every
 * record. findDuplicate (find-duplicate.ts) then decides among these candidates exactly as it
 * would among all records, because every article that could match is one of them:
 * - an article with an address whose key (normalise-url.ts) is one of the new one's;
 * - an article with the same text hash (SHA-256);
 * - an article whose sketch shares a hash with the new one's among its first INDEXED_HASHES
 *   (INDEXED_HASHES says why no near duplicate is missed), and is close enough by the sketch it
 *   was filed with to be one of findDuplicate's near matches (filed-articles.ts keeps it).
 * Each key is filed as a 32-bit hash (hash-postings.ts); a hash two keys share only brings
 * an extra candidate, which findDuplicate's own comparison then turns away.
 *
 * Why: before it, every add compared the new article with the whole catalog. Measured on
 * this machine with generated records: the first add after opening took 2.4 s at 100,000
 * articles and 12.7 s at 400,000 (parsing every address once), each later one 70–105 ms and
 * 430–560 ms (a main thread blocked that long on every clip), and the caches it kept grew the
 * heap with the library. The index is made the first time it is needed, a slice at a time
 * with the event loop let in between, and kept in step with the catalog after that.
 *
 * A writer saves it when the library closes (duplicate-snapshot.ts), and the next session
 * loads it instead of reading every shard to make it: only the articles of shards whose files
 * changed since are filed again. On the storage bench's 1,000,000 that is the difference
 * between a first clip after opening of 26–41 s and one of 0.6–0.9 s.
 */
import type { ArticleRecord } from '../storage/article-record';
import { addressesOf, SKETCH_CANDIDATE, type DuplicateProbe } from './find-duplicate';
import { FiledArticles } from './filed-articles';
import { SketchColumn } from './sketch-column';
import { readDuplicateSnapshot, writeDuplicateSnapshot } from './duplicate-snapshot';
import { HashPostings, mergeSorted, PairBuffer, sortPairs } from './hash-postings';
import { normalisedKeys } from './normalise-url';
import { hashString, sketchHashes, sketchSimilarity, SKETCH_SIZE } from './text-fingerprint';
import { yieldToOthers } from '../yield-to-others';
import { sameFile, type FileStamp } from '../storage/catalog-summary';

/** What the index reads: the catalog (storage/catalog.ts) answers all of it. */
export interface DuplicateSource {
  /** Reads every record not in memory yet (a catalog opened by its summary), letting the thread go between shards. */
  loadAll(): Promise<void>;
  ids(): string[];
  get(id: string): ArticleRecord | undefined;
  watch(watcher: (id: string, record: ArticleRecord | null, before: ArticleRecord | undefined) => void): void;
}

/** What saving and loading the index needs of the catalog besides: its shards' files. */
export interface DuplicateShards {
  /** Each shard's file stamp, taken between two changes (Catalog.shardStamps). */
  shardStamps(): Promise<Map<string, FileStamp>>;
  /** The ids of these shards' articles, each shard read first if it was not. */
  idsIn(shards: Iterable<string>): Promise<string[]>;
  /** Reads the shards of these articles not read yet, without holding the thread. */
  readShardsOf(ids: Iterable<string>): Promise<void>;
}

/** Where the index is saved (duplicate-snapshot.ts), and the shards it vouches for by their files' stamps. */
export interface SavedDuplicates {
  path: string;
  shards: DuplicateShards;
}

/**
 * How many of each article's sketch hashes (its smallest) are filed. Two texts are near
 * duplicates from `SKETCH_CANDIDATE` of the k smallest hashes of both together shared
 * (find-duplicate.ts); every shared hash is in both sketches, and an article's sketch holds at
 * most SKETCH_SIZE hashes. With k ≤ SKETCH_SIZE, at most k − ⌈SKETCH_CANDIDATE·k⌉ of the
 * article's smallest hashes can be unshared, so one of its first (that + 1) is shared: 11 of
 * 16. Filing 11 rather than 16 saves a third of the index.
 */
export const INDEXED_HASHES = Math.max(...Array.from({ length: SKETCH_SIZE }, (_, i) => i + 1 - Math.ceil(SKETCH_CANDIDATE * (i + 1) - 1e-9) + 1));

/** Records read between two turns of the event loop while the index is made (each slice some 5–10 ms). */
const SLICE = 1000;

/**
 * Changes noted since the index was made, past which it is dropped and made again when next
 * needed: an import of many articles while it stands is cheaper read once more than filed
 * one by one in the Map beside the sorted part.
 */
const REBUILD_AFTER = 50_000;

/** Files an article under its keys (`file` takes each); the sketch it is filed with. */
function fileKeys(record: ArticleRecord, file: (hash: number) => void): readonly number[] {
  const p = record.provenance;
  for (const key of normalisedKeys(addressesOf(record))) file(hashString(key));
  file(hashString(p.textSha256));
  const sketch = p.textSketch ? sketchHashes(p.textSketch) : [];
  for (let i = 0; i < Math.min(INDEXED_HASHES, sketch.length); i++) file(sketch[i]!);
  return sketch;
}

/** True when a change leaves what an article is filed under as it was (a tag, a note, a highlight). */
function sameKeys(a: ArticleRecord, b: ArticleRecord): boolean {
  const [p, q] = [a.provenance, b.provenance];
  return a.url === b.url && p.originalUrl === q.originalUrl && p.finalUrl === q.finalUrl && p.canonicalUrl === q.canonicalUrl && p.textSha256 === q.textSha256 && p.textSketch === q.textSketch;
}

/** The index as made or loaded: each ordinal's id and sketch, and the postings of every key. */
interface Made {
  filed: FiledArticles;
  postings: HashPostings;
  /**
   * The stamps of the snapshot it was loaded from (null when made from the catalog). The file
   * needs no rewrite while nothing was filed since and every shard still has its stamp there.
   */
  loadedStamps: Map<string, FileStamp> | null;
}

/** True when both maps hold the same shards with the same stamps. */
function sameStamps(a: ReadonlyMap<string, FileStamp>, b: ReadonlyMap<string, FileStamp>): boolean {
  if (a.size !== b.size) return false;
  for (const [shard, stamp] of a) {
    const other = b.get(shard);
    if (!other || !sameFile(stamp, other)) return false;
  }
  return true;
}

/** The duplicate index of one catalog (see the comment at the top). */
export class DuplicateIndex {
  private made: Promise<Made> | null = null;
  /** Bumped whenever the index is dropped: a making of an older generation is thrown away. */
  private generation = 0;
  /** Articles changed since the index began to be made, filed before its next use. */
  private readonly changed = new Set<string>();

  constructor(
    private readonly source: DuplicateSource,
    /** Where the index is saved and loaded from; without it, it is made from the catalog each session. */
    private readonly saved?: SavedDuplicates,
  ) {
    source.watch((id, record, before) => {
      if (!this.made || (record && before && sameKeys(record, before))) return;
      // A removed article needs nothing: its candidates are read from the catalog, which no longer has it.
      if (!record) return;
      this.changed.add(id);
      if (this.changed.size > REBUILD_AFTER) this.drop();
    });
  }

  /** Every article the probe could duplicate (a superset: findDuplicate decides), from the catalog as it is now. */
  async candidates(probe: DuplicateProbe): Promise<ArticleRecord[]> {
    const made = await this.current();
    const ordinals = new Set<number>();
    const add = (ordinal: number) => ordinals.add(ordinal);
    for (const key of normalisedKeys(probe.urls)) made.postings.forEach(hashString(key), add);
    made.postings.forEach(hashString(probe.textSha256), add);
    // Found by a sketch hash alone, an article whose sketch is not close enough to be one of
    // findDuplicate's near matches is turned away unread (sketch-column.ts).
    const probeHashes = sketchHashes(probe.textSketch);
    const addNear = (ordinal: number) => {
      if (!ordinals.has(ordinal) && sketchSimilarity(probeHashes, made.filed.sketch(ordinal)) >= SKETCH_CANDIDATE) ordinals.add(ordinal);
    };
    for (const hash of probeHashes) made.postings.forEach(hash, addNear);
    const ids = new Set<string>();
    for (const ordinal of ordinals) {
      const id = made.filed.id(ordinal);
      if (id !== undefined) ids.add(id);
    }
    // A loaded index leaves most shards unread: the candidates' are read first, not one by one in get.
    if (this.saved) await this.saved.shards.readShardsOf(ids);
    const records: ArticleRecord[] = [];
    // An id filed under a key its article no longer has (or of one since removed) costs only the look.
    for (const id of ids) {
      const record = this.source.get(id);
      if (record) records.push(record);
    }
    return records;
  }

  /**
   * Saves the index when it was made or loaded this session and differs from the file (a
   * writer's, at close). The shards are stamped first: an article changed after that is filed
   * below as well, and its shard, stamped before the change, is filed again at the next load.
   */
  async save(): Promise<void> {
    if (!this.saved || !this.made) return;
    const stamps = await this.saved.shards.shardStamps();
    const made = await this.current();
    if (made.loadedStamps && made.postings.addedSince === 0 && made.filed.filedSince === 0 && sameStamps(made.loadedStamps, stamps)) return;
    const { hashes, ordinals } = await made.postings.merged();
    const { filed } = made;
    await writeDuplicateSnapshot(this.saved.path, { stamps, hashes, ordinals, ids: await filed.savedIds(), sketches: await filed.sketchColumn() });
  }

  /** Forgets the index (it is made again when next needed). */
  drop(): void {
    this.generation++;
    this.made = null;
    this.changed.clear();
  }

  /** The index, made if need be, with the articles changed since filed. */
  private async current(): Promise<Made> {
    for (;;) {
      const generation = this.generation;
      this.made ??= this.make(generation);
      let made: Made;
      try {
        made = await this.made;
      } catch (error) {
        // A making that failed is not kept: the next clip tries again.
        if (generation === this.generation) this.drop();
        throw error;
      }
      if (generation !== this.generation) continue;
      for (const id of this.changed) {
        const record = this.source.get(id);
        if (!record) continue;
        const ordinal = made.filed.length;
        made.filed.push(id, fileKeys(record, (hash) => made.postings.add(hash, ordinal)));
      }
      this.changed.clear();
      if (made.postings.addedSince > REBUILD_AFTER) this.drop();
      return made;
    }
  }

  /**
   * The index as saved, or else made from the catalog. Articles that change meanwhile are
   * noted by the watcher (this.made is set before this begins) and filed again at the next use.
   */
  private async make(generation: number): Promise<Made> {
    // A snapshot that cannot be loaded is only a slower first clip: the catalog has it all.
    const loaded = this.saved ? await this.load(this.saved, generation).catch(() => null) : null;
    return loaded ?? this.makeFromCatalog(generation);
  }

  /**
   * The saved index, with the articles of every shard whose file is not as it was then filed
   * again; null when there is none that can be used, or when most shards changed since (it
   * is then made from the catalog, which reads every shard anyway).
   */
  private async load(saved: SavedDuplicates, generation: number): Promise<Made | null> {
    const snapshot = await readDuplicateSnapshot(saved.path);
    if (!snapshot || generation !== this.generation) return null;
    const stamps = await saved.shards.shardStamps();
    const stale = [...stamps].filter(([shard, stamp]) => {
      const then = snapshot.stamps.get(shard);
      return !then || !sameFile(then, stamp);
    });
    if (stale.length * 2 > stamps.size) return null;
    const filed = new FiledArticles(snapshot.ids, snapshot.sketches);
    const pairs = new PairBuffer();
    let sinceYield = 0;
    for (const id of await saved.shards.idsIn(stale.map(([shard]) => shard))) {
      const record = this.source.get(id);
      if (!record) continue;
      const ordinal = filed.length;
      filed.push(id, fileKeys(record, (hash) => pairs.push(hash, ordinal)));
      if (++sinceYield % SLICE === 0) await yieldToOthers();
    }
    const { hashes, ordinals } = await mergeSorted(snapshot, await sortPairs(pairs));
    // The first clip's lookups come next: the thread is let go after the comparing of stamps.
    await yieldToOthers();
    return { filed, postings: HashPostings.of(hashes, ordinals), loadedStamps: snapshot.stamps };
  }

  /** Files every article of the catalog, a slice at a time. */
  private async makeFromCatalog(generation: number): Promise<Made> {
    await this.source.loadAll();
    const ids = this.source.ids();
    const pairs = new PairBuffer();
    const sketches = SketchColumn.sized(ids.length);
    for (let start = 0; start < ids.length && generation === this.generation; start += SLICE) {
      const end = Math.min(ids.length, start + SLICE);
      for (let ordinal = start; ordinal < end; ordinal++) {
        const record = this.source.get(ids[ordinal]!);
        if (record) sketches.set(ordinal, fileKeys(record, (hash) => pairs.push(hash, ordinal)));
      }
      await yieldToOthers();
    }
    return { filed: new FiledArticles(ids, sketches), postings: await HashPostings.sorted(pairs), loadedStamps: null };
  }
}
