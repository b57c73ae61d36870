import { describe, expect, it } from 'vitest';
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

  it('counts a shard not read by its summary until its records take its place', () => {
    const records = new CatalogRecords();
    records.settle([['01A', record('01A', ['Ukraine'])]]);
    const summary = { count: 2, tags: [['ukraine', 2], ['budget', 1]] as [string, number][] };
    records.countSummarised(summary, 1);
    expect(records.size).toBe(3);
    expect(records.tags()).toEqual([{ tag: 'Ukraine', count: 3 }, { tag: 'budget', count: 1 }]);
    records.settle([['01B', record('01B', ['ukraine', 'budget'])], ['01C', record('01C', ['ukraine'])]]);
    records.countSummarised(summary, -1);
    expect(records.size).toBe(3);
    expect(records.tags()).toEqual([{ tag: 'Ukraine', count: 3 }, { tag: 'budget', count: 1 }]);
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
