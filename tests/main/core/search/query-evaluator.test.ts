import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_ARTICLE } from '../../../paths';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary({}, 'file');
const ids: Record<string, string> = {};

beforeAll(async () => {
  ids.seed = (await temp.library.addText({ text: await readFile(SEED_ARTICLE, 'utf8'), tags: ['ukraine/diplomacy'], source: 'Example Wire', published: '2022-01-21' })).id;
  ids.peace = (await temp.library.addText({ text: 'Peace talks stall\n\nThe talks on peace stalled in Geneva. Peace is far off.', tags: ['ukraine'], source: 'BBC News', published: '2021-06-15' })).id;
  ids.harbour = (await temp.library.addText({ text: 'Harbour reopens\n\nThe harbour in Zürich reopened after talks with the council.', tags: ['local'], source: 'The Gazette', published: '2020-02-29' })).id;
  ids.undated = (await temp.library.addText({ text: 'Council notes\n\nThe council met; no talks were held about peace talks.', tags: ['local/council'] })).id;
});

async function found(query: string, sort?: 'relevance' | 'published' | 'clipped'): Promise<string[]> {
  const results = await temp.library.search(query, { limit: 100, sort });
  const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return results.hits.map((hit) => names[hit.id]!);
}

describe('the query language over a library', () => {
  it('matches a phrase as a sequence, not just all its words', async () => {
    expect((await found('"peace talks"')).sort()).toEqual(['peace', 'undated']);
    expect(await found('"talks peace"')).toEqual([]);
    expect(await found('"Sergei Lavrov"')).toEqual(['seed']);
  });

  it('combines OR, NOT and -word', async () => {
    expect((await found('geneva OR zurich')).sort()).toEqual(['harbour', 'peace', 'seed']);
    expect((await found('talks -peace')).sort()).toEqual(['harbour', 'seed']);
    expect((await found('talks NOT (peace OR harbour)')).sort()).toEqual(['seed']);
  });

  it('matches prefixes and near spellings', async () => {
    expect(await found('blink*')).toEqual(['seed']);
    expect(await found('lavrof~')).toEqual(['seed']);
  });

  it('filters by tag with its children, source, title, url, lang and dates', async () => {
    expect((await found('tag:ukraine')).sort()).toEqual(['peace', 'seed']);
    expect(await found('tag:ukraine/diplomacy')).toEqual(['seed']);
    expect((await found('tag:local talks')).sort()).toEqual(['harbour', 'undated']);
    expect(await found('source:"bbc news"')).toEqual(['peace']);
    expect(await found('title:harbour')).toEqual(['harbour']);
    expect(await found('published:2022')).toEqual(['seed']);
    expect(await found('published:2020-02')).toEqual(['harbour']);
    expect((await found('published:2020..2021-06')).sort()).toEqual(['harbour', 'peace']);
    expect(await found('published:>2021-06-15')).toEqual(['seed']);
    expect((await found(`clipped:${new Date().toISOString().slice(0, 4)}`)).length).toBe(4);
    expect(await found('-tag:local -tag:ukraine')).toEqual([]);
  });

  it('sorts by relevance, publication date or clip date', async () => {
    expect(await found('talks', 'published')).toEqual(['seed', 'peace', 'harbour', 'undated']);
    expect(await found('talks', 'clipped')).toEqual(['undated', 'harbour', 'peace', 'seed']);
    expect((await found('peace', 'relevance'))[0]).toBe('peace');
  });

  it('counts the whole result set by tag, source and year', async () => {
    const { facets, total } = await temp.library.search('talks', { limit: 1 });
    expect(total).toBe(4);
    expect(facets.tags).toEqual({ ukraine: 2, 'ukraine/diplomacy': 1, local: 2, 'local/council': 1 });
    expect(facets.sources).toEqual({ 'Example Wire': 1, 'BBC News': 1, 'The Gazette': 1 });
    expect(facets.years).toMatchObject({ '2022': 1, '2021': 1, '2020': 1 });
  });

  it('refuses a query that does not parse, naming the fault and where', async () => {
    await expect(temp.library.search('lavrov "peace talks')).rejects.toThrow('query: unclosed quote at 8: …"peace talks');
    await expect(temp.library.search('published:2022-02-30')).rejects.toThrow(/published: 2022-02-30 does not exist/u);
  });

  it('marks the words that matched for snippets, not the excluded ones', async () => {
    const { hits } = await temp.library.search('zurich -peace');
    expect(hits[0]!.terms).toEqual(['zurich']);
    expect(hits[0]!.snippet).toContain('Zürich');
  });
});
