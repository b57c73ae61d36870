/**
 * The search index saved to disk (index/search.json), so that a library opens searchable
 * without re-reading every article. It is derived data: it records the change number of
 * every catalog shard it covers, is brought up to date from the shards that changed since,
 * and can be deleted and rebuilt at any time (`cuttings reindex`).
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from './storage/durable-file';
import { SearchIndex } from './search-index';

/** Bumped whenever tokenising or the snapshot's shape changes: an old snapshot is rebuilt. */
export const SNAPSHOT_VERSION = 5;

/** What the snapshot file holds. */
interface SnapshotFile {
  version: number;
  /** Change number of each catalog shard at the time of the snapshot. */
  shardVersions: Record<string, number>;
  /** For each shard, the ids indexed from it with the signature of what was indexed. */
  indexed: Record<string, Record<string, string>>;
  index: unknown;
}

/**
 * What a snapshot covers: each catalog shard's change number, and for each shard the ids
 * indexed from it with a signature of the indexed fields (see indexSignature), so that a
 * change that leaves those alone — a tag edit — costs no re-indexing.
 */
export interface SnapshotCoverage {
  shardVersions: Record<string, number>;
  indexed: Record<string, Record<string, string>>;
}

/** A loaded snapshot: the index and what it covers. */
export interface LoadedSnapshot {
  index: SearchIndex;
  coverage: SnapshotCoverage;
}

/** Path of the snapshot in a library. */
export function snapshotPath(root: string): string {
  return join(root, 'index', 'search.json');
}

/**
 * Reads the snapshot. Returns null when there is none, or when it is from another snapshot
 * version or does not parse (it will be rebuilt); never throws for a bad snapshot.
 */
export async function loadSnapshot(root: string): Promise<LoadedSnapshot | null> {
  let raw: string;
  try {
    raw = await readFile(snapshotPath(root), 'utf8');
  } catch {
    return null;
  }
  try {
    const file = JSON.parse(raw) as SnapshotFile;
    if (file.version !== SNAPSHOT_VERSION) return null;
    return {
      index: SearchIndex.fromJSON(file.index),
      coverage: { shardVersions: file.shardVersions, indexed: file.indexed },
    };
  } catch {
    return null;
  }
}

/** Writes the snapshot durably. */
export async function saveSnapshot(root: string, index: SearchIndex, coverage: SnapshotCoverage): Promise<void> {
  await mkdir(join(root, 'index'), { recursive: true });
  const file: SnapshotFile = { version: SNAPSHOT_VERSION, ...coverage, index: index.toJSON() };
  await writeFileDurably(snapshotPath(root), JSON.stringify(file));
}

/** Deletes the snapshot (it is rebuilt on the next search). */
export async function deleteSnapshot(root: string): Promise<void> {
  await rm(snapshotPath(root), { force: true });
}
