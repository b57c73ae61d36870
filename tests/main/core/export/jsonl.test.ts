import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportJsonl } from '../../../../main/core/export/jsonl';
import { Library } from '../../../../main/core/library';
import { SCHEMA_VERSION, toExportedArticle } from '../../../../main/core/export/schema';
import { readOwnJsonl } from '../../../../main/core/import/own-formats';
import { capturePath } from '../../../../main/core/storage/captures';
import { makeTempFolder, REPO_ROOT } from '../../../paths';
import { libraryWith, storedArticle, storedArticles } from './random-articles';

/** The built export worker (the unit tests' global set-up builds dist/). */
const EXPORT_WORKER = join(REPO_ROOT, 'dist', 'main', 'core', 'export-worker.js');

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

  it('writes the same file with the export worker as without, every article in order, and names a capture it cannot read', async () => {
    // Enough articles for the worker to take every other chunk of 500, the last one short.
    const items = fc.sample(storedArticle, { numRuns: 2_600, seed: 22 }).filter((item, i, all) => all.findIndex((other) => other.record.id === item.record.id) === i);
    const path = join(folder.path, 'lib');
    const plain = await libraryWith(path, items);
    const records = plain.list().map((a) => plain.record(a.id));
    const alone = join(folder.path, 'alone.jsonl');
    await exportJsonl(plain, records, alone);
    await plain.close();
    const library = await Library.open(path, { exportWorker: EXPORT_WORKER });
    try {
      const progress: number[] = [];
      const shared = join(folder.path, 'shared.jsonl');
      await exportJsonl(library, records, shared, { onProgress: (done) => progress.push(done) });
      const text = await readFile(shared, 'utf8');
      expect(text).toBe(await readFile(alone, 'utf8'));
      expect(text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line).id)).toEqual(records.map((record) => record.id));
      expect(progress.at(-1)).toBe(records.length);
      // A capture the worker's chunk cannot read (the second chunk is the worker's): the export fails naming it.
      const missing = records[700]!;
      await rm(capturePath(path, missing.id));
      await expect(exportJsonl(library, records, join(folder.path, 'broken.jsonl'))).rejects.toThrow(missing.id);
    } finally {
      await library.close();
    }
    // The worker is what wrote half of it: one that cannot start fails the export, saying so.
    const workerless = await Library.open(path, { readOnly: true, exportWorker: join(folder.path, 'no-such-worker.js') });
    try {
      await expect(exportJsonl(workerless, records.slice(0, 2_000), join(folder.path, 'none.jsonl'))).rejects.toThrow('export: the export worker stopped (');
    } finally {
      await workerless.close();
    }
  }, 120_000);
});
