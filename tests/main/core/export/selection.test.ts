import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveSelection } from '../../../../main/core/export/selection';
import { Library } from '../../../../main/core/library';
import { makeTempFolder } from '../../../paths';

let folder: Awaited<ReturnType<typeof makeTempFolder>>;
let library: Library;
let ids: Record<string, string>;
beforeEach(async () => {
  folder = await makeTempFolder();
  library = await Library.open(join(folder.path, 'lib'));
  ids = {};
  ids.talks = (await library.addText({ text: 'Geneva talks\n\nLavrov and Blinken met in Geneva.', tags: ['Ukraine/diplomacy'] })).id;
  ids.war = (await library.addText({ text: 'Front line report\n\nShelling continued overnight.', tags: ['ukraine'] })).id;
  ids.gas = (await library.addText({ text: 'Gas prices\n\nPrices rose in Geneva markets.', tags: ['energy'] })).id;
});
afterEach(async () => {
  await library.close();
  await folder.remove();
});

const idsOf = (records: { id: string }[]) => records.map((record) => record.id);

describe('choosing what to export', () => {
  it('takes every article, newest first, when nothing is chosen', async () => {
    expect(idsOf(await resolveSelection(library))).toEqual([ids.gas, ids.war, ids.talks]);
  });

  it('takes what a query finds, as search counts it', async () => {
    expect(idsOf(await resolveSelection(library, { query: 'geneva' }))).toEqual([ids.gas, ids.talks]);
    expect(idsOf(await resolveSelection(library, { query: 'geneva -tag:energy' }))).toEqual([ids.talks]);
    expect((await library.search('geneva')).total).toBe(2);
    await expect(resolveSelection(library, { query: '"unclosed' })).rejects.toThrow(/^query: unclosed quote/u);
  });

  it('takes a tag and the tags below it, in any case', async () => {
    expect(idsOf(await resolveSelection(library, { tag: 'UKRAINE' }))).toEqual([ids.war, ids.talks]);
    expect(idsOf(await resolveSelection(library, { tag: 'ukraine/diplomacy' }))).toEqual([ids.talks]);
    await expect(resolveSelection(library, { tag: 'sport' })).rejects.toThrow('export: no article has the tag "sport"');
  });

  it('takes ids in the order given, once each, and names an unknown one', async () => {
    expect(idsOf(await resolveSelection(library, { ids: [ids.talks!, ids.gas!, ids.talks!] }))).toEqual([ids.talks, ids.gas]);
    await expect(resolveSelection(library, { ids: ['01NOPE'] })).rejects.toThrow('library: no article with id 01NOPE');
    await expect(resolveSelection(library, { tag: 'energy', query: 'x' })).rejects.toThrow('export: choose articles by one of a query, a tag or ids, not several');
  });
});
