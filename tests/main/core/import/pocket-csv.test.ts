import { describe, expect, it } from 'vitest';
import { importFixture } from './import-into';

describe("Pocket's CSV export", () => {
  it('keeps each item as a URL-only record with its tags, skips the same address twice and fails a row with none', async () => {
    const { report, records, texts } = await importFixture('pocket.csv');
    expect(report.format).toBe('pocket');
    expect(report.imported).toBe(3);
    expect(report.urlOnly).toBe(3);
    expect(report.duplicates).toEqual([{ item: 'row 5', reason: 'an article from https://finance.example.com/2022/01/rates-hold is already in the library' }]);
    expect(report.failed).toEqual([{ item: 'row 6', message: 'it has neither text nor a web address' }]);
    expect(records.map((r) => [r.title, r.url, r.tags])).toEqual([
      ['A "quoted" headline', 'https://www.example.net/stories/quoted', ['media']],
      ['Central bank holds rates', 'https://finance.example.com/2022/01/rates-hold?utm_source=pocket_mylist', []],
      ['Ukraine talks: Blinken and Lavrov meet in Geneva, agree to keep talking', 'https://news.example.org/world/ukraine-geneva-talks', ['ukraine', 'diplomacy']],
    ]);
    expect(texts.get('A "quoted" headline')).toBe('https://www.example.net/stories/quoted');
    expect(records.every((r) => r.provenance.method === 'import')).toBe(true);
  });
});
