/**
 * The search records as the snapshot keeps them (version 9 on): a column a field, so that
 * loading a million of them is a few string splits and lookups rather than parsing a JSON row
 * for each. Measured at 1,000,000 articles (the storage bench's library, 2 × EPYC): the rows
 * as one JSON array took 2.0–2.6 s to parse and 0.3 s more to become records, three quarters
 * of the search worker's load; as columns the same records take 0.55–0.8 s.
 *
 * Each of the record's string fields is written one of two ways, whichever suits its values:
 *
 * - **joined**, when most values differ (titles, addresses, clipping times): the values in one
 *   UTF-8 text, '\u0000' between them, split in one call. A null is written as the empty
 *   string; the rare value that is really empty, or holds '\u0000' itself, is kept apart
 *   (`exceptions`). Parsing the same values as a JSON array of strings took twice as long
 *   (1.1 against 0.5 s for a million 90-byte addresses).
 * - **dictionary**, when they repeat (sources, authors, languages, publication dates): each
 *   distinct value once, in a JSON array, and a u32 a record saying which; the records share
 *   the strings.
 *
 * Tags are always a dictionary of the distinct lists of tags (a library has far fewer
 * combinations than articles); records share those arrays, which search never changes in
 * place (a record that changes is replaced whole). The few notes and highlights are kept by
 * document number in the JSON that describes the columns.
 */
import { JoinedStrings } from './joined-strings';
import type { StoredRecords } from './record-list';
import type { FacetColumns, FacetFields, SearchRecord } from './search-record';

/** The string fields of a record, in the order their columns are written. */
const STRING_FIELDS = ['title', 'source', 'author', 'lang', 'url', 'published', 'clipped'] as const;
type StringField = (typeof STRING_FIELDS)[number];
const PUBLISHED = STRING_FIELDS.indexOf('published');
const SOURCE = STRING_FIELDS.indexOf('source');

/** How many sections the records take in a snapshot: the description, a column a string field, and the tags' numbers. */
export const RECORD_SECTIONS = 1 + STRING_FIELDS.length + 1;

const SEPARATOR = '\u0000';

type ColumnShape = { kind: 'joined'; exceptions: Record<number, string | null> } | { kind: 'dictionary'; values: (string | null)[] };

/** The first section: how each column is written, the tags' dictionary and the annotations. */
interface Description {
  count: number;
  columns: Record<StringField, ColumnShape>;
  tags: string[][];
  annotations: Record<number, Pick<SearchRecord, 'note' | 'highlights'>>;
}

/**
 * A value list as a dictionary: each distinct value once, and a number a record; null as soon
 * as there are more than `limit` distinct values (a column of titles need not be gone through
 * whole to know it is no dictionary).
 */
function dictionaryOf<T>(values: readonly T[], key: (value: T) => string, limit = Infinity): { values: T[]; numbers: Uint32Array } | null {
  const numbersByKey = new Map<string, number>();
  const distinct: T[] = [];
  const numbers = new Uint32Array(values.length);
  for (let at = 0; at < values.length; at++) {
    const value = values[at]!;
    const name = key(value);
    let number = numbersByKey.get(name);
    if (number === undefined) {
      if (distinct.length === limit) return null;
      number = distinct.length;
      distinct.push(value);
      numbersByKey.set(name, number);
    }
    numbers[at] = number;
  }
  return { values: distinct, numbers };
}

const asBytes = (array: Uint32Array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
/** `null` and a string told apart as dictionary keys. */
const nullableKey = (value: string | null) => (value === null ? '\u0001null' : `=${value}`);

/** The records' sections, in order: the description, each string field's column, the tags' numbers. */
export function encodeRecords(records: readonly SearchRecord[]): Uint8Array[] {
  const columns = {} as Record<StringField, ColumnShape>;
  const data: Uint8Array[] = [];
  for (const field of STRING_FIELDS) {
    const values = records.map((record) => record[field] ?? null);
    // A dictionary pays when it holds at most half as many values as there are records.
    const dictionary = dictionaryOf(values, nullableKey, Math.floor(values.length / 2));
    if (dictionary) {
      columns[field] = { kind: 'dictionary', values: dictionary.values };
      data.push(asBytes(dictionary.numbers));
      continue;
    }
    const exceptions: Record<number, string | null> = {};
    const joined = values.map((value, doc) => {
      if (value === null) return '';
      if (value === '' || value.includes(SEPARATOR)) {
        exceptions[doc] = value;
        return '';
      }
      return value;
    });
    columns[field] = { kind: 'joined', exceptions };
    data.push(Buffer.from(joined.join(SEPARATOR), 'utf8'));
  }
  const tags = dictionaryOf(
    records.map((record) => record.tags),
    (list) => JSON.stringify(list),
  )!;
  const annotations: Description['annotations'] = {};
  records.forEach((record, doc) => {
    if (record.note || record.highlights) annotations[doc] = { ...(record.note ? { note: record.note } : {}), ...(record.highlights ? { highlights: record.highlights } : {}) };
  });
  const description: Description = { count: records.length, columns, tags: tags.values, annotations };
  return [Buffer.from(JSON.stringify(description), 'utf8'), ...data, asBytes(tags.numbers)];
}

/** A section's bytes as text, without copying them first (the snapshot reads its other sections so too). */
export const textOf = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
/** A section's bytes as u32s (sections are 4-byte aligned in the file, and read into buffers of their own). */
const numbersOf = (bytes: Uint8Array) => new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);

/** One column read back: a function from document number to value, and the column's dictionary if it has one. */
interface Column {
  value: (doc: number) => string | null;
  dictionary: { values: readonly (string | null)[]; numbers: Uint32Array } | null;
}

function columnReader(shape: ColumnShape, bytes: Uint8Array, count: number, field: string): Column {
  if (shape.kind === 'dictionary') {
    // Copied, so that the stretch of the file it was read with can be let go.
    const numbers = numbersOf(bytes).slice();
    if (numbers.length !== count || numbers.some((number) => number >= shape.values.length)) throw new Error(`snapshot: the ${field} column does not fit its dictionary`);
    const values = shape.values;
    return { value: (doc) => values[numbers[doc]!]!, dictionary: { values, numbers } };
  }
  // Kept as one text, a value cut out when a record is made (joined-strings.ts).
  const values = count === 0 ? JoinedStrings.empty() : JoinedStrings.split(textOf(bytes), SEPARATOR);
  if (values.length !== count) throw new Error(`snapshot: the ${field} column holds ${values.length} values for ${count} records`);
  const exceptions = shape.exceptions;
  const value = (doc: number) => {
    const found = values.at(doc)!;
    if (found !== '') return found;
    const exception = exceptions[doc];
    return exception === undefined ? null : exception;
  };
  return { value, dictionary: null };
}

/**
 * The records of a snapshot read from their columns when asked for, rather than all made into
 * objects at load: at 1,000,000 articles making them took about 1 s of the worker's 2–2.8 s
 * load, most of it collecting them as they were promoted, while a record made when asked for
 * dies young and costs the collector next to nothing (an empty query, which looks at every
 * record, takes 0.2–0.3 s either way).
 */
export class ColumnRecords implements StoredRecords {
  constructor(
    private readonly ids: readonly string[],
    private readonly fields: readonly ((doc: number) => string | null)[],
    private readonly tags: readonly (readonly string[])[],
    private readonly tagNumbers: Uint32Array,
    private readonly annotations: ReadonlyMap<number, Pick<SearchRecord, 'note' | 'highlights'>>,
    private readonly columns: FacetColumns | null,
  ) {}

  get count(): number {
    return this.ids.length;
  }

  record(doc: number): SearchRecord {
    const [title, source, author, lang, url, published, clipped] = this.fields;
    // One shape for every record without a note or highlights (nearly all), so that reading them stays fast.
    const record: SearchRecord = {
      id: this.ids[doc]!,
      title: title!(doc)!,
      source: source!(doc),
      author: author!(doc),
      lang: lang!(doc),
      url: url!(doc),
      published: published!(doc),
      clipped: clipped!(doc)!,
      tags: this.tags[this.tagNumbers[doc]!] as string[],
    };
    const annotation = this.annotations.get(doc);
    return annotation ? { ...record, ...annotation } : record;
  }

  published(doc: number): string | null {
    return this.fields[PUBLISHED]!(doc);
  }

  facetFields(doc: number): FacetFields {
    return { tags: this.tags[this.tagNumbers[doc]!] as string[], source: this.fields[SOURCE]!(doc), published: this.fields[PUBLISHED]!(doc) };
  }

  annotated(): number[] {
    return [...this.annotations.keys()];
  }

  facetColumns(): FacetColumns | null {
    return this.columns;
  }
}

/** The records back from their sections (as encodeRecords wrote them), given the ids; throws if they do not fit together. */
export function decodeRecords(ids: readonly string[], sections: readonly Uint8Array[]): ColumnRecords {
  const description = JSON.parse(textOf(sections[0]!)) as Description;
  const count = ids.length;
  if (description.count !== count) throw new Error('snapshot: records and ids differ in number');
  const columns = STRING_FIELDS.map((field, at) => columnReader(description.columns[field], sections[1 + at]!, count, field));
  const tagNumbers = numbersOf(sections[1 + STRING_FIELDS.length]!).slice();
  if (tagNumbers.length !== count || tagNumbers.some((number) => number >= description.tags.length)) throw new Error('snapshot: the tags column does not fit its dictionary');
  const annotations = new Map(Object.entries(description.annotations).map(([doc, annotation]) => [Number(doc), annotation]));
  // Sources and dates repeat in any real library, and are then dictionaries; a library where
  // most differ is counted record by record instead.
  const source = columns[SOURCE]!.dictionary;
  const published = columns[PUBLISHED]!.dictionary;
  const facetColumns: FacetColumns | null =
    source && published ? { tagLists: description.tags, tagList: tagNumbers, sources: source.values, source: source.numbers, dates: published.values, published: published.numbers } : null;
  return new ColumnRecords(
    ids,
    columns.map((column) => column.value),
    description.tags,
    tagNumbers,
    annotations,
    facetColumns,
  );
}
