import { describe, expect, it } from 'vitest';
import { importFixture } from './import-into';

describe("wallabag's JSON export", () => {
  it('clips entries from their content with authors, date, site and tags; an entry without content stays URL-only', async () => {
    const { report, records, texts, second } = await importFixture('wallabag.json', { twice: true });
    expect(report).toMatchObject({ format: 'wallabag', imported: 2, urlOnly: 1, duplicates: [], failed: [] });
    const [talks, paywalled] = records;
    expect(talks).toMatchObject({
      title: 'Geneva talks end without a breakthrough',
      url: 'https://news.example.org/world/geneva-talks-end',
      source: 'news.example.org',
      author: 'Jane Doe, John Roe',
      published: '2022-01-21',
      tags: ['ukraine', 'diplomacy'],
    });
    expect(texts.get(talks!.title)).toContain('Both sides agreed to meet again & to exchange written proposals next week.');
    expect(paywalled).toMatchObject({ title: 'Page wallabag could not fetch', url: 'https://paywalled.example.com/story/42' });
    // Importing the same export again adds nothing.
    expect(second).toMatchObject({ imported: 0, failed: [] });
    expect(second!.duplicates).toHaveLength(2);
  });
});
