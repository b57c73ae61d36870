import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../../../main/core/library';
import { makeTempFolder } from '../../../paths';

let folder: { path: string; remove: () => Promise<void> };
let library: Library;
beforeEach(async () => {
  folder = await makeTempFolder();
  library = await Library.open(join(folder.path, 'library'));
});
afterEach(async () => {
  await library.close();
  await folder.remove();
});

describe('saved searches', () => {
  it('keep a query under a name across reopening, replace by name and delete', async () => {
    await library.saveSearch('Ukraine talks', 'lavrov OR blinken tag:ukraine');
    await library.saveSearch('  Local  ', 'tag:local');
    expect(await library.saveSearch('ukraine TALKS', 'geneva')).toEqual([
      { name: 'Local', query: 'tag:local' },
      { name: 'ukraine TALKS', query: 'geneva' },
    ]);
    await library.close();
    library = await Library.open(join(folder.path, 'library'));
    expect(library.savedQuery('local')).toBe('tag:local');
    expect(await library.deleteSavedSearch('LOCAL')).toEqual([{ name: 'ukraine TALKS', query: 'geneva' }]);
  });

  it('refuse a query that does not parse, an empty name, and an unknown name', async () => {
    await expect(library.saveSearch('Broken', '(peace')).rejects.toThrow('query: unclosed parenthesis at 1: (peace');
    await expect(library.saveSearch('   ', 'peace')).rejects.toThrow('saved searches: a saved search needs a name');
    expect(() => library.savedQuery('nope')).toThrow('saved searches: there is no saved search named "nope"');
    expect(library.savedSearches()).toEqual([]);
  });

  it('do not keep a library from opening when their file is damaged', async () => {
    await library.saveSearch('Kept', 'peace');
    await library.close();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(folder.path, 'library', 'saved-searches.json'), '{ broken');
    library = await Library.open(join(folder.path, 'library'));
    expect(library.notices[0]).toMatch(/^saved searches: .*saved-searches\.json was damaged and moved to .*quarantine/u);
    expect(library.savedSearches()).toEqual([]);
  });
});

describe('search while the index loads', () => {
  it('answers from titles at once, says so, then answers in full once loaded', async () => {
    await library.addText({ text: 'Harbour reopens\n\nRepairs to the quay took all winter.' });
    await library.addText({ text: 'Council notes\n\nThe harbour master spoke to the council.' });
    await library.close();
    library = await Library.open(join(folder.path, 'library'), { titlesWhileLoading: true });
    expect(library.info().search.state).toBe('idle');
    const early = await library.search('harbour');
    expect(early).toMatchObject({ total: 1, titlesOnly: true });
    await library.prepareSearch();
    expect(library.info().search).toEqual({ state: 'ready', done: 2, total: 2 });
    const full = await library.search('harbour');
    expect(full.total).toBe(2);
    expect(full.titlesOnly).toBeUndefined();
  });
});
