/**
 * The search index saved to disk (index/search.bin), so that a library opens searchable
 * without re-reading every article. It is derived data: it records the change number of
 * every catalog shard it covers, is brought up to date from the shards that changed since,
 * and can be deleted and rebuilt at any time (`cuttings reindex`).
 *
 * The file is binary so that 100,000 articles load in well under a second: a short magic
 * line, a JSON header (version, coverage, where each section lies), then the sections —
 * document ids and each field's words as newline-joined UTF-8, lengths, offsets, document
 * numbers and counts as little-endian typed arrays, each aligned to 4 bytes so they are read
 * without copying. Anything that does not fit (another version, a truncated file, sizes that
 * disagree) makes the snapshot unusable, and the index is rebuilt; it is never trusted half.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from '../storage/durable-file';
import { FIELD_COUNT, Segment, type FrozenField } from './index-segment';
import { SearchIndex } from './search-index';
import type { SearchRecord } from './search-record';
import { TERMS_VERSION } from './search-terms';

/** Bumped whenever tokenising or the snapshot's shape changes: an old snapshot is rebuilt. */
export const SNAPSHOT_VERSION = 7;

const MAGIC = 'CUTTINGS-INDEX\n';

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

/** A loaded snapshot: the index and what it covers. */
export interface LoadedSnapshot {
  index: SearchIndex;
  coverage: CompactCoverage;
}

interface Header {
  version: number;
  /** How words became terms (search-terms.ts TERMS_VERSION): a snapshot cut otherwise is rebuilt. */
  terms?: number;
  coverage: CompactCoverage;
  /** [offset, byteLength] of each section, in the order `sections` lists them. */
  sections: [number, number][];
}

/** Path of the snapshot in a library. */
export function snapshotPath(root: string): string {
  return join(root, 'index', 'search.bin');
}

/** Where format 5 and earlier kept a JSON snapshot; removed when a new one is saved. */
function oldSnapshotPath(root: string): string {
  return join(root, 'index', 'search.json');
}

/**
 * Reads the snapshot. Returns null when there is none, or when it is from another snapshot
 * version or does not fit together (it will be rebuilt); never throws for a bad snapshot.
 */
export async function loadSnapshot(root: string): Promise<LoadedSnapshot | null> {
  let file: Buffer;
  try {
    file = await readFile(snapshotPath(root));
  } catch {
    return null;
  }
  try {
    return decode(file);
  } catch {
    return null;
  }
}

function decode(file: Buffer): LoadedSnapshot | null {
  if (file.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
  const headerLength = file.readUInt32LE(MAGIC.length);
  const header = JSON.parse(file.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + headerLength)) as Header;
  if (header.version !== SNAPSHOT_VERSION || (header.terms ?? 1) !== TERMS_VERSION || header.sections.length !== 2 + FIELD_COUNT * 5) return null;
  const base = align(MAGIC.length + 4 + headerLength);
  // One buffer of its own, aligned, so that typed arrays can view it without copying.
  const body = new Uint8Array(file.buffer, file.byteOffset + base, file.byteLength - base);
  const aligned = body.byteOffset % 4 === 0 ? body : body.slice();
  const section = (at: number): [number, number] => {
    const [offset, length] = header.sections[at]!;
    if (offset % 4 !== 0 || offset + length > aligned.byteLength) throw new Error('snapshot: a section lies outside the file');
    return [aligned.byteOffset + offset, length];
  };
  const text = (at: number): string[] => {
    const [offset, length] = section(at);
    const value = Buffer.from(aligned.buffer, offset, length).toString('utf8');
    return value === '' ? [] : value.split('\n');
  };
  const u32 = (at: number) => {
    const [offset, length] = section(at);
    return new Uint32Array(aligned.buffer, offset, length / 4);
  };
  const u16 = (at: number) => {
    const [offset, length] = section(at);
    return new Uint16Array(aligned.buffer, offset, length / 2);
  };
  const ids = text(0);
  const records = recordsOf(ids, section(1), aligned);
  const lengths: Uint32Array[] = [];
  const fields: FrozenField[] = [];
  for (let field = 0; field < FIELD_COUNT; field++) {
    const at = 2 + field * 5;
    const fieldLengths = u32(at);
    const terms = text(at + 1);
    const offsets = u32(at + 2);
    const docs = u32(at + 3);
    const counts = u16(at + 4);
    if (fieldLengths.length < ids.length || offsets.length !== terms.length + 1 || offsets[terms.length] !== docs.length || counts.length !== docs.length) {
      throw new Error('snapshot: sections of different sizes');
    }
    lengths.push(fieldLengths);
    fields.push({ terms, lookup: null, offsets, docs, counts });
  }
  const index = SearchIndex.fromParts({ ids, records, lengths, segment: new Segment(fields) });
  return { index, coverage: header.coverage };
}

const align = (offset: number) => (offset + 3) & ~3;

/** A record's search fields as the snapshot keeps them (its id is in the ids section). */
type RecordRow = [
  title: string,
  source: string | null,
  author: string | null,
  lang: string | null,
  url: string | null,
  published: string | null,
  clipped: string,
  tags: string[],
  /** Only for the few articles with a note or highlights (version 7 on). */
  annotations?: Pick<SearchRecord, 'note' | 'highlights'>,
];

function recordsOf(ids: string[], [offset, length]: [number, number], body: Uint8Array): SearchRecord[] {
  const rows = JSON.parse(Buffer.from(body.buffer, offset, length).toString('utf8')) as RecordRow[];
  if (!Array.isArray(rows) || rows.length !== ids.length) throw new Error('snapshot: records and ids differ in number');
  return rows.map(([title, source, author, lang, url, published, clipped, tags, annotations], doc) => ({ id: ids[doc]!, title, source, author, lang, url, published, clipped, tags, ...annotations }));
}

/** Writes the snapshot durably. The index is compacted on the way (removed articles dropped). */
export async function saveSnapshot(root: string, index: SearchIndex, coverage: CompactCoverage): Promise<void> {
  await mkdir(join(root, 'index'), { recursive: true });
  const parts = index.toParts();
  const records = parts.records.map((record): RecordRow => {
    const row: RecordRow = [record.title, record.source, record.author, record.lang, record.url, record.published, record.clipped, record.tags];
    if (record.note || record.highlights) row.push({ ...(record.note ? { note: record.note } : {}), ...(record.highlights ? { highlights: record.highlights } : {}) });
    return row;
  });
  const sections: Uint8Array[] = [Buffer.from(parts.ids.join('\n'), 'utf8'), Buffer.from(JSON.stringify(records), 'utf8')];
  for (let field = 0; field < FIELD_COUNT; field++) {
    const frozen = parts.segment.fields[field]!;
    sections.push(bytes(parts.lengths[field]!), Buffer.from(frozen.terms.join('\n'), 'utf8'), bytes(frozen.offsets), bytes(frozen.docs), bytes(frozen.counts));
  }
  const places: [number, number][] = [];
  let offset = 0;
  for (const section of sections) {
    places.push([offset, section.byteLength]);
    offset = align(offset + section.byteLength);
  }
  const header = Buffer.from(JSON.stringify({ version: SNAPSHOT_VERSION, terms: TERMS_VERSION, coverage, sections: places } satisfies Header), 'utf8');
  const base = align(MAGIC.length + 4 + header.byteLength);
  const file = Buffer.alloc(base + offset);
  file.write(MAGIC, 0, 'latin1');
  file.writeUInt32LE(header.byteLength, MAGIC.length);
  header.copy(file, MAGIC.length + 4);
  sections.forEach((section, at) => file.set(section, base + places[at]![0]));
  await writeFileDurably(snapshotPath(root), file);
  await rm(oldSnapshotPath(root), { force: true });
}

/** A typed array's bytes (little-endian, as every machine Cuttings runs on stores them). */
function bytes(array: Uint32Array | Uint16Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** Deletes the snapshot (it is rebuilt on the next search). */
export async function deleteSnapshot(root: string): Promise<void> {
  await rm(snapshotPath(root), { force: true });
  await rm(oldSnapshotPath(root), { force: true });
}
