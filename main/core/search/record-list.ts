/**
 * The search index's records by document number. Those loaded from a snapshot stay in the
 * snapshot's columns (record-columns.ts) and are made when asked for; those added or changed
 * since are kept as objects beside them, and a removed one is undefined.
 */
import type { ColumnFacets, FacetColumns, FacetFields, SearchRecord } from './search-record';

/** Records kept elsewhere, numbered 0 to count - 1, made when asked for. */
export interface StoredRecords {
  readonly count: number;
  record(doc: number): SearchRecord;
  /** A record's publication date alone, without making the record. */
  published(doc: number): string | null;
  /** A record's tags, source and publication date, without the rest of it. */
  facetFields(doc: number): FacetFields;
  /** The documents with a note or highlights. */
  annotated(): number[];
  /** The facet fields as dictionaries, if they are kept so. */
  facetColumns(): FacetColumns | null;
}

export class RecordList {
  /** The records that replaced or removed (undefined) stored ones. */
  private readonly changed = new Map<number, SearchRecord | undefined>();
  /** Records numbered from the stored ones' count on. */
  private readonly added: (SearchRecord | undefined)[];
  private readonly base: number;

  private constructor(
    private readonly stored: StoredRecords | null,
    added: (SearchRecord | undefined)[],
  ) {
    this.base = stored?.count ?? 0;
    this.added = added;
  }

  /** A list of records held as objects. */
  static of(records: (SearchRecord | undefined)[]): RecordList {
    return new RecordList(null, records);
  }

  /** A list over stored records. */
  static over(stored: StoredRecords): RecordList {
    return new RecordList(stored, []);
  }

  get length(): number {
    return this.base + this.added.length;
  }

  get(doc: number): SearchRecord | undefined {
    if (doc >= this.base) return this.added[doc - this.base];
    if (this.changed.has(doc)) return this.changed.get(doc);
    return this.stored!.record(doc);
  }

  /** A record's publication date, without making the record where it is stored (undefined if removed). */
  published(doc: number): string | null | undefined {
    if (doc >= this.base || this.changed.has(doc)) return this.get(doc)?.published;
    return this.stored!.published(doc);
  }

  /** What a record is counted under in facets, without making the record where it is stored (undefined if removed). */
  facetFields(doc: number): FacetFields | undefined {
    if (doc >= this.base || this.changed.has(doc)) return this.get(doc);
    return this.stored!.facetFields(doc);
  }

  /** The stored records' facet columns, for the documents still as stored; null if there are none. */
  columnFacets(): ColumnFacets | null {
    const columns = this.stored?.facetColumns() ?? null;
    if (!columns) return null;
    const base = this.base;
    const changed = this.changed;
    return { columns, covers: (doc) => doc < base && (changed.size === 0 || !changed.has(doc)) };
  }

  set(doc: number, record: SearchRecord | undefined): void {
    if (doc >= this.base) this.added[doc - this.base] = record;
    else this.changed.set(doc, record);
  }

  push(record: SearchRecord): void {
    this.added.push(record);
  }

  /** The documents that may have a note or highlights, as the stored records say (the others are to be looked at). */
  storedAnnotated(): number[] | null {
    return this.stored ? this.stored.annotated() : null;
  }
}
