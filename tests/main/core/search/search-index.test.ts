// The search index finds what MiniSearch, configured as Cuttings used it, finds; scores by
// BM25+; keeps its answers across freezing, saving and loading; and forgets removed articles.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchIndex, type IndexableArticle } from '../../../../main/core/search/search-index';
import { toSearchRecord, type FacetFields } from '../../../../main/core/search/search-record';
import { processTerm, queryTerms, TERMS_VERSION, tokenize, type TermMatches, type TermQuery } from '../../../../main/core/search/search-terms';
import { loadSnapshot, saveSnapshot, snapshotPath, SNAPSHOT_VERSION } from '../../../../main/core/search/search-snapshot';
import { stopWordsFor } from '../../../../main/core/search/stop-words';
import { SHARED, makeTempFolder } from '../../../paths';
import { mkdir, writeFile, readFile } from 'node:fs/promises';

/** An article for the index, with the fields a test does not care about filled in. */
function article(fields: Pick<IndexableArticle, 'id' | 'title' | 'text'> & Partial<IndexableArticle>): IndexableArticle {
  return { source: null, author: null, lang: 'en', url: null, published: null, clipped: '2026-01-01T00:00:00.000Z', tags: [], ...fields };
}

/** The ids of the articles an answer names by document number. */
function idsOf(index: SearchIndex, answer: TermMatches): string[] {
  return Array.from(answer.docs, (doc) => index.record(doc)!.id);
}

/** The first articles of each BBC category, as the index takes them. */
function bbcArticles(perCategory: number): IndexableArticle[] {
  const root = join(SHARED, 'corpora', 'bbc');
  const articles: IndexableArticle[] = [];
  for (const category of ['business', 'entertainment', 'politics', 'sport', 'tech']) {
    for (const name of readdirSync(join(root, category)).sort().slice(0, perCategory)) {
      const [title = '', ...rest] = readFileSync(join(root, category, name), 'latin1').split('\n');
      articles.push(article({ id: `${category}-${name}`, title, text: rest.join('\n'), source: `BBC ${category}` }));
    }
  }
  return articles;
}

/** MiniSearch set up as Cuttings' index was before it kept its own postings: the reference. */
function miniSearchOf(articles: IndexableArticle[]): MiniSearch<IndexableArticle> {
  let stopWords = stopWordsFor('en');
  const mini = new MiniSearch<IndexableArticle>({
    fields: ['title', 'text', 'source', 'author'],
    tokenize,
    processTerm: (term, field) => {
      const terms = processTerm(term);
      return field === 'title' ? terms : terms.filter((folded) => !stopWords.has(folded));
    },
    // A query word looks up each slot's terms (queryTerms); a hyphenated word's last term, its
    // joined form, is in every article that has the whole word too, so MiniSearch looks up that.
    searchOptions: { processTerm: (term) => queryTerms(term).map((slot) => slot[slot.length - 1]!), combineWith: 'AND' },
  });
  for (const article of articles) {
    stopWords = stopWordsFor(article.lang);
    mini.add(article);
  }
  return mini;
}

const QUERIES: TermQuery[] = [
  ...['government', 'profits', 'film', 'blair', 'us-russia', 'e-mail', 'nothingatall', 'the'].map((text) => ({ text, prefix: false, fuzzy: false, fields: null })),
  ...['gov', 'elect', 'musi', 'tech', 'compan', 'z'].map((text) => ({ text, prefix: true, fuzzy: false, fields: null })),
  ...['goverment', 'electoin', 'musik', 'blare'].map((text) => ({ text, prefix: false, fuzzy: true, fields: null })),
  ...['sales', 'win', 'bbc'].map((text) => ({ text, prefix: false, fuzzy: false, fields: ['title'] })),
  { text: 'business', prefix: false, fuzzy: false, fields: ['source'] },
];

function reference(mini: MiniSearch<IndexableArticle>, query: TermQuery): { ids: string[]; matched: string[] } {
  const results = mini.search(query.text, { prefix: query.prefix, fuzzy: query.fuzzy ? 0.2 : false, ...(query.fields ? { fields: query.fields } : {}) });
  const matched = new Set<string>();
  for (const result of results) for (const term of result.terms) matched.add(term);
  return { ids: results.map((result) => String(result.id)).sort(), matched: [...matched].sort() };
}

describe('SearchIndex', () => {
  const articles = bbcArticles(40);

  it('finds the same articles and words as MiniSearch for exact, prefix, fuzzy and field queries', () => {
    const index = SearchIndex.create();
    for (const article of articles) index.add(article);
    const mini = miniSearchOf(articles);
    for (const query of QUERIES) {
      const [answer] = index.matchTerms([query]);
      const expected = reference(mini, query);
      expect(idsOf(index, answer!).sort(), JSON.stringify(query)).toEqual(expected.ids);
      // MiniSearch's terms are the query's; ours are the indexed words that matched (a hyphenated word's whole form too).
      if (!query.prefix && !query.fuzzy && !query.text.includes('-')) expect([...answer!.matched].sort()).toEqual(expected.ids.length > 0 ? expected.matched : []);
    }
  });

  it('ranks as MiniSearch does: mostly the same ten best articles for each word', () => {
    const index = SearchIndex.create();
    for (const article of articles) index.add(article);
    const mini = miniSearchOf(articles);
    for (const query of QUERIES.filter((query) => !query.fuzzy)) {
      const [answer] = index.matchTerms([query]);
      const ours = idsOf(index, answer!)
        .map((id, i) => ({ id, score: answer!.scores[i]! }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 10)
        .map((result) => result.id);
      const theirs = mini.search(query.text, { prefix: query.prefix, ...(query.fields ? { fields: query.fields } : {}) }).slice(0, 10).map((result) => String(result.id));
      // Lengths are counted a little differently (MiniSearch counts distinct raw words), so near-ties may fall either way.
      const shared = ours.filter((id) => theirs.includes(id)).length;
      expect(shared, JSON.stringify(query)).toBeGreaterThanOrEqual(Math.ceil(theirs.length * 0.7));
    }
  });

  it('scores a match by BM25+ with the title boosted', () => {
    const index = SearchIndex.create();
    index.add(article({ id: 'a', title: 'Harbour', text: 'harbour harbour ships', source: null, author: null, lang: 'en' }));
    index.add(article({ id: 'b', title: 'Ships', text: 'ships sail', source: null, author: null, lang: 'en' }));
    const [answer] = index.matchTerms([{ text: 'harbour', prefix: false, fuzzy: false, fields: null }]);
    const idf = Math.log(1 + (2 - 1 + 0.5) / (1 + 0.5));
    const bm25 = (tf: number, length: number, average: number) => idf * (0.5 + (tf * 2.2) / (tf + 1.2 * (1 - 0.7 + (0.7 * length) / average)));
    expect(idsOf(index, answer!)).toEqual(['a']);
    expect(answer!.scores[0]).toBeCloseTo(3 * bm25(1, 1, 1) + bm25(2, 3, 2.5), 10);
  });

  it('finds a hyphenated word as typed and by its joined form, whatever stop words its parts are', () => {
    const index = SearchIndex.create();
    index.add(article({ id: 'hyphens', title: 'Filters', text: 'State-of-the-art e-mail filters for e-commerce.' }));
    index.add(article({ id: 'joined', title: 'Mail', text: 'An email about ecommerce that is stateoftheart.' }));
    index.add(article({ id: 'parts', title: 'Art', text: 'The state of the art of mail.' }));
    index.add(article({ id: 'de', title: 'Post', text: 'Die E-Mail-Adresse und der Max-Planck-Institut-Bericht.', lang: 'de' }));
    const ids = (text: string, prefix = false) => idsOf(index, index.matchTerms([{ text, prefix, fuzzy: false, fields: null }])[0]!).sort();
    expect(ids('state-of-the-art')).toEqual(['hyphens', 'joined']);
    expect(ids('stateoftheart')).toEqual(['hyphens', 'joined']);
    expect(ids('e-mail')).toEqual(['hyphens', 'joined']);
    expect(ids('email')).toEqual(['hyphens', 'joined']);
    expect(ids('ecommerce')).toEqual(['hyphens', 'joined']);
    expect(ids('E-Commerce')).toEqual(['hyphens', 'joined']);
    // By their parts, as before: art, and mail.
    expect(ids('art')).toEqual(['hyphens', 'parts']);
    expect(ids('mail')).toEqual(['de', 'hyphens', 'joined', 'parts']);
    // In German, with der and die stop words: whole, joined, and a part of a longer compound.
    expect(ids('e-mail-adresse')).toEqual(['de']);
    expect(ids('emailadresse')).toEqual(['de']);
    expect(ids('max-planck-institut')).toEqual([]);
    expect(ids('max-planck-institut-bericht')).toEqual(['de']);
    expect(ids('planck')).toEqual(['de']);
    // As typed, the last word matches as a prefix of the whole or the joined form.
    expect(ids('e-ma', true)).toEqual(['de', 'hyphens', 'joined']);
    expect(ids('emai', true)).toEqual(['de', 'hyphens', 'joined']);
    const [answer] = index.matchTerms([{ text: 'e-mail', prefix: false, fuzzy: false, fields: null }]);
    expect([...answer!.matched].sort()).toEqual(['e-mail', 'email']);
  });

  it('matches a hyphenated or Chinese query word only where all its parts are', () => {
    const index = SearchIndex.create();
    index.add(article({ id: 'both', title: 'US-Russia talks', text: '', source: null, author: null, lang: 'en' }));
    index.add(article({ id: 'us', title: 'US trade', text: '', source: null, author: null, lang: 'en' }));
    index.add(article({ id: 'zh', title: '北京天安门广场', text: '', source: null, author: null, lang: 'zh' }));
    const answers = index.matchTerms([
      { text: 'US-Russia', prefix: false, fuzzy: false, fields: null },
      { text: '天安门', prefix: false, fuzzy: false, fields: null },
      { text: '天门', prefix: false, fuzzy: false, fields: null },
    ]);
    expect(answers.map((answer) => idsOf(index, answer))).toEqual([['both'], ['zh'], []]);
  });

  it('forgets a removed article and indexes a replaced one anew', () => {
    const index = SearchIndex.create();
    index.add(article({ id: 'x', title: 'Old title', text: 'budget', source: null, author: null, lang: 'en' }));
    index.add(article({ id: 'y', title: 'Other', text: 'budget', source: null, author: null, lang: 'en' }));
    index.add(article({ id: 'x', title: 'New title', text: 'election', source: null, author: null, lang: 'en' }));
    index.remove('y');
    const [budget, election] = index.matchTerms([
      { text: 'budget', prefix: false, fuzzy: false, fields: null },
      { text: 'election', prefix: false, fuzzy: false, fields: null },
    ]);
    expect(idsOf(index, budget!)).toEqual([]);
    expect(idsOf(index, election!)).toEqual(['x']);
    expect(index.size).toBe(1);
  });

  it('answers the same after many articles are frozen into segments and after compaction', () => {
    const index = SearchIndex.create();
    const many: IndexableArticle[] = [];
    for (let i = 0; i < 9000; i++) many.push(article({ id: `n${i}`, title: `Note ${i}`, text: `word${i % 37} common ${i % 2 === 0 ? 'even' : 'odd'}` }));
    for (const article of many) index.add(article);
    for (let i = 0; i < 9000; i += 3) index.remove(`n${i}`);
    const queries: TermQuery[] = [
      { text: 'even', prefix: false, fuzzy: false, fields: null },
      { text: 'word1', prefix: true, fuzzy: false, fields: null },
    ];
    const before = index.matchTerms(queries).map((answer) => new Map(idsOf(index, answer).map((id, i) => [id, answer.scores[i]])));
    index.toParts();
    const after = index.matchTerms(queries).map((answer) => new Map(idsOf(index, answer).map((id, i) => [id, answer.scores[i]])));
    expect(after).toEqual(before);
    expect(before[0]!.size).toBe(3000);
  });
});

describe('the index snapshot', () => {
  let folder: { path: string; remove: () => Promise<void> };
  beforeEach(async () => {
    folder = await makeTempFolder();
  });
  afterEach(() => folder.remove());

  const coverage = { shardVersions: { '0A': 2 }, shards: ['0A'], ids: ['a\nb'], signatures: ['s1\ns2'] };

  it('loads back the same answers and coverage, and takes new articles after loading', async () => {
    const index = SearchIndex.create();
    for (const article of bbcArticles(10)) index.add(article);
    index.remove('business-001.txt');
    const queries = QUERIES.slice(0, 12);
    const asMaps = (from: SearchIndex, answers: TermMatches[]) => answers.map((answer) => new Map(idsOf(from, answer).map((id, i) => [id, answer.scores[i]])));
    // Read before saving: saving compacts the index and numbers its documents anew.
    const before = asMaps(index, index.matchTerms(queries));
    // business-001 (document 0) was removed: document 1 comes first once saved.
    const firstRecord = index.record(1);
    await saveSnapshot(folder.path, index, coverage);
    const loaded = await loadSnapshot(folder.path);
    expect(loaded!.coverage).toEqual(coverage);
    const after = loaded!.index.matchTerms(queries);
    expect(asMaps(loaded!.index, after)).toEqual(before);
    expect(loaded!.index.record(0)).toEqual(firstRecord);
    loaded!.index.add(article({ id: 'late', title: 'Zanzibar', text: 'government', source: null, author: null, lang: 'en' }));
    expect(idsOf(loaded!.index, loaded!.index.matchTerms([{ text: 'zanzibar', prefix: false, fuzzy: false, fields: null }])[0]!)).toEqual(['late']);
  });

  it('keeps the note and highlights of the records that have them, and nothing extra for the rest', async () => {
    const index = SearchIndex.create();
    const [plain, annotated] = bbcArticles(2);
    const highlights = [{ id: 'h1', quote: 'q', prefix: '', suffix: '', comment: 'why?', created: '2024-01-01T00:00:00.000Z' }];
    index.add(plain!);
    index.add({ ...annotated!, note: 'my note', highlights });
    await saveSnapshot(folder.path, index, coverage);
    const loaded = (await loadSnapshot(folder.path))!.index;
    expect(loaded.record(0)).not.toHaveProperty('note');
    expect(loaded.record(0)).not.toHaveProperty('highlights');
    expect(loaded.record(1)).toMatchObject({ note: 'my note', highlights });
  });

  it('saves an index loaded from it with articles added and removed since, the postings merged from the file', async () => {
    const all = bbcArticles(6);
    const index = SearchIndex.create();
    for (const article of all.slice(0, 20)) index.add(article);
    await saveSnapshot(folder.path, index, coverage);
    const loaded = (await loadSnapshot(folder.path))!.index;
    for (const article of all.slice(20)) loaded.add(article);
    for (const article of all.slice(0, 20).filter((_, i) => i % 3 === 0)) loaded.remove(article.id);
    // The same articles indexed from scratch, in memory only.
    const fresh = SearchIndex.create();
    for (const article of all.filter((article, i) => i >= 20 || i % 3 !== 0)) fresh.add(article);
    fresh.toParts();
    const queries = QUERIES.slice(0, 16);
    const asMaps = (from: SearchIndex) => from.matchTerms(queries).map((answer) => new Map(idsOf(from, answer).map((id, i) => [id, answer.scores[i]])));
    const expected = asMaps(fresh);
    expect(asMaps(loaded)).toEqual(expected);
    await saveSnapshot(folder.path, loaded, coverage);
    // Saving moved the index onto the new file; it answers the same, and so does the file loaded afresh.
    expect(asMaps(loaded)).toEqual(expected);
    const reloaded = (await loadSnapshot(folder.path))!.index;
    expect(asMaps(reloaded)).toEqual(expected);
    expect(reloaded.size).toBe(fresh.size);
    loaded.close();
    reloaded.close();
  });

  it('keeps a record changed, removed or added after loading over the ones its columns hold, and saves them so', async () => {
    const index = SearchIndex.create();
    const articles = bbcArticles(3).slice(0, 6);
    for (const article of articles) index.add(article);
    await saveSnapshot(folder.path, index, coverage);
    const loaded = (await loadSnapshot(folder.path))!.index;
    const [first, second, third] = articles;
    loaded.updateRecord({ ...first!, tags: ['changed'], published: '2020-01-02', note: 'now annotated' });
    loaded.remove(second!.id);
    loaded.add(article({ id: 'late', title: 'Zanzibar', text: 'government', source: null, author: null, lang: 'en' }));
    const byId = (from: SearchIndex) => new Map(Array.from({ length: from.documentCount }, (_, doc) => from.record(doc)).filter((record) => record !== undefined).map((record) => [record.id, record]));
    const records = byId(loaded);
    expect(records.get(first!.id)).toMatchObject({ tags: ['changed'], published: '2020-01-02', note: 'now annotated' });
    expect(records.has(second!.id)).toBe(false);
    expect(records.get(third!.id)).toEqual(toSearchRecord(third!));
    expect(records.get('late')).toMatchObject({ title: 'Zanzibar' });
    // The order's keys agree with the records: the removed document has no id.
    const removedDoc = Array.from({ length: loaded.documentCount }, (_, doc) => doc).find((doc) => loaded.record(doc) === undefined)!;
    expect(loaded.keys.id(removedDoc)).toBeUndefined();
    expect(loaded.keys.published(0)).toBe('2020-01-02');
    expect([...loaded.annotatedDocs()]).toEqual([0]);
    // So do the fields facets count by: the changed record's, none for the removed, the added one's.
    const facetFields = (doc: number, of: (doc: number) => FacetFields | undefined) => {
      const fields = of(doc);
      return fields && { tags: fields.tags, source: fields.source, published: fields.published };
    };
    for (let doc = 0; doc < loaded.documentCount; doc++) expect(facetFields(doc, loaded.facetFields)).toEqual(facetFields(doc, (at) => loaded.record(at)));
    expect(facetFields(0, loaded.facetFields)).toEqual({ tags: ['changed'], source: first!.source, published: '2020-01-02' });
    await saveSnapshot(folder.path, loaded, coverage);
    const reloaded = (await loadSnapshot(folder.path))!.index;
    expect(byId(reloaded)).toEqual(records);
    loaded.close();
    reloaded.close();
  });

  it('reads its postings from the file when a query needs them, not when it is loaded', async () => {
    const index = SearchIndex.create();
    for (const article of bbcArticles(2)) index.add(article);
    await saveSnapshot(folder.path, index, coverage);
    const whole = await readFile(snapshotPath(folder.path));
    const loaded = (await loadSnapshot(folder.path))!.index;
    const government = [{ text: 'government', prefix: false, fuzzy: false, fields: null }];
    expect(loaded.matchTerms(government)[0]!.docs.length).toBeGreaterThan(0);
    // Cut the file short in place (the loaded index keeps it open): the postings are gone with it.
    await writeFile(snapshotPath(folder.path), whole.subarray(0, 64));
    expect(() => loaded.matchTerms(government)).toThrow(/^disk segment: the postings of 'government' are cut short \(\d+ of \d+ bytes\)$/u);
    loaded.close();
  });

  it('is not used when it is in the format of version 7, its header first and its postings loaded whole', async () => {
    // The shape version 7 wrote: magic line, u32 header length, JSON header, sections.
    const header = Buffer.from(JSON.stringify({ version: 7, terms: TERMS_VERSION, coverage, sections: [] }), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.byteLength, 0);
    await mkdir(join(folder.path, 'index'), { recursive: true });
    await writeFile(snapshotPath(folder.path), Buffer.concat([Buffer.from('CUTTINGS-INDEX\n', 'latin1'), length, header, Buffer.alloc(4096, 7)]));
    expect(await loadSnapshot(folder.path)).toBeNull();
  });

  it('is not used when it is truncated, damaged or of another version', async () => {
    const index = SearchIndex.create();
    for (const article of bbcArticles(3)) index.add(article);
    await saveSnapshot(folder.path, index, coverage);
    const whole = await readFile(snapshotPath(folder.path));
    await writeFile(snapshotPath(folder.path), whole.subarray(0, whole.length - 100));
    expect(await loadSnapshot(folder.path)).toBeNull();
    await writeFile(snapshotPath(folder.path), Buffer.from('not an index at all'));
    expect(await loadSnapshot(folder.path)).toBeNull();
    expect(whole.toString('latin1')).toContain(`"version":${SNAPSHOT_VERSION}`);
    const otherVersion = Buffer.from(whole.toString('latin1').replace(`"version":${SNAPSHOT_VERSION}`, '"version":1'), 'latin1');
    await writeFile(snapshotPath(folder.path), otherVersion);
    expect(await loadSnapshot(folder.path)).toBeNull();
    // Cut into words by another version of search-terms.ts (the first kept no joined forms, and no mark of its own).
    expect(whole.toString('latin1')).toContain(`"terms":${TERMS_VERSION}`);
    const otherTerms = Buffer.from(whole.toString('latin1').replace(`"terms":${TERMS_VERSION}`, '"terms":1'), 'latin1');
    await writeFile(snapshotPath(folder.path), otherTerms);
    expect(await loadSnapshot(folder.path)).toBeNull();
  });
});
