import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportJsonl } from '../../../../main/core/export/jsonl';
import { SCHEMA_VERSION, toExportedArticle } from '../../../../main/core/export/schema';
import { readOwnJsonl } from '../../../../main/core/import/own-formats';
import { makeTempFolder } from '../../../paths';
import { libraryWith, storedArticles } from './random-articles';

let folder: Awaited<ReturnType<typeof makeTempFolder>>;
beforeEach(async () => {
  folder = await makeTempFolder();
});
afterEach(async () => {
  await folder.remove();
});

describe('JSONL export', () => {
  it('writes every field of every article, one a line, and reads back the same (random articles)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(storedArticles, async (items) => {
        const library = await libraryWith(join(folder.path, `lib${++run}`), items);
        try {
          const out = join(folder.path, `out${run}.jsonl`);
          await exportJsonl(library, library.list().map((a) => library.record(a.id)), out);
          const text = await readFile(out, 'utf8');
          const lines = text.split('\n').filter((line) => line !== '');
          expect(lines).toHaveLength(items.length);
          const byId = new Map(items.map((item) => [item.record.id, item]));
          for (const line of lines) {
            const parsed = JSON.parse(line);
            const item = byId.get(parsed.id)!;
            expect(parsed).toEqual(toExportedArticle(item.record, item.content));
            expect(parsed.schemaVersion).toBe(SCHEMA_VERSION);
            expect(parsed.note).toBe(item.record.note ?? '');
            expect(parsed.highlights.map((h: { comment: string }) => h.comment)).toEqual((item.record.highlights ?? []).map((h) => h.comment));
          }
          // Our own reader turns each line back into an article with the same metadata and text.
          const candidates = [...readOwnJsonl(text)];
          for (const candidate of candidates) {
            const item = byId.get(candidate.id!)!;
            expect(candidate.textSha256).toBe(item.record.provenance.textSha256);
            if (item.content.text.trim() !== '') {
              expect(candidate.item?.kind).toBe('text');
              const request = candidate.item!.request as { text: string; title?: string; tags?: string[]; url?: string };
              expect(request.text.endsWith(item.content.text)).toBe(true);
              expect(request.tags).toEqual(item.record.tags);
              expect(request.url ?? null).toBe(item.record.url?.trim() || null);
            }
          }
        } finally {
          await library.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
