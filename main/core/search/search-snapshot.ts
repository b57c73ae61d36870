/**
 * The search index saved to disk (index/search.bin), so that a library opens searchable
 * without re-reading every article. It is derived data: it records the change number of
 * every catalog shard it covers, is brought up to date from the shards that changed since,
 * and can be deleted and rebuilt at any time (`cuttings reindex`).
 *
 * Since version 8 the file is also where the index's postings live while the library is
 * open: loading reads the document ids, records, lengths and each field's sorted words and
 * offsets, and the postings are read by offset as queries need them (disk-segment.ts), so
 * that neither the heap nor the time to load grows with the postings. The layout, written in
 * one pass a word at a time:
 *
 *   magic line · each field's postings (per word: u32 document numbers, then u16 counts) ·
 *   ids · records (a column a field, record-columns.ts) · each field's lengths, words and
 *   offsets · the coverage's ids and signatures · JSON header · u32 header length
 *
 * The header, at the end because the postings' sizes are known only once written, holds the
 * version, the shards covered and where each section lies. Anything that does not fit (another
 * version — such as the version 7 file, whose header came first and which held everything
 * in memory —, a truncated file, sizes that disagree) makes the snapshot unusable, and the
 * index is rebuilt from the catalog; it is never trusted half.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { mkdir, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { writeDurablyWith } from '../storage/durable-file';
import { DiskSegment, POSTING_BYTES, type DiskField } from './disk-segment';
import { FIELD_COUNT } from './index-segment';
import { JoinedStrings } from './joined-strings';
import { RECORD_SECTIONS, decodeRecords, encodeRecords, textOf } from './record-columns';
import { RecordList } from './record-list';
import { coverageOf, coverageSections, type CompactCoverage } from './snapshot-coverage';
import { SearchIndex } from './search-index';
import type { SearchRecord } from './search-record';
import { TERMS_VERSION } from './search-terms';

/**
 * Bumped whenever tokenising or the snapshot's shape changes: an old snapshot is rebuilt,
 * unless this version still reads it (READABLE).
 * 8: the header at the end, postings read on demand, six bytes a posting in one run.
 * 9: the records as columns (record-columns.ts), the coverage's ids beside the header instead
 *    of in its JSON; at 1,000,000 articles the index loads in about half the time.
 */
export const SNAPSHOT_VERSION = 9;

const MAGIC = 'CUTTINGS-INDEX\n';

/** A loaded snapshot: the index and what it covers. */
export interface LoadedSnapshot {
  index: SearchIndex;
  coverage: CompactCoverage;
}

interface Header {
  version: number;
  /** How words became terms (search-terms.ts TERMS_VERSION): a snapshot cut otherwise is rebuilt. */
  terms?: number;
  /** Version 8 kept the whole coverage here; version 9 keeps its ids and signatures in sections of their own. */
  coverage: CompactCoverage | Pick<CompactCoverage, 'shardVersions' | 'shards'>;
  /** [offset in the file, byteLength] of each section, in the order `sections` lists them. */
  sections: [number, number][];
}

/**
 * Where each section lies in the header's list: postings of each field, ids, records, each
 * field's lengths, words and offsets, and (version 9) the coverage's ids and signatures.
 * Version 8 kept the records as one JSON array of rows, version 9 as columns (record-columns.ts).
 */
function layoutOf(version: number) {
  const ids = FIELD_COUNT;
  const records = ids + 1;
  const recordSections = version === 8 ? 1 : RECORD_SECTIONS;
  const fieldsAt = records + recordSections;
  const coverage = fieldsAt + FIELD_COUNT * 3;
  return {
    ids,
    records,
    recordSections,
    field: (field: number, part: 'lengths' | 'terms' | 'offsets') => fieldsAt + field * 3 + ['lengths', 'terms', 'offsets'].indexOf(part),
    coverage,
    count: version === 8 ? coverage : coverage + 2,
  };
}

/** The versions this one reads: version 8 opens without a rebuild, and is written anew as 9 at the next save. */
const READABLE = new Set([8, SNAPSHOT_VERSION]);

/** Path of the snapshot in a library. */
export function snapshotPath(root: string): string {
  return join(root, 'index', 'search.bin');
}

/** Where format 5 and earlier kept a JSON snapshot; removed when a new one is saved. */
function oldSnapshotPath(root: string): string {
  return join(root, 'index', 'search.json');
}

/**
 * Reads the snapshot: all but the postings, which the index reads from the file as queries
 * need them (it keeps the file open; SearchIndex.close lets it go). Returns null when there
 * is none, or when it is from another snapshot version or does not fit together (it will be
 * rebuilt); never throws for a bad snapshot.
 */
export async function loadSnapshot(root: string): Promise<LoadedSnapshot | null> {
  let fd: number;
  try {
    fd = openSync(snapshotPath(root), 'r');
  } catch {
    return null;
  }
  try {
    const loaded = decode(fd);
    if (loaded) return loaded;
  } catch {
    // Unusable: rebuilt from the catalog.
  }
  closeSync(fd);
  return null;
}

/** Reads `length` bytes at `position` into a buffer of its own (aligned for typed arrays), or throws if the file is shorter. */
function readAt(fd: number, position: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  if (readSync(fd, bytes, 0, length, position) !== length) throw new Error('snapshot: the file is cut short');
  return bytes;
}

function decode(fd: number): LoadedSnapshot | null {
  const size = fstatSync(fd).size;
  if (size < MAGIC.length + 4 || textOf(readAt(fd, 0, MAGIC.length)) !== MAGIC) return null;
  const headerLength = Buffer.from(readAt(fd, size - 4, 4)).readUInt32LE(0);
  if (headerLength > size - MAGIC.length - 4) return null;
  const header = JSON.parse(textOf(readAt(fd, size - 4 - headerLength, headerLength))) as Header;
  if (!READABLE.has(header.version) || (header.terms ?? 1) !== TERMS_VERSION) return null;
  const layout = layoutOf(header.version);
  if (header.sections?.length !== layout.count) return null;
  for (const [offset, length] of header.sections) {
    if (offset % 4 !== 0 || offset + length > size - 4 - headerLength) throw new Error('snapshot: a section lies outside the file');
  }
  // Everything but the postings lies in one stretch after them: one read.
  const from = header.sections[layout.ids]![0];
  const resident = readAt(fd, from, size - 4 - headerLength - from);
  const bytesOf = (at: number) => {
    const [offset, length] = header.sections[at]!;
    return new Uint8Array(resident.buffer, offset - from, length);
  };
  const text = (at: number): string[] => {
    const value = textOf(bytesOf(at));
    return value === '' ? [] : value.split('\n');
  };
  // Copied out, so that the stretch read (records and all) can be let go.
  const u32 = (at: number) => {
    const bytes = bytesOf(at);
    return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4).slice();
  };
  const ids = text(layout.ids);
  const records =
    header.version === 8
      ? RecordList.of(recordsOfRows(ids, textOf(bytesOf(layout.records))))
      : RecordList.over(
          decodeRecords(
            ids,
            Array.from({ length: layout.recordSections }, (_, at) => bytesOf(layout.records + at)),
          ),
        );
  const lengths: Uint32Array[] = [];
  const fields: DiskField[] = [];
  for (let field = 0; field < FIELD_COUNT; field++) {
    const fieldLengths = u32(layout.field(field, 'lengths'));
    // The words stay one text, a word cut out when a query looks for it (joined-strings.ts).
    const termsText = textOf(bytesOf(layout.field(field, 'terms')));
    const terms = termsText === '' ? JoinedStrings.empty() : JoinedStrings.split(termsText, '\n');
    const offsets = u32(layout.field(field, 'offsets'));
    const [base, postingBytes] = header.sections[field]!;
    if (fieldLengths.length < ids.length || offsets.length !== terms.length + 1 || offsets[terms.length]! * POSTING_BYTES !== postingBytes) {
      throw new Error('snapshot: sections of different sizes');
    }
    lengths.push(fieldLengths);
    fields.push({ terms, offsets, base });
  }
  const coverage = header.version === 8 ? (header.coverage as CompactCoverage) : coverageOf(header.coverage, textOf(bytesOf(layout.coverage)), textOf(bytesOf(layout.coverage + 1)));
  const index = SearchIndex.fromParts({ ids, records, lengths, segment: new DiskSegment(fd, fields) });
  return { index, coverage };
}

const align = (offset: number) => (offset + 3) & ~3;

/** A record's search fields as version 8 kept them (its id is in the ids section). */
type RecordRow = [
  title: string,
  source: string | null,
  author: string | null,
  lang: string | null,
  url: string | null,
  published: string | null,
  clipped: string,
  tags: string[],
  annotations?: Pick<SearchRecord, 'note' | 'highlights'>,
];

function recordsOfRows(ids: string[], json: string): SearchRecord[] {
  const rows = JSON.parse(json) as RecordRow[];
  if (!Array.isArray(rows) || rows.length !== ids.length) throw new Error('snapshot: records and ids differ in number');
  // One shape for every record without a note or highlights (nearly all), so that reading them stays fast.
  return rows.map(([title, source, author, lang, url, published, clipped, tags, annotations], doc) =>
    annotations ? { id: ids[doc]!, title, source, author, lang, url, published, clipped, tags, ...annotations } : { id: ids[doc]!, title, source, author, lang, url, published, clipped, tags },
  );
}

/** Appends to a file through a buffer of a few megabytes, keeping each section 4-byte aligned. */
class SectionWriter {
  private readonly chunks: Uint8Array[] = [];
  private buffered = 0;
  position = 0;
  readonly places: [number, number][] = [];
  private sectionStart = 0;

  constructor(private readonly file: FileHandle) {}

  async write(bytes: Uint8Array): Promise<void> {
    // Copied: the merge reuses its buffers for the next word.
    this.chunks.push(bytes.slice());
    this.buffered += bytes.byteLength;
    this.position += bytes.byteLength;
    if (this.buffered >= 4 << 20) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffered === 0) return;
    await this.file.write(Buffer.concat(this.chunks));
    this.chunks.length = 0;
    this.buffered = 0;
  }

  begin(): void {
    this.sectionStart = this.position;
  }

  /** Ends a section and pads to the next multiple of four. */
  async end(): Promise<void> {
    this.places.push([this.sectionStart, this.position - this.sectionStart]);
    if (this.position % 4 !== 0) await this.write(new Uint8Array(align(this.position) - this.position));
  }

  async section(bytes: Uint8Array): Promise<void> {
    this.begin();
    await this.write(bytes);
    await this.end();
  }
}

/**
 * Writes the snapshot durably (a temporary file, fsynced, renamed over the old one), the
 * postings merged a word at a time from memory and from the old file; the index then reads
 * its postings from the new file, with the removed articles dropped and the documents
 * numbered anew.
 */
export async function saveSnapshot(root: string, index: SearchIndex, coverage: CompactCoverage): Promise<void> {
  await mkdir(join(root, 'index'), { recursive: true });
  const path = snapshotPath(root);
  const compaction = index.compaction();
  const fields: { terms: string[]; offsets: Uint32Array; base: number }[] = [];
  let recordSections: Uint8Array[] = [];
  await writeDurablyWith(path, async (file) => {
    const out = new SectionWriter(file);
    await out.write(Buffer.from(MAGIC, 'latin1'));
    await out.write(new Uint8Array(align(out.position) - out.position));
    for (let field = 0; field < FIELD_COUNT; field++) {
      const terms: string[] = [];
      const starts: number[] = [];
      let total = 0;
      out.begin();
      const base = out.position;
      for (const { term, docs, counts } of compaction.postings(field)) {
        terms.push(term);
        starts.push(total);
        total += docs.length;
        await out.write(new Uint8Array(docs.buffer, docs.byteOffset, docs.byteLength));
        await out.write(new Uint8Array(counts.buffer, counts.byteOffset, counts.byteLength));
      }
      await out.end();
      const offsets = new Uint32Array(terms.length + 1);
      offsets.set(starts);
      offsets[terms.length] = total;
      fields.push({ terms, offsets, base });
    }
    await out.section(Buffer.from(compaction.ids.join('\n'), 'utf8'));
    recordSections = encodeRecords(compaction.records);
    for (const section of recordSections) await out.section(section);
    for (let field = 0; field < FIELD_COUNT; field++) {
      await out.section(bytes(compaction.lengths[field]!));
      await out.section(Buffer.from(fields[field]!.terms.join('\n'), 'utf8'));
      await out.section(bytes(fields[field]!.offsets));
    }
    for (const section of coverageSections(coverage)) await out.section(section);
    const { shardVersions, shards } = coverage;
    const header = Buffer.from(JSON.stringify({ version: SNAPSHOT_VERSION, terms: TERMS_VERSION, coverage: { shardVersions, shards }, sections: out.places } satisfies Header), 'utf8');
    await out.write(header);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.byteLength, 0);
    await out.write(length);
    await out.flush();
  });
  await rm(oldSnapshotPath(root), { force: true });
  // The index goes on from the file just written: its postings on disk, its records in columns
  // as a load would read them (not the objects the compaction made of them), the old file let go.
  const fd = openSync(path, 'r');
  index.adopt({ ids: compaction.ids, records: RecordList.over(decodeRecords(compaction.ids, recordSections)), lengths: compaction.lengths, segment: new DiskSegment(fd, fields) });
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
