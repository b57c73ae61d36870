import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readOriginal } from '../../../../main/core/storage/captures';
import { snapshotPath } from '../../../../main/core/search/search-snapshot';
import { TERMS_VERSION } from '../../../../main/core/search/search-terms';
import { beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../../../main/core/library';
import { SEED_ARTICLE } from '../../../paths';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary();
let seed: string;

beforeEach(async () => {
  seed = await readFile(SEED_ARTICLE, 'utf8');
});

async function reopen(): Promise<Library> {
  return temp.reopen();
}

describe('Library.open', () => {
  it('creates the library layout in a new folder', async () => {
    const root = temp.path;
    expect((await readdir(root)).sort()).toEqual(['articles', 'backups', 'catalog', 'cuttings.json', 'lock']);
    const format = JSON.parse(await readFile(join(root, 'cuttings.json'), 'utf8'));
    expect(format).toMatchObject({ format: 'cuttings-library', version: 4 });
  });

  it('refuses a library written by a newer format, leaving it untouched', async () => {
    const root = join(temp.folder, 'future');
    await mkdir(root);
    const content = JSON.stringify({ format: 'cuttings-library', version: 99, created: '2030-01-01', createdBy: 'Cuttings 9' });
    await writeFile(join(root, 'cuttings.json'), content);
    await expect(Library.open(root)).rejects.toThrow(/uses format version 99, newer than this Cuttings/);
    expect(await readFile(join(root, 'cuttings.json'), 'utf8')).toBe(content);
    expect(await readdir(root)).toEqual(['cuttings.json']);
  });

  it('refuses a second writer while the first holds the lock, naming its process', async () => {
    await expect(Library.open(temp.path)).rejects.toThrow(
      `library ${temp.path} is in use by process ${process.pid}`,
    );
  });

  it('lets a reader open the library while a writer holds it', async () => {
    await temp.library.addText({ text: seed });
    const reader = await Library.open(temp.path, { readOnly: true });
    expect(reader.list()).toHaveLength(1);
    await expect(reader.addText({ text: seed })).rejects.toThrow(/is open read-only/);
    await reader.close();
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    await temp.library.close();
    const root = temp.path;
    const { hostname } = await import('node:os');
    await writeFile(join(root, 'lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: '2020-01-01' }));
    await temp.reopen();
    expect(JSON.parse(await readFile(join(root, 'lock'), 'utf8')).pid).toBe(process.pid);
  });

  it('says there is no library when a reader opens an empty folder', async () => {
    await expect(Library.open(join(temp.folder, 'nothing'), { readOnly: true })).rejects.toThrow(
      `library: there is no Cuttings library at ${join(temp.folder, 'nothing')}`,
    );
  });
});

describe('adding and reading articles', () => {
  it('clips the seed article and keeps it across closing and reopening', async () => {
    const added = await temp.library.addText({ text: seed, tags: ['ukraine'], source: 'Example Wire', published: '2022-01-21' });
    expect(added.title).toBe('US-Russia talks on Ukraine Lavrov: I don’t expect a breakthrough');
    await reopen();
    const [summary] = temp.library.list();
    expect(summary).toMatchObject({ id: added.id, source: 'Example Wire', published: '2022-01-21', tags: ['ukraine'] });
    const article = await temp.library.get(added.id);
    expect(article.text).toContain('Russian Foreign Minister Sergei Lavrov assured');
    expect(article.text).not.toContain('Read More About');
    expect(article.provenance).toMatchObject({ method: 'paste', appVersion: expect.any(String) });
    expect(article.provenance.originalSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the content and the original bytes in one capture file of its shard', async () => {
    const added = await temp.library.addText({ text: seed });
    const files = await readdir(join(temp.library.path, 'articles', added.id.slice(-2)));
    expect(files).toEqual([`${added.id}.capture`]);
    expect(await readOriginal(temp.library.path, added.id)).toEqual({ kind: 'txt', bytes: Buffer.from(seed, 'utf8') });
  });

  it('lists the newest clipped article first', async () => {
    const first = await temp.library.addText({ text: 'First\n\nThe first article has some words in it.' });
    const second = await temp.library.addText({ text: 'Second\n\nThe second article has other words in it.' });
    expect(temp.library.list().map((article) => article.id)).toEqual([second.id, first.id]);
  });

  it('refuses empty text and leaves the library unchanged', async () => {
    await expect(temp.library.addText({ text: '  \n\n ' })).rejects.toThrow('clip: pasted text is empty');
    expect(temp.library.list()).toEqual([]);
    expect(await readdir(join(temp.library.path, 'articles'))).toEqual([]);
    expect(await readdir(join(temp.library.path, 'catalog'))).toEqual([]);
  });

  it('refuses a published date that is neither YYYY-MM-DD nor a full ISO time, before storing anything', async () => {
    await expect(temp.library.addText({ text: seed, published: '21/01/2022' })).rejects.toThrow(
      'add: published date "21/01/2022" is not a date (YYYY-MM-DD, or a full ISO 8601 time such as 2024-03-05T09:30:00Z)',
    );
    await expect(temp.library.addText({ text: seed, published: '2022-02-30' })).rejects.toThrow(/2022-02-30/);
    await expect(temp.library.addText({ text: seed, published: '2022-02-03T09:30' })).rejects.toThrow(/2022-02-03T09:30/);
    expect(temp.library.list()).toEqual([]);
  });

  it('takes a published date as a full ISO 8601 time with its zone, as editing the details does', async () => {
    const article = await temp.library.addText({ text: seed, published: '2024-03-05T09:30:00+01:00' });
    expect(article.published).toBe('2024-03-05T09:30:00+01:00');
  });

  it('refuses a URL that is not http or https', async () => {
    await expect(temp.library.addText({ text: seed, url: 'javascript:alert(1)' })).rejects.toThrow(
      'add: "javascript:alert(1)" is not a web address (http or https)',
    );
  });

  it('names an unknown id', async () => {
    await expect(temp.library.get('01NOSUCHARTICLE')).rejects.toThrow('library: no article with id 01NOSUCHARTICLE');
  });

  it('stores an HTML page sanitised, with its metadata', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Harbour reopens | Gazette</title>
      <meta property="og:site_name" content="The Gazette"></head><body><article><h1>Harbour reopens</h1>
      ${'<p>The harbour reopened on Monday after repairs that took most of the winter and cost the town dearly. <img src="x" onerror="alert(1)"></p>'.repeat(6)}
      <script>alert(1)</script></article></body></html>`;
    const added = await temp.library.addHtml({ html, fileName: 'harbour.html' });
    const article = await temp.library.get(added.id);
    expect(article.source).toBe('The Gazette');
    expect(article.html).not.toMatch(/<script|onerror|alert/u);
    expect(article.text).toContain('The harbour reopened on Monday');
    expect(article.provenance).toMatchObject({ method: 'file', fileName: 'harbour.html' });
  });
});

describe('tags', () => {
  it('adds and removes tags and keeps them after reopening', async () => {
    const { id } = await temp.library.addText({ text: seed });
    expect(await temp.library.updateTags(id, ['ukraine', 'diplomacy/russia'], [])).toEqual(['ukraine', 'diplomacy/russia']);
    expect(await temp.library.updateTags(id, [], ['diplomacy/russia'])).toEqual(['ukraine']);
    await reopen();
    expect((await temp.library.get(id)).tags).toEqual(['ukraine']);
  });

  it('treats tags that differ only in case as one, written as first used', async () => {
    const a = await temp.library.addText({ text: 'One\n\nA first article about the harbour.' });
    const b = await temp.library.addText({ text: 'Two\n\nA second article about the harbour.' });
    await temp.library.updateTags(a.id, ['Ukraine'], []);
    expect(await temp.library.updateTags(b.id, ['UKRAINE'], [])).toEqual(['Ukraine']);
    expect(await temp.library.updateTags(b.id, ['ukraine'], [])).toEqual(['Ukraine']);
    expect(temp.library.listTags()).toEqual([{ tag: 'Ukraine', count: 2 }]);
  });

  it('refuses a tag of only spaces and changes nothing', async () => {
    const { id } = await temp.library.addText({ text: seed, tags: ['kept'] });
    await expect(temp.library.updateTags(id, ['   '], [])).rejects.toThrow('tags: "   " is not a tag: it has no letters or digits');
    expect((await temp.library.get(id)).tags).toEqual(['kept']);
  });
});

describe('search', () => {
  it('finds the seed article by a word in its text, with the word in the snippet', async () => {
    const { id } = await temp.library.addText({ text: seed });
    await temp.library.addText({ text: 'Harbour news\n\nThe harbour reopened after the storm.' });
    const results = await temp.library.search('Lavrov');
    expect(results.total).toBe(1);
    expect(results.hits[0]).toMatchObject({ id, terms: ['lavrov'] });
    expect(results.hits[0]!.snippet).toContain('Lavrov');
  });

  it('ANDs words, matches the last as a prefix, and folds case and diacritics', async () => {
    await temp.library.addText({ text: seed });
    await temp.library.addText({ text: 'Zürich notes\n\nThe bank in Zürich raised its rates on Tuesday.' });
    expect((await temp.library.search('lavr')).total).toBe(1);
    expect((await temp.library.search('LAVROV blinken')).total).toBe(1);
    expect((await temp.library.search('lavrov zurich')).total).toBe(0);
    expect((await temp.library.search('zurich')).hits[0]!.title).toBe('Zürich notes');
  });

  it('finds Chinese words inside sentences, and Cyrillic and Greek whatever their case and accents', async () => {
    await temp.library.addText({ text: '北京新闻\n\n我爱北京天安门，天安门上太阳升。' });
    await temp.library.addText({ text: 'Переговоры\n\nСергей ЛАВРОВ встретился с Блинкеном в Женеве.' });
    await temp.library.addText({ text: 'Ειδήσεις\n\nΗ συνάντηση έγινε στην Αθήνα την Παρασκευή.' });
    expect((await temp.library.search('北京')).total).toBe(1);
    expect((await temp.library.search('天安门')).total).toBe(1);
    expect((await temp.library.search('门天')).total).toBe(0);
    expect((await temp.library.search('лавров')).total).toBe(1);
    expect((await temp.library.search('αθηνα')).total).toBe(1);
  });

  it('finds hyphenated words whole and by their parts', async () => {
    await temp.library.addText({ text: seed });
    expect((await temp.library.search('us-russia')).total).toBe(1);
    expect((await temp.library.search('russia talks')).total).toBe(1);
  });

  it('finds a hyphenated word as typed, whole or as a phrase, and by its joined form, whatever stop words are in it', async () => {
    const { id } = await temp.library.addText({ text: 'Filters\n\nState-of-the-art e-mail filters for e-commerce sites.' });
    const { id: joined } = await temp.library.addText({ text: 'Inbox\n\nNew email filters for ecommerce sites.' });
    const found = async (query: string) => (await temp.library.search(`${query} `)).hits.map((hit) => hit.id).sort();
    expect(await found('state-of-the-art')).toEqual([id]);
    expect(await found('"state-of-the-art"')).toEqual([id]);
    expect(await found('"state-of-the-art e-mail"')).toEqual([id]);
    expect(await found('email')).toEqual([id, joined].sort());
    expect(await found('ecommerce')).toEqual([id, joined].sort());
    expect(await found('e-mail')).toEqual([id, joined].sort());
    // A phrase matches however its words are hyphenated.
    expect(await found('"e-mail filters"')).toEqual([id, joined].sort());
    expect(await found('"email filters"')).toEqual([id, joined].sort());
    expect(await found('"state of the art"')).toEqual([id]);
    expect(await found('"art e-mail"')).toEqual([id]);
    expect(await found('"email sites"')).toEqual([]);
    // What matched is what the window marks: the whole hyphenated word for `email`.
    const [hit] = (await temp.library.search('email ')).hits.filter((result) => result.id === id);
    expect(hit!.snippet).toContain('e-mail');
    expect(hit!.terms).toEqual(['email']);
  });

  it('rebuilds a search index snapshot whose words were cut by an older version', async () => {
    const { id } = await temp.library.addText({ text: 'Filters\n\nState-of-the-art e-mail filters.' });
    await temp.library.prepareSearch();
    await temp.library.close();
    const path = snapshotPath(temp.path);
    const saved = (await readFile(path)).toString('latin1');
    expect(saved).toContain(`"terms":${TERMS_VERSION}`);
    await writeFile(path, Buffer.from(saved.replace(`"terms":${TERMS_VERSION}`, '"terms":1'), 'latin1'));
    await temp.reopen();
    expect((await temp.library.search('email ')).hits.map((hit) => hit.id)).toEqual([id]);
  });

  it('leaves stop words out of texts, not titles, and searches a query made only of them as it is', async () => {
    await temp.library.addText({ text: seed });
    await temp.library.addText({ text: 'The Who\n\nA concert review: the band played for two hours.' });
    expect((await temp.library.search('the talks with Lavrov')).total).toBe(1);
    expect((await temp.library.search('the who')).hits.map((hit) => hit.title)).toEqual(['The Who']);
    expect((await temp.library.search('who concert')).total).toBe(1);
  });

  it('indexes an article added after the first search', async () => {
    await temp.library.addText({ text: seed });
    expect((await temp.library.search('harbour')).total).toBe(0);
    await temp.library.addText({ text: 'Harbour news\n\nThe harbour reopened after the storm.' });
    expect((await temp.library.search('harbour')).total).toBe(1);
  });

  it('filters by tag, a parent tag including its children', async () => {
    const a = await temp.library.addText({ text: seed, tags: ['ukraine/diplomacy'] });
    await temp.library.addText({ text: 'Harbour news\n\nLavrov did not visit the harbour.', tags: ['local'] });
    const results = await temp.library.search('lavrov tag:ukraine');
    expect(results.hits.map((hit) => hit.id)).toEqual([a.id]);
    expect((await temp.library.search('tag:Ukraine/Diplomacy')).total).toBe(1);
  });

  it('sees a tag edit at once once the index is loaded, and after reopening from the snapshot', async () => {
    const a = await temp.library.addText({ text: seed });
    expect((await temp.library.search('lavrov tag:talks')).total).toBe(0);
    await temp.library.updateTags(a.id, ['talks'], []);
    expect((await temp.library.search('lavrov tag:talks')).total).toBe(1);
    expect((await temp.library.search('lavrov')).facets.tags).toEqual({ talks: 1 });
    await reopen();
    expect((await temp.library.search('lavrov tag:talks')).total).toBe(1);
  });

  it('catches up with a tag edited while the index was not loaded', async () => {
    const a = await temp.library.addText({ text: seed });
    await temp.library.search('lavrov');
    await reopen(); // saves the snapshot
    await temp.library.updateTags(a.id, ['geneva'], []); // before any search: the index is not loaded
    await reopen();
    expect((await temp.library.search('lavrov tag:geneva')).total).toBe(1);
  });

  it('pages through results and reports the total', async () => {
    for (let i = 0; i < 5; i++) await temp.library.addText({ text: `Report ${i}\n\nThe committee met again on day ${i}.` });
    const page = await temp.library.search('committee', { limit: 2, offset: 2 });
    expect(page.total).toBe(5);
    expect(page.hits).toHaveLength(2);
  });
});
