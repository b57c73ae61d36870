/**
 * Full-text search over titles, texts, sources and authors. Words are cut and folded by
 * common/text.ts (the renderer highlights with the same rules): case and diacritics folded,
 * hyphenated words indexed whole and by their parts, stop words of the article's language
 * left out of texts. The index is saved as a snapshot (search-snapshot.ts) and is derived
 * data that can always be rebuilt.
 *
 * It scores as MiniSearch does (BM25+ per field with the same parameters, boosts and weights
 * for prefix and fuzzy matches; tests/main/core/search/search-index.test.ts checks it against
 * MiniSearch), but keeps its postings in typed arrays (index-segment.ts) rather than
 * MiniSearch's tree of Maps: MiniSearch needed about 10 KB of heap an article and 14 s to
 * load 100,000 articles from JSON.
 *
 * Once saved, the postings are not in memory: they stay in the snapshot file and are read by
 * offset as a query needs them (disk-segment.ts), as Lucene reads its segments; only articles
 * added since the last save are in memory, and saving merges them into a new file a word at
 * a time. Memory holds the ids, the records (filters, facets, sorting: in the snapshot's
 * columns, made into objects when asked for, record-list.ts), each field's sorted words and
 * offsets, and the lengths. Loaded whole, the postings took 194 MB of heap at
 * 100,000 articles and 774 MB at 400,000; read on demand the index takes 43 and 165 MB, loads
 * in 0.2 and 0.8 s of CPU, and answers the benchmark's queries for less CPU than SQLite FTS5
 * in the same run (bench/search-scale.ts; the figures in docs/architecture.md).
 */
import { isAnnotated } from '../notes/note-search';
import { DiskSegment } from './disk-segment';
import { FIELD_COUNT, FIELDS, Segment, SegmentBuilder, mergeSegments, mergedPostings, type AnySegment, type MergedPostings, type Postings } from './index-segment';
import { FacetCache } from './facet-cache';
import { RecordList } from './record-list';
import { toSearchRecord, type ColumnFacets, type FacetFields, type SearchRecord } from './search-record';
import { countTerms, derivedTermsOfAny } from './index-terms';
import type { SortKeys } from './query-evaluator';
import { queryTerms, type TermMatches, type TermQuery } from './search-terms';
import { stopWordsFor } from './stop-words';

/**
 * What the index needs of an article: its text and the catalog fields search filters, counts
 * and sorts by (the language also picks the stop words).
 */
export interface IndexableArticle extends SearchRecord {
  text: string;
}

/** One match from the index: the id, its score and which indexed terms matched. */
export interface IndexMatch {
  id: string;
  score: number;
  terms: string[];
}

/** Boost of a match in each field (by field number), as the searches of the app weigh them. */
const BOOSTS = [3, 1, 1.5, 1.5];
/** MiniSearch's BM25+ parameters (its weights for prefix and fuzzy matches are in index-terms.ts). */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
/** How many articles the newest segment takes before it is frozen into typed arrays. */
const FREEZE_AFTER = 8192;

/** Everything a saved index holds, as SearchIndex.toParts gives it and fromParts takes it. */
export interface IndexParts {
  /** Document number → article id; '' for a number whose article was removed. */
  ids: string[];
  /** Document number → the article's search fields. */
  records: RecordList;
  /** For each field, each document's length in terms. */
  lengths: Uint32Array[];
  segment: Segment | DiskSegment;
}

/**
 * The index as it would be compacted, for saving without building it in memory: the live
 * documents numbered anew, and each field's postings merged a word at a time.
 */
export interface Compaction {
  ids: string[];
  records: SearchRecord[];
  lengths: Uint32Array[];
  postings(field: number): Generator<MergedPostings>;
}

/** The full-text index of one library. */
export class SearchIndex {
  /** Document number → article id ('' once removed). */
  private ids: string[] = [];
  /**
   * Article id → document number, made the first time an id is looked up (an article added,
   * removed or changed) rather than at load: for an index loaded and only searched it is never
   * needed, and building it was a quarter of loading 400,000 articles (CPU profile).
   */
  private numbersById: Map<string, number> | null = null;
  /** How many articles are indexed (document numbers not removed). */
  private live = 0;
  /** Document number → the article's search fields (undefined once removed). */
  private records = RecordList.of([]);
  /** Document number → its facet numbers, filled in by searches (search-results.ts). */
  readonly facetCache = new FacetCache();
  /** The documents whose records have a note or highlights (few), so that a query need not look at every record for them. */
  private readonly annotated = new Set<number>();
  /** For each field, each document's length in terms (grown as documents are added). */
  private lengths: Uint32Array[] = FIELDS.map(() => new Uint32Array(1024));
  /** For each field, the sum of the live documents' lengths, for the average BM25 needs. */
  private readonly totalLengths = new Float64Array(FIELD_COUNT);
  private frozen: (Segment | DiskSegment)[] = [];
  /** How many documents were removed since the index was last compacted. */
  private removed = 0;
  private building = new SegmentBuilder();
  /** Scores by document number, reused between queries. */
  private scratch = new Float64Array(0);
  private hits = new Uint16Array(0);

  private constructor() {}

  /** A new, empty index. */
  static create(): SearchIndex {
    return new SearchIndex();
  }

  /** An index from what toParts gave. */
  static fromParts(parts: IndexParts): SearchIndex {
    const index = new SearchIndex();
    index.ids = parts.ids;
    index.records = parts.records;
    index.lengths = parts.lengths;
    for (let doc = 0; doc < parts.ids.length; doc++) {
      if (parts.ids[doc] === '') continue;
      index.live++;
      for (let field = 0; field < FIELD_COUNT; field++) index.totalLengths[field] = index.totalLengths[field]! + parts.lengths[field]![doc]!;
    }
    index.frozen = [parts.segment];
    index.fillSideTables();
    return index;
  }

  /** The facet cache emptied and the annotated documents found, for records just taken whole. */
  private fillSideTables(): void {
    this.facetCache.clear();
    this.facetCache.ensure(this.ids.length);
    this.annotated.clear();
    // Records from a snapshot's columns say which they are, rather than being made to be asked.
    const stored = this.records.storedAnnotated();
    if (stored) {
      for (const doc of stored) this.annotated.add(doc);
      return;
    }
    for (let doc = 0; doc < this.ids.length; doc++) {
      const record = this.records.get(doc);
      if (record && isAnnotated(record)) this.annotated.add(doc);
    }
  }

  /** The documents whose records have a note or highlights. */
  annotatedDocs(): Iterable<number> {
    return this.annotated;
  }

  /**
   * The index in one segment with the removed articles left out and the documents numbered
   * anew, to save. The index itself is compacted the same way, so saving costs its memory
   * nothing extra.
   */
  toParts(): IndexParts {
    const { ids, records, lengths, renumber } = this.renumbered();
    const segment = mergeSegments(this.segments(), (doc) => renumber[doc]! >= 0, renumber);
    const parts = { ids, records: RecordList.of(records), lengths, segment };
    // The index goes on from the compacted form.
    this.adopt(parts);
    return parts;
  }

  /**
   * What toParts would give, without building it: the postings are merged a word at a time
   * as they are read, from memory and from the snapshot file. The index is not changed; give
   * it the saved form with adopt().
   */
  compaction(): Compaction {
    const { ids, records, lengths, renumber } = this.renumbered();
    const segments = this.segments();
    return { ids, records, lengths, postings: (field) => mergedPostings(segments, field, (doc) => renumber[doc]! >= 0, renumber) };
  }

  /** The live documents numbered anew: ids, records and lengths, and old number → new (-1 for a removed one). */
  private renumbered(): { ids: string[]; records: SearchRecord[]; lengths: Uint32Array[]; renumber: Int32Array } {
    const renumber = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    const records: SearchRecord[] = [];
    for (let doc = 0; doc < this.ids.length; doc++) {
      if (this.ids[doc] === '') continue;
      renumber[doc] = ids.length;
      ids.push(this.ids[doc]!);
      records.push(this.records.get(doc)!);
    }
    const lengths = FIELDS.map((_, field) => {
      const compacted = new Uint32Array(Math.max(ids.length, 1));
      for (let doc = 0; doc < this.ids.length; doc++) if (renumber[doc]! >= 0) compacted[renumber[doc]!] = this.lengths[field]![doc]!;
      return compacted;
    });
    return { ids, records, lengths, renumber };
  }

  /** Goes on from a compacted form of this index (what toParts or a saved compaction gave), letting the old segments go. */
  adopt(parts: IndexParts): void {
    const old = this.frozen;
    this.ids = parts.ids;
    this.records = parts.records;
    this.lengths = parts.lengths;
    this.numbersById = null;
    this.live = parts.ids.filter((id) => id !== '').length;
    this.frozen = [parts.segment];
    this.building = new SegmentBuilder();
    this.removed = 0;
    this.fillSideTables();
    for (const segment of old) if (segment instanceof DiskSegment && segment !== parts.segment) segment.close();
  }

  /** Lets the snapshot file go (an index read from one); it must not be searched after. */
  close(): void {
    for (const segment of this.frozen) if (segment instanceof DiskSegment) segment.close();
  }

  private get numbers(): Map<string, number> {
    if (!this.numbersById) {
      this.numbersById = new Map();
      for (let doc = 0; doc < this.ids.length; doc++) if (this.ids[doc] !== '') this.numbersById.set(this.ids[doc]!, doc);
    }
    return this.numbersById;
  }

  /** How many document numbers are in use, removed articles' included. */
  get documentCount(): number {
    return this.ids.length;
  }

  /** The search fields of the article under a document number; undefined if it was removed. */
  record(doc: number): SearchRecord | undefined {
    return this.records.get(doc);
  }

  /** The order's keys of a document, without making its record: its id (undefined once removed) and publication date. */
  readonly keys: SortKeys = {
    id: (doc) => this.ids[doc] || undefined,
    published: (doc) => this.records.published(doc),
  };

  /** What a document is counted under in facets, without making its record (undefined once removed). */
  readonly facetFields = (doc: number): FacetFields | undefined => this.records.facetFields(doc);

  /** The stored records' facet columns, and which documents they still speak for. */
  columnFacets(): ColumnFacets | null {
    return this.records.columnFacets();
  }

  /** Replaces the search fields of an indexed article (its tags changed, say); the text is not touched. */
  updateRecord(record: SearchRecord): void {
    const doc = this.numbers.get(record.id);
    if (doc === undefined) return;
    this.records.set(doc, toSearchRecord(record));
    this.facetCache.forget(doc);
    if (isAnnotated(record)) this.annotated.add(doc);
    else this.annotated.delete(doc);
  }

  /** True when the article is indexed. */
  has(id: string): boolean {
    return this.numbers.has(id);
  }

  /** How many articles are indexed. */
  get size(): number {
    return this.live;
  }

  /** Adds an article, or replaces it if it is already indexed. */
  add(article: IndexableArticle): void {
    this.remove(article.id);
    const doc = this.ids.length;
    this.ids.push(article.id);
    this.records.push(toSearchRecord(article));
    if (isAnnotated(article)) this.annotated.add(doc);
    this.numbers.set(article.id, doc);
    this.live++;
    if (doc >= this.lengths[0]!.length) {
      this.lengths = this.lengths.map((old) => {
        const grown = new Uint32Array(Math.max(1024, old.length * 2));
        grown.set(old);
        return grown;
      });
    }
    const stopWords = stopWordsFor(article.lang);
    const values = [article.title, article.text, article.source ?? '', article.author ?? ''];
    for (let field = 0; field < FIELD_COUNT; field++) {
      const counts = new Map<string, number>();
      const length = countTerms(values[field]!, field === 1 ? stopWords : null, counts);
      this.lengths[field]![doc] = length;
      this.totalLengths[field] = this.totalLengths[field]! + length;
      if (counts.size > 0) this.building.addField(field, doc, counts);
    }
    this.building.documents++;
    if (this.building.documents >= FREEZE_AFTER) {
      this.frozen.push(this.building.freeze());
      this.building = new SegmentBuilder();
    }
  }

  /** Removes an article if it is indexed. Its postings stay until the index is next saved, and are skipped. */
  remove(id: string): void {
    const doc = this.numbers.get(id);
    if (doc === undefined) return;
    this.numbers.delete(id);
    this.live--;
    this.ids[doc] = '';
    this.records.set(doc, undefined);
    this.facetCache.forget(doc);
    this.annotated.delete(doc);
    this.removed++;
    for (let field = 0; field < FIELD_COUNT; field++) this.totalLengths[field] = this.totalLengths[field]! - this.lengths[field]![doc]!;
  }

  /**
   * Looks up each word on its own; the query evaluator combines the answers. A word that
   * folds to several index terms (`US-Russia`, a run of Chinese) matches articles that hold
   * them all. The articles come in no particular order (the evaluator orders what it keeps);
   * the matched words come best first: ordered by the most any one posting of theirs scored.
   */
  matchTerms(queries: TermQuery[]): TermMatches[] {
    return queries.map((query) => this.matchTerm(query));
  }

  private segments(): AnySegment[] {
    return [...this.frozen, this.building];
  }

  private matchTerm(query: TermQuery): TermMatches {
    // Each slot must match, by any of its terms (a hyphenated word: whole or joined).
    const slots = queryTerms(query.text);
    const fields = query.fields ? query.fields.map((name) => FIELDS.indexOf(name as (typeof FIELDS)[number])).filter((field) => field >= 0) : FIELDS.map((_, field) => field);
    if (slots.length === 0 || fields.length === 0) return { docs: [], scores: [], matched: [] };
    const capacity = this.ids.length;
    if (this.scratch.length < capacity) {
      this.scratch = new Float64Array(Math.max(capacity, this.scratch.length * 2));
      this.hits = new Uint16Array(this.scratch.length);
    }
    const scores = this.scratch;
    const hits = this.hits;
    const touched: number[] = [];
    const derivedByForm = slots.map((terms) => derivedTermsOfAny(this.segments(), terms, query, fields));
    // Each derived term's best single contribution to an article: what orders the matched words.
    const best = new Map<string, number>();
    derivedByForm.forEach((derived, formNumber) => {
      for (const { term, weight } of derived) {
        let top = 0;
        for (const field of fields) {
          const scoring = this.scoring(field, term);
          if (!scoring) continue;
          const { lists, idf, average } = scoring;
          const lengths = this.lengths[field]!;
          const fieldWeight = weight * BOOSTS[field]!;
          for (const { docs: list, counts, stride, start, end } of lists) {
            for (let i = start; i < end; i += stride) {
              const doc = list[i]!;
              if (this.ids[doc] === '') continue;
              const frequency = stride === 1 ? counts![i]! : list[i + 1]!;
              const score = fieldWeight * idf * (BM25.d + (frequency * (BM25.k + 1)) / (frequency + BM25.k * (1 - BM25.b + (BM25.b * lengths[doc]!) / average)));
              if (score > top) top = score;
              const seen = hits[doc]!;
              if (seen === formNumber) {
                // First match of this form in this document.
                if (formNumber === 0) touched.push(doc);
                hits[doc] = formNumber + 1;
                scores[doc] = scores[doc]! + score;
              } else if (seen === formNumber + 1) scores[doc] = scores[doc]! + score;
            }
          }
        }
        if (top > 0 && top > (best.get(term) ?? 0)) best.set(term, top);
      }
    });
    const docs: number[] = [];
    const answerScores: number[] = [];
    const complete = slots.length;
    for (const doc of touched) {
      if (hits[doc] === complete) {
        docs.push(doc);
        // As MiniSearch scores a result of several query terms combined with AND.
        answerScores.push(scores[doc]! * complete);
      }
    }
    for (const doc of touched) {
      scores[doc] = 0;
      hits[doc] = 0;
    }
    const matched = docs.length === 0 ? [] : [...best].sort(([, a], [, b]) => b - a).map(([term]) => term);
    return { docs, scores: answerScores, matched };
  }

  /** A term's postings in one field across the segments, with its IDF and the field's average length; null if none is live. */
  private scoring(field: number, term: string): { lists: Postings[]; idf: number; average: number } | null {
    const lists: Postings[] = [];
    let matching = 0;
    for (const segment of this.segments()) {
      const postings = segment.postings(field, term);
      if (!postings) continue;
      lists.push(postings);
      if (this.removed === 0) matching += (postings.end - postings.start) / postings.stride;
      else {
        // Removed articles' postings stay until the next save; they must not count.
        for (let i = postings.start; i < postings.end; i += postings.stride) if (this.ids[postings.docs[i]!] !== '') matching++;
      }
    }
    if (matching === 0) return null;
    const count = this.live;
    const average = count > 0 ? this.totalLengths[field]! / count : 1;
    return { lists, idf: Math.log(1 + (count - matching + 0.5) / (matching + 0.5)), average };
  }
}
