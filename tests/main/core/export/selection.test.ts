import { beforeEach, describe, expect, it } from 'vitest';
import { resolveSelection } from '../../../../main/core/export/selection';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary();
let ids: Record<string, string>;
beforeEach(async () => {
  ids = {};
  ids.talks = (await temp.library.addText({ text: 'Geneva talks\n\nLavrov and Blinken met in Geneva.', tags: ['Ukraine/diplomacy'] })).id;
  ids.war = (await temp.library.addText({ text: 'Front line report\n\nShelling continued overnight.', tags: ['ukraine'] })).id;
  ids.gas = (await temp.library.addText({ text: 'Gas prices\n\nPrices rose in Geneva markets.', tags: ['energy'] })).id;
});

const idsOf = (records: { id: string }[]) => records.map((record) => record.id);

describe('choosing what to export', () => {
  it('takes every article, newest first, when nothing is chosen', async () => {
    expect(idsOf(await resolveSelection(temp.library))).toEqual([ids.gas, ids.war, ids.talks]);
  });

  it('takes what a query finds, as search counts it', async () => {
    expect(idsOf(await resolveSelection(temp.library, { query: 'geneva' }))).toEqual([ids.gas, ids.talks]);
    expect(idsOf(await resolveSelection(temp.library, { query: 'geneva -tag:energy' }))).toEqual([ids.talks]);
    expect((await temp.library.search('geneva')).total).toBe(2);
    await expect(resolveSelection(temp.library, { query: '"unclosed' })).rejects.toThrow(/^query: unclosed quote/u);
  });

  it('takes a tag and the tags below it, in any case', async () => {
    expect(idsOf(await resolveSelection(temp.library, { tag: 'UKRAINE' }))).toEqual([ids.war, ids.talks]);
    expect(idsOf(await resolveSelection(temp.library, { tag: 'ukraine/diplomacy' }))).toEqual([ids.talks]);
    await expect(resolveSelection(temp.library, { tag: 'sport' })).rejects.toThrow('export: no article has the tag "sport"');
  });

  it('takes ids in the order given, once each, and names an unknown one', async () => {
    expect(idsOf(await resolveSelection(temp.library, { ids: [ids.talks!, ids.gas!, ids.talks!] }))).toEqual([ids.talks, ids.gas]);
    await expect(resolveSelection(temp.library, { ids: ['01NOPE'] })).rejects.toThrow('library: no article with id 01NOPE');
    await expect(resolveSelection(temp.library, { tag: 'energy', query: 'x' })).rejects.toThrow('export: choose articles by one of a query, a tag or ids, not several');
  });
});
