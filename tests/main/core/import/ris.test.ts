import { describe, expect, it } from 'vitest';
import { parseRis } from '../../../../main/core/import/ris';
import { importFixture } from './import-into';

describe('Zotero RIS', () => {
  it('reads NEWS records: title, authors, publication, date, keywords as tags, a wrapped abstract as the text', async () => {
    const { report, records, texts } = await importFixture('zotero.ris');
    expect(report).toMatchObject({ format: 'ris', imported: 2, urlOnly: 1, duplicates: [], failed: [] });
    const [quotidien, daily] = records;
    expect(daily).toMatchObject({
      title: 'US and Russia agree to keep talking after Geneva meeting',
      author: 'Julia Borger, John Roe',
      source: 'The Daily Example',
      published: '2022-01-21',
      tags: ['Ukraine', 'Russia/diplomacy'],
    });
    expect(texts.get(daily!.title)).toBe('The US secretary of state and the Russian foreign minister met in Geneva for 90 minutes and agreed to keep talking.');
    expect(quotidien).toMatchObject({ title: 'Genève : pas de percée', url: 'https://quotidien.example.fr/monde/geneve-pas-de-percee', published: null });
  });

  it('names the line of a record that never ends', () => {
    expect(() => parseRis('TY  - NEWS\nTI  - Open\n', 'x.ris')).toThrow('x.ris: the record from line 1 never ends with "ER  - "');
    expect(() => parseRis('TI  - Stray\nER  - \n', 'x.ris')).toThrow('x.ris line 1: TI outside a record (records start with "TY  - ")');
  });
});
