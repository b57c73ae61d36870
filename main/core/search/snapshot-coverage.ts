/**
 * What a search snapshot covers of the catalog: each shard's change number, and the ids it
 * indexed from each shard with a signature of their indexed fields. Compared with the
 * catalog when the snapshot is loaded, it says which shards the index must catch up with.
 */

/**
 * What a snapshot covers: each catalog shard's change number, and for each shard the ids
 * indexed from it with a signature of the indexed fields (see indexSignature), so that a
 * change that leaves those alone — a tag edit — costs no re-indexing.
 */
export interface SnapshotCoverage {
  shardVersions: Record<string, number>;
  indexed: Record<string, Record<string, string>>;
}

/**
 * A SnapshotCoverage in few, flat pieces, so that handing it between threads or saving it is
 * one copy of a few hundred strings rather than an object with an entry per article: for
 * each shard, its ids and their signatures, each joined by newlines.
 */
export interface CompactCoverage {
  shardVersions: Record<string, number>;
  shards: string[];
  /** For shards[i], its indexed ids joined by '\n'. */
  ids: string[];
  /** For shards[i], the signature of each of its ids, in the same order, joined by '\n'. */
  signatures: string[];
}

/** The compact form of a coverage. */
export function compactCoverage(coverage: SnapshotCoverage): CompactCoverage {
  const shards = Object.keys(coverage.indexed);
  return {
    shardVersions: coverage.shardVersions,
    shards,
    ids: shards.map((shard) => Object.keys(coverage.indexed[shard]!).join('\n')),
    signatures: shards.map((shard) => Object.values(coverage.indexed[shard]!).join('\n')),
  };
}

/**
 * The part of a coverage that differs from the catalog's shards as they are now (`current`,
 * each shard's change number): the shards whose number moved, came or went, and their ids and
 * signatures. Worked out beside the index, so that opening a library whose index is up to
 * date hands this thread next to nothing: the whole coverage of 1,000,000 articles (36 MB of
 * ids and signatures) held it 70–80 ms as it arrived and was collected.
 */
export function coverageBehind(coverage: CompactCoverage, current: Readonly<Record<string, number>>): CoverageBehind {
  const behind = [...new Set([...Object.keys(current), ...Object.keys(coverage.shardVersions)])].filter((shard) => current[shard] !== coverage.shardVersions[shard]);
  const wanted = new Set(behind);
  const part: CompactCoverage = { shardVersions: {}, shards: [], ids: [], signatures: [] };
  coverage.shards.forEach((shard, i) => {
    if (!wanted.has(shard)) return;
    part.shardVersions[shard] = coverage.shardVersions[shard]!;
    part.shards.push(shard);
    part.ids.push(coverage.ids[i]!);
    part.signatures.push(coverage.signatures[i]!);
  });
  return { behind, coverage: part };
}

/** What a loaded snapshot lacks of the catalog: the shards it is behind on, and what it indexed of them. */
export interface CoverageBehind {
  behind: string[];
  coverage: CompactCoverage;
}

/** One shard's ids and signatures from a compact coverage, as an object; empty if it has none. */
export function shardCoverage(coverage: CompactCoverage, shard: string): Record<string, string> {
  const at = coverage.shards.indexOf(shard);
  const result: Record<string, string> = {};
  if (at < 0 || coverage.ids[at] === '') return result;
  const ids = coverage.ids[at]!.split('\n');
  const signatures = coverage.signatures[at]!.split('\n');
  for (let i = 0; i < ids.length; i++) result[ids[i]!] = signatures[i]!;
  return result;
}

/** The full form of a compact coverage. */
export function expandCoverage(coverage: CompactCoverage): SnapshotCoverage {
  const indexed: Record<string, Record<string, string>> = {};
  for (const shard of coverage.shards) indexed[shard] = shardCoverage(coverage, shard);
  return { shardVersions: coverage.shardVersions, indexed };
}

/** Between the shards' strings in the coverage's sections (ids and signatures never hold it). */
const SHARD_SEPARATOR = '\u0000';

/** A version 9 coverage put back together: its ids and signatures were written beside the header, a string a shard. */
export function coverageOf(head: Pick<CompactCoverage, 'shardVersions' | 'shards'>, ids: string, signatures: string): CompactCoverage {
  const { shardVersions, shards } = head;
  const perShard = (joined: string) => {
    // Joined, no shards and one shard with nothing indexed are both the empty string.
    const parts = shards.length === 0 ? [] : joined.split(SHARD_SEPARATOR);
    if (parts.length !== shards.length) throw new Error('snapshot: the coverage has not a string for each shard');
    return parts;
  };
  return { shardVersions, shards, ids: perShard(ids), signatures: perShard(signatures) };
}

/** The coverage's ids and signatures as written beside the header: a string a shard, joined. */
export function coverageSections(coverage: CompactCoverage): Uint8Array[] {
  const joined = (parts: string[]) => {
    if (parts.some((part) => part.includes(SHARD_SEPARATOR))) throw new Error('snapshot: an indexed id holds the character that separates shards');
    return Buffer.from(parts.join(SHARD_SEPARATOR), 'utf8');
  };
  return [joined(coverage.ids), joined(coverage.signatures)];
}

