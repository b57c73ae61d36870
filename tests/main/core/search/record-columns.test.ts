// The search records as the snapshot keeps them, a column a field: every record comes back as
// it went in, whether its column was written joined or as a dictionary, with nulls, empty
// strings, the separator itself, notes and highlights; and a column that does not fit its
// records is refused with a message naming it, so that the snapshot is rebuilt rather than
// trusted.
import { describe, expect, it } from 'vitest';
import { decodeRecords, encodeRecords } from '../../../../main/core/search/record-columns';
import type { SearchRecord } from '../../../../main/core/search/search-record';

function record(doc: number, fields: Partial<SearchRecord> = {}): SearchRecord {
  return {
    id: `01HX${String(doc).padStart(22, '0')}`,
    // Unique: written joined.
    title: `Title ${doc} — Genève`,
    // Few values: written as a dictionary.
    source: doc % 3 === 0 ? null : `Source ${doc % 2}`,
    author: null,
    lang: 'en',
    url: doc % 4 === 0 ? null : `https://example.org/${doc}`,
    published: doc % 5 === 0 ? null : `2024-0${1 + (doc % 9)}-10`,
    clipped: `2024-05-01T09:00:${String(doc % 60).padStart(2, '0')}.${String(doc).padStart(3, '0')}Z`,
    tags: doc % 2 === 0 ? ['shipping/ports', 'x'] : [],
    ...fields,
  };
}

/** The records through their columns and back, as the snapshot keeps them. */
const stored = (records: SearchRecord[]) =>
  decodeRecords(
    records.map((each) => each.id),
    encodeRecords(records),
  );

const back = (records: SearchRecord[]) => {
  const columns = stored(records);
  return Array.from({ length: columns.count }, (_, doc) => columns.record(doc));
};

describe('record columns', () => {
  it('give back every record as it was, whichever way each column was written', () => {
    const records = Array.from({ length: 40 }, (_, doc) => record(doc));
    // The rare values a joined column keeps apart: an empty title, one holding the separator.
    records[7] = record(7, { title: '' });
    records[9] = record(9, { title: 'A\u0000B', url: '', author: 'Ana Ruiz' });
    records[11] = record(11, { note: 'follow up', highlights: [{ id: 'h1', quote: 'q', prefix: '', suffix: '', comment: 'why?', created: '2024-01-01T00:00:00.000Z' }] });
    const read = back(records);
    expect(read).toEqual(records);
    // Nulls stay nulls, and the records without a note have no such property at all.
    expect(read[4]!.url).toBeNull();
    expect(read[9]!.url).toBe('');
    expect(read[0]).not.toHaveProperty('note');
    expect(stored(records).annotated()).toEqual([11]);
    expect(stored(records).published(5)).toBeNull();
    expect(stored(records).published(6)).toBe('2024-07-10');
    // What facets count a record under, read without making it, is the record's own.
    const columns = stored(records);
    for (let doc = 0; doc < records.length; doc++) {
      const { tags, source, published } = records[doc]!;
      expect(columns.facetFields(doc)).toEqual({ tags, source, published });
    }
  });

  it('give back a library of none, and of one', () => {
    expect(back([])).toEqual([]);
    expect(back([record(1)])).toEqual([record(1)]);
    expect(back([record(3, { title: '', url: null })])).toEqual([record(3, { title: '', url: null })]);
  });

  it('refuse columns that do not fit their records, naming the column', () => {
    const records = Array.from({ length: 10 }, (_, doc) => record(doc));
    const ids = records.map((each) => each.id);
    const sections = encodeRecords(records);
    expect(() => decodeRecords(ids.slice(1), sections)).toThrow('snapshot: records and ids differ in number');
    // The title column (joined) with one value too few.
    const titles = Buffer.from(sections[1]!).toString('utf8').split('\u0000').slice(1).join('\u0000');
    const shortTitles = [...sections];
    shortTitles[1] = Buffer.from(titles, 'utf8');
    expect(() => decodeRecords(ids, shortTitles)).toThrow('snapshot: the title column holds 9 values for 10 records');
    // The source column (a dictionary) naming a value its dictionary lacks.
    const badSources = [...sections];
    badSources[2] = new Uint8Array(new Uint32Array(10).fill(99).buffer);
    expect(() => decodeRecords(ids, badSources)).toThrow('snapshot: the source column does not fit its dictionary');
  });
});

