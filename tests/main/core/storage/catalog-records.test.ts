import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../../main/core/storage/article-record';
import { CatalogRecords } from '../../../../main/core/storage/catalog-records';
import { testRecord } from './test-record';

const record = testRecord;

describe('the catalog records in memory', () => {
  it('counts tags through edits and removals, keeping the first spelling met', () => {
    const records = new CatalogRecords();
    records.settle([['01A', record('01A', ['Ukraine', 'budget'])], ['01B', record('01B', ['ukraine'])]]);
    expect(records.tags()).toEqual([{ tag: 'Ukraine', count: 2 }, { tag: 'budget', count: 1 }]);
    records.settle([['01A', record('01A', ['budget'])]]);
    // The spelling first met stays while any article carries the tag.
    expect(records.tags()).toEqual([{ tag: 'budget', count: 1 }, { tag: 'Ukraine', count: 1 }]);
    records.settle([['01B', null]]);
    expect(records.tags()).toEqual([{ tag: 'budget', count: 1 }]);
    expect(records.size).toBe(1);
  });

  it('lists newest first, and shows an edited record in its place', () => {
    const records = new CatalogRecords();
    records.settle(['01A', '01C', '01B'].map((id) => [id, record(id, [])] as [string, ArticleRecord]));
    expect(records.all().map((each) => each.id)).toEqual(['01C', '01B', '01A']);
    records.settle([['01B', record('01B', ['edited'])]]);
    expect(records.all().map((each) => [each.id, each.tags])).toEqual([['01C', []], ['01B', ['edited']], ['01A', []]]);
    records.settle([['01D', record('01D', [])], ['01C', null]]);
    expect(records.all().map((each) => each.id)).toEqual(['01D', '01B', '01A']);
  });
});

describe('watching the catalog records', () => {
  it('tells a watcher of each record taken in or let go, with the record it replaces', () => {
    const records = new CatalogRecords();
    const first = record('01A', ['a']);
    records.settle([['01A', first]]);
    const told: [string, string[] | null, string[] | undefined][] = [];
    records.watch((id, now, before) => told.push([id, now?.tags ?? null, before?.tags]));
    records.settle([['01A', record('01A', ['b'])], ['01B', record('01B', [])], ['01A', null], ['01C', null]]);
    // Letting go of an article that is not there tells nothing.
    expect(told).toEqual([
      ['01A', ['b'], ['a']],
      ['01B', [], undefined],
      ['01A', null, ['b']],
    ]);
  });
});
