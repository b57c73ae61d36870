import { describe, expect, it } from 'vitest';
import { importFixture } from './import-into';

describe('a folder of saved pages', () => {
  it('clips every page in it and below it, skipping the _files folders and a page saved twice', async () => {
    const { report, records, texts } = await importFixture('saved-pages');
    expect(report.format).toBe('html-folder');
    expect(report.imported).toBe(2);
    expect(report.failed).toEqual([]);
    expect(report.duplicates).toEqual([{ item: 'file older/Geneva talks (copy).html', reason: 'the same page was already clipped into the library' }]);
    expect(records.map((r) => r.title)).toEqual(['Gas prices climb again across Europe', 'Geneva talks end without a breakthrough']);
    expect(records[1]).toMatchObject({ url: 'https://news.example.org/world/geneva-talks-end', published: '2022-01-21T16:40:00Z', provenance: { fileName: 'Geneva talks.html', method: 'import' } });
    expect(texts.get('Geneva talks end without a breakthrough')).toContain('exchange written proposals next week');
    expect([...texts.values()].join(' ')).not.toContain('Ad frame');
  });
});
