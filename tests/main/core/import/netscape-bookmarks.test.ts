import { describe, expect, it } from 'vitest';
import { importFixture } from './import-into';

describe('Netscape bookmark HTML', () => {
  it('keeps every web bookmark with its TAGS and description, and refuses a javascript: link by name', async () => {
    const { report, records, texts } = await importFixture('bookmarks.html');
    expect(report.format).toBe('bookmarks');
    expect(report.imported).toBe(3);
    expect(report.urlOnly).toBe(2);
    expect(report.failed).toEqual([{ item: 'bookmark 3 (javascript:alert(document.cookie))', message: 'not a web address (http or https)' }]);
    expect(records.map((r) => [r.title, r.url, r.tags])).toEqual([
      ['Gas prices in Europe — the numbers', 'https://data.example.com/energy/gas-prices', ['energy']],
      ['Ukraine talks in Geneva & what comes next', 'https://news.example.org/world/ukraine-geneva-talks', ['ukraine', 'diplomacy']],
      ['Zürich votes on the new tram line', 'https://www.example.net/stories/z%C3%BCrich-vote', []],
    ]);
    expect(texts.get('Ukraine talks in Geneva & what comes next')).toBe('Blinken and Lavrov agreed to keep talking; no breakthrough.');
  });
});
