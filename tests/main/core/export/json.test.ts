import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportJson } from '../../../../main/core/export/json';
import { SCHEMA_VERSION, toExportedArticle } from '../../../../main/core/export/schema';
import { readOwnJson } from '../../../../main/core/import/own-formats';
import { makeTempFolder } from '../../../paths';
import { libraryWith, storedArticles } from './random-articles';

let folder: Awaited<ReturnType<typeof makeTempFolder>>;
beforeEach(async () => {
  folder = await makeTempFolder();
});
afterEach(async () => {
  await folder.remove();
});

describe('JSON export', () => {
  it('is one document with format, schemaVersion and every article whole (random articles)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(storedArticles, async (items) => {
        const library = await libraryWith(join(folder.path, `lib${++run}`), items);
        try {
          const out = join(folder.path, `out${run}.json`);
          const records = library.list().map((a) => library.record(a.id));
          await exportJson(library, records, out, { now: new Date('2024-05-06T07:08:09Z') });
          const text = await readFile(out, 'utf8');
          const document = JSON.parse(text);
          expect(document).toMatchObject({ format: 'cuttings.articles', schemaVersion: SCHEMA_VERSION, exported: '2024-05-06T07:08:09.000Z', count: items.length });
          const byId = new Map(items.map((item) => [item.record.id, item]));
          expect(document.articles.map((a: { id: string }) => a.id)).toEqual(records.map((r) => r.id));
          for (const article of document.articles) expect(article).toEqual(toExportedArticle(byId.get(article.id)!.record, byId.get(article.id)!.content));
          // Each article's note and highlights, the highlights with their offsets into the text.
          for (const article of document.articles) {
            const { record, content } = byId.get(article.id)!;
            expect(article.note).toBe(record.note ?? '');
            expect(article.highlights).toHaveLength(record.highlights?.length ?? 0);
            for (const highlight of article.highlights) expect(content.text.slice(highlight.start, highlight.end)).toBe(highlight.quote.trim());
          }
          const candidates = [...readOwnJson(text, 'out.json')];
          expect(candidates.map((c) => c.id)).toEqual(records.map((r) => r.id));
        } finally {
          await library.close();
        }
      }),
      { numRuns: 25 },
    );
  });

  it('refuses a file written with a newer schema, naming both versions', () => {
    const newer = JSON.stringify({ format: 'cuttings.articles', schemaVersion: 9, articles: [] });
    expect(() => [...readOwnJson(newer, 'future.json')]).toThrow(`import: future.json was written with schema version 9; this Cuttings reads up to ${SCHEMA_VERSION}`);
  });
});
