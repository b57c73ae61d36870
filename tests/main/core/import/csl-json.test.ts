import { describe, expect, it } from 'vitest';
import { importFixture } from './import-into';

describe('Zotero CSL-JSON', () => {
  it('reads title, publication, authors, date and address; an abstract becomes the text, otherwise URL-only', async () => {
    const { report, records, texts } = await importFixture('zotero-csl.json');
    expect(report).toMatchObject({ format: 'csl', imported: 2, urlOnly: 1, duplicates: [], failed: [] });
    const [quotidien, daily] = records;
    expect(daily).toMatchObject({
      title: 'US and Russia agree to keep talking after Geneva meeting',
      source: 'The Daily Example',
      author: 'Julia Borger, Example Wire Staff',
      published: '2022-01-21',
      url: 'https://daily.example.co.uk/world/2022/jan/21/us-russia-geneva',
    });
    expect(texts.get(daily!.title)).toBe('The US secretary of state and the Russian foreign minister met in Geneva for 90 minutes and agreed to keep talking.');
    // A month without a day is no calendar date: left out rather than invented.
    expect(quotidien).toMatchObject({ title: 'Genève : pas de percée', source: 'Le Quotidien', published: null });
  });
});
