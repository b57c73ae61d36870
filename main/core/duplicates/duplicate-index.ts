/**
 * Which articles could a new one repeat: found by looking up its keys, not by reading every
 * record. findDuplicate (find-duplicate.ts) then decides among these candidates exactly as it
 * would among all records, because every article that could match is one of them:
 * - an article with an address whose key (normalise-url.ts) is one of the new one's;
 * - an article with the same text hash (SHA-256);
 * - an article whose sketch shares a hash with the new one's among its first INDEXED_HASHES
 *   (INDEXED_HASHES says why no near duplicate is missed).
 * Each key is filed as a 32-bit hash (hash-postings.ts); a hash two keys share only brings
 * an extra candidate, which findDuplicate's own comparison then turns away.
 *
 * Why: before it, every add compared the new article with the whole catalog. Measured on
 * this machine with generated records: the first add after opening took 2.4 s at 100,000
 * articles and 12.7 s at 400,000 (parsing every address once), each later one 70–105 ms and
 * 430–560 ms (a main thread blocked that long on every clip), and the caches it kept grew the
 * heap with the library. The index is made the first time it is needed, a slice at a time
 * with the event loop let in between, and kept in step with the catalog after that.
 */
import type { ArticleRecord } from '../storage/article-record';
import { addressesOf, SKETCH_CANDIDATE, type DuplicateProbe } from './find-duplicate';
import { HashPostings, PairBuffer } from './hash-postings';
import { normalisedKeys } from './normalise-url';
import { hashString, sketchHashes, SKETCH_SIZE } from './text-fingerprint';
import { yieldToOthers } from '../yield-to-others';

/** What the index reads: the catalog (storage/catalog.ts) answers all of it. */
export interface DuplicateSource {
  /** Reads every record not in memory yet (a catalog opened by its summary), letting the thread go between shards. */
  loadAll(): Promise<void>;
  ids(): string[];
  get(id: string): ArticleRecord | undefined;
  watch(watcher: (id: string, record: ArticleRecord | null, before: ArticleRecord | undefined) => void): void;
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

/** The keys an article is filed under. */
function recordKeys(record: ArticleRecord, file: (hash: number) => void): void {
  const p = record.provenance;
  for (const key of normalisedKeys(addressesOf(record))) file(hashString(key));
  file(hashString(p.textSha256));
  if (p.textSketch) for (const hash of sketchHashes(p.textSketch).slice(0, INDEXED_HASHES)) file(hash);
}

/** True when a change leaves what an article is filed under as it was (a tag, a note, a highlight). */
function sameKeys(a: ArticleRecord, b: ArticleRecord): boolean {
  const [p, q] = [a.provenance, b.provenance];
  return a.url === b.url && p.originalUrl === q.originalUrl && p.finalUrl === q.finalUrl && p.canonicalUrl === q.canonicalUrl && p.textSha256 === q.textSha256 && p.textSketch === q.textSketch;
}

/** The index as made: ordinal → id, and the postings of every key. */
interface Made {
  ids: string[];
  postings: HashPostings;
}

/** The duplicate index of one catalog (see the comment at the top). */
export class DuplicateIndex {
  private made: Promise<Made> | null = null;
  /** Bumped whenever the index is dropped: a making of an older generation is thrown away. */
  private generation = 0;
  /** Articles changed since the index began to be made, filed before its next use. */
  private readonly changed = new Set<string>();

  constructor(private readonly source: DuplicateSource) {
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
    for (const hash of sketchHashes(probe.textSketch)) made.postings.forEach(hash, add);
    const ids = new Set<string>();
    for (const ordinal of ordinals) ids.add(made.ids[ordinal]!);
    const records: ArticleRecord[] = [];
    for (const id of ids) {
      const record = this.source.get(id);
      if (record) records.push(record);
    }
    return records;
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
        const ordinal = made.ids.push(id) - 1;
        recordKeys(record, (hash) => made.postings.add(hash, ordinal));
      }
      this.changed.clear();
      if (made.postings.addedSince > REBUILD_AFTER) this.drop();
      return made;
    }
  }

  /**
   * Files every article, a slice at a time. Articles that change meanwhile are noted by the
   * watcher (this.made is set before the first slice) and filed again at the next use.
   */
  private async make(generation: number): Promise<Made> {
    await this.source.loadAll();
    const ids = this.source.ids();
    const pairs = new PairBuffer();
    for (let start = 0; start < ids.length && generation === this.generation; start += SLICE) {
      const end = Math.min(ids.length, start + SLICE);
      for (let ordinal = start; ordinal < end; ordinal++) {
        const record = this.source.get(ids[ordinal]!);
        if (record) recordKeys(record, (hash) => pairs.push(hash, ordinal));
      }
      await yieldToOthers();
    }
    return { ids, postings: await HashPostings.sorted(pairs) };
  }
}
