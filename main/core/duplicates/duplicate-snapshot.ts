/**
 * The duplicate index saved to disk (index/duplicates.bin), so that the first clip after
 * opening a library looks its keys up instead of reading every catalog shard to file them
 * all again. Like the search snapshot it is derived data: missing, cut short or of another
 * format it is ignored, and the index is made from the catalog as before.
 *
 * It vouches for a shard only while the shard's file is exactly as it was when the index was
 * saved: the stat stamp (size, times, inode) the catalog's summary trusts shards by. The
 * articles of any other shard — written since, restored from a backup, synced from another
 * machine — are filed again from the catalog when the index is loaded (duplicate-index.ts).
 *
 * The layout, every section on a 4-byte boundary so that the arrays are views of the bytes read:
 *
 *   magic line · u32 header length · JSON header (format, counts, each shard's stamp) ·
 *   hashes (u32, sorted) · ordinals (u32, the same order) · each ordinal's sketch
 *   (sketch-column.ts: SKETCH_SIZE u32 slots, then a u8 length each) · where each id begins
 *   (u32, one more than the ids) · the ids' bytes (saved-ids.ts)
 *
 * Why: at 1,000,000 articles making the index meant reading all 7,800 shards first, and the
 * first pasted clip after opening waited 8–30 s; the snapshot of that index is about 190 MB,
 * and the first clip after a restart that loads it takes 0.6–0.9 s.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeDurablyWith } from '../storage/durable-file';
import type { FileStamp } from '../storage/catalog-summary';
import { SavedIds } from './saved-ids';
import { SketchColumn } from './sketch-column';
import { SKETCH_SIZE } from './text-fingerprint';

/** The snapshot's format; a file of another is ignored. */
const FORMAT = 1;

const MAGIC = 'CUTTINGS-DUPLICATES\n';

/** Where a library keeps its duplicate index: with the other derived data. */
export function duplicateSnapshotPath(root: string): string {
  return join(root, 'index', 'duplicates.bin');
}

/** The duplicate index as saved: the sorted pairs of hashes.ts, ordinal → id, and the shards it vouches for. */
export interface DuplicateSnapshot {
  /** The stamp of each shard's file when its articles were filed as the pairs hold them. */
  stamps: Map<string, FileStamp>;
  hashes: Uint32Array;
  ordinals: Uint32Array;
  /** Ordinal → id. */
  ids: SavedIds;
  /** Ordinal → the sketch it was filed with. */
  sketches: SketchColumn;
}

interface Header {
  format: number;
  pairs: number;
  ids: number;
  idBytes: number;
  /** [shard, size, mtimeMs, ctimeMs, ino] for each shard vouched for. */
  shards: [string, number, number, number, number][];
}

const align = (position: number) => Math.ceil(position / 4) * 4;

/**
 * Reads the snapshot, or null when there is none or it cannot be used (another format, cut
 * short, sizes that disagree); never throws for a bad file.
 */
export async function readDuplicateSnapshot(path: string): Promise<DuplicateSnapshot | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return null;
  }
  try {
    return decode(bytes);
  } catch {
    return null;
  }
}

/** The snapshot in `read`. */
function decode(read: Buffer): DuplicateSnapshot | null {
  // The arrays below are views of these bytes, which must start on a 4-byte boundary.
  const bytes = read.byteOffset % 4 === 0 ? read : Buffer.from(read);
  if (bytes.byteLength < MAGIC.length + 4 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  const headerStart = MAGIC.length + 4;
  const header = JSON.parse(bytes.toString('utf8', headerStart, headerStart + headerLength)) as Header;
  if (header.format !== FORMAT || !isHeader(header)) return null;
  const hashesAt = align(headerStart + headerLength);
  const ordinalsAt = hashesAt + header.pairs * 4;
  const sketchesAt = ordinalsAt + header.pairs * 4;
  const lengthsAt = sketchesAt + header.ids * SKETCH_SIZE * 4;
  const startsAt = align(lengthsAt + header.ids);
  const idsAt = startsAt + (header.ids + 1) * 4;
  if (bytes.byteLength !== idsAt + header.idBytes) return null;
  const view = (at: number, length: number) => new Uint32Array(bytes.buffer, bytes.byteOffset + at, length);
  const stamps = new Map<string, FileStamp>();
  for (const [shard, size, mtimeMs, ctimeMs, ino] of header.shards) stamps.set(shard, { size, mtimeMs, ctimeMs, ino });
  return {
    stamps,
    hashes: view(hashesAt, header.pairs),
    ordinals: view(ordinalsAt, header.pairs),
    ids: new SavedIds(bytes.subarray(idsAt), view(startsAt, header.ids + 1)),
    sketches: new SketchColumn(view(sketchesAt, header.ids * SKETCH_SIZE), new Uint8Array(bytes.buffer, bytes.byteOffset + lengthsAt, header.ids)),
  };
}

function isHeader(header: Header): boolean {
  const counts = [header.pairs, header.ids, header.idBytes];
  if (!counts.every((count) => Number.isSafeInteger(count) && count >= 0) || !Array.isArray(header.shards)) return false;
  return header.shards.every((entry) => Array.isArray(entry) && entry.length === 5 && typeof entry[0] === 'string' && entry.slice(1).every((number) => typeof number === 'number'));
}

/**
 * Writes the snapshot durably (a temporary file, fsynced, renamed over the old one): a crash
 * leaves the old snapshot or the new one. `ids` and `sketches` hold every ordinal's.
 */
export async function writeDuplicateSnapshot(
  path: string,
  snapshot: { stamps: ReadonlyMap<string, FileStamp>; hashes: Uint32Array; ordinals: Uint32Array; ids: SavedIds; sketches: SketchColumn },
): Promise<void> {
  const { hashes, ordinals, sketches, ids } = snapshot;
  if (hashes.length !== ordinals.length) throw new Error(`duplicate snapshot: ${hashes.length} hashes for ${ordinals.length} ordinals`);
  if (sketches.length !== ids.length) throw new Error(`duplicate snapshot: ${sketches.length} sketches for ${ids.length} ids`);
  const lengthsEnd = sketches.lengths.byteLength;
  const shards: Header['shards'] = [...snapshot.stamps].map(([shard, stamp]) => [shard, stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino]);
  const header = Buffer.from(JSON.stringify({ format: FORMAT, pairs: hashes.length, ids: ids.length, idBytes: ids.bytes.byteLength, shards } satisfies Header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.byteLength, 0);
  const headerEnd = MAGIC.length + 4 + header.byteLength;
  await mkdir(dirname(path), { recursive: true });
  await writeDurablyWith(path, async (file) => {
    // writeFile writes each piece whole, from where the last ended.
    await file.writeFile(Buffer.concat([Buffer.from(MAGIC, 'latin1'), length, header, new Uint8Array(align(headerEnd) - headerEnd)]));
    await file.writeFile(new Uint8Array(hashes.buffer, hashes.byteOffset, hashes.byteLength));
    await file.writeFile(new Uint8Array(ordinals.buffer, ordinals.byteOffset, ordinals.byteLength));
    await file.writeFile(new Uint8Array(sketches.hashes.buffer, sketches.hashes.byteOffset, sketches.hashes.byteLength));
    await file.writeFile(Buffer.concat([sketches.lengths, new Uint8Array(align(lengthsEnd) - lengthsEnd)]));
    await file.writeFile(new Uint8Array(ids.starts.buffer, ids.starts.byteOffset, ids.starts.byteLength));
    await file.writeFile(ids.bytes);
  });
}
