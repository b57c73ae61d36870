import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary();

describe('saved searches', () => {
  it('keep a query under a name across reopening, replace by name and delete', async () => {
    await temp.library.saveSearch('Ukraine talks', 'lavrov OR blinken tag:ukraine');
    await temp.library.saveSearch('  Local  ', 'tag:local');
    expect(await temp.library.saveSearch('ukraine TALKS', 'geneva')).toEqual([
      { name: 'Local', query: 'tag:local' },
      { name: 'ukraine TALKS', query: 'geneva' },
    ]);
    await temp.reopen();
    expect(temp.library.savedQuery('local')).toBe('tag:local');
    expect(await temp.library.deleteSavedSearch('LOCAL')).toEqual([{ name: 'ukraine TALKS', query: 'geneva' }]);
  });

  it('refuse a query that does not parse, an empty name, and an unknown name', async () => {
    await expect(temp.library.saveSearch('Broken', '(peace')).rejects.toThrow('query: unclosed parenthesis at 1: (peace');
    await expect(temp.library.saveSearch('   ', 'peace')).rejects.toThrow('saved searches: a saved search needs a name');
    expect(() => temp.library.savedQuery('nope')).toThrow('saved searches: there is no saved search named "nope"');
    expect(temp.library.savedSearches()).toEqual([]);
  });

  it('do not keep a library from opening when their file is damaged', async () => {
    await temp.library.saveSearch('Kept', 'peace');
    await temp.library.close();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(temp.folder, 'library', 'saved-searches.json'), '{ broken');
    await temp.reopen();
    expect(temp.library.notices[0]).toMatch(/^saved searches: .*saved-searches\.json was damaged and moved to .*quarantine/u);
    expect(temp.library.savedSearches()).toEqual([]);
  });
});

describe('search while the index loads', () => {
  it('answers from titles at once, says so, then answers in full once loaded', async () => {
    await temp.library.addText({ text: 'Harbour reopens\n\nRepairs to the quay took all winter.' });
    await temp.library.addText({ text: 'Council notes\n\nThe harbour master spoke to the council.' });
    await temp.reopen({ titlesWhileLoading: true });
    expect(temp.library.info().search.state).toBe('idle');
    const early = await temp.library.search('harbour');
    expect(early).toMatchObject({ total: 1, titlesOnly: true });
    await temp.library.prepareSearch();
    expect(temp.library.info().search).toEqual({ state: 'ready', done: 2, total: 2 });
    const full = await temp.library.search('harbour');
    expect(full.total).toBe(2);
    expect(full.titlesOnly).toBeUndefined();
  });
});
