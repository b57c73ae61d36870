import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvCells, csvLine, exportCsv, joinTags, neutraliseFormulaCell, restoreFormulaCell, splitTags } from '../../../../main/core/export/csv';
import { parseCsv } from '../../../../main/core/import/csv-parse';
import { readOwnCsv } from '../../../../main/core/import/own-formats';
import { makeTempFolder } from '../../../paths';
import { awkwardText, libraryWith, storedArticles } from './random-articles';

let folder: Awaited<ReturnType<typeof makeTempFolder>>;
beforeEach(async () => {
  folder = await makeTempFolder();
});
afterEach(async () => {
  await folder.remove();
});

describe('CSV cells', () => {
  it('any row of cells survives writing and RFC 4180 parsing, formula guards undone', () => {
    fc.assert(
      fc.property(fc.array(awkwardText, { minLength: 1, maxLength: 8 }), (cells) => {
        // A row of one empty cell is a blank line, which is no record.
        fc.pre(!(cells.length === 1 && cells[0] === ''));
        const rows = parseCsv(csvLine(cells));
        expect(rows).toHaveLength(1);
        expect(rows[0]!.map(restoreFormulaCell)).toEqual(cells);
      }),
      { numRuns: 500 },
    );
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(neutraliseFormulaCell('=HYPERLINK("http://evil","x")')).toBe('\'=HYPERLINK("http://evil","x")');
    for (const start of ['+', '-', '@', '\t', '\r']) expect(neutraliseFormulaCell(`${start}1`)).toBe(`'${start}1`);
    expect(neutraliseFormulaCell("'kept")).toBe("''kept");
    expect(neutraliseFormulaCell('plain = text')).toBe('plain = text');
    expect(csvLine(['=1+1', 'a,b', 'say "hi"'])).toBe('\'=1+1,"a,b","say ""hi"""\r\n');
  });

  it('joins and splits tags, a ; or \\ inside a tag escaped', () => {
    const tags = ['ukraine/diplomacy', 'a;b', 'back\\slash', 'plain'];
    expect(joinTags(tags)).toBe('ukraine/diplomacy;a\\;b;back\\\\slash;plain');
    expect(splitTags(joinTags(tags))).toEqual(tags);
    expect(splitTags('')).toEqual([]);
  });
});

describe('CSV export', () => {
  it('writes the named columns, one row an article, and reads back the same (random articles)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(storedArticles, fc.boolean(), async (items, bom) => {
        const library = await libraryWith(join(folder.path, `lib${++run}`), items);
        try {
          const out = join(folder.path, `out${run}.csv`);
          const records = library.list().map((a) => library.record(a.id));
          await exportCsv(library, records, out, { text: true, bom });
          const text = await readFile(out, 'utf8');
          expect(text.startsWith('\uFEFF')).toBe(bom);
          const rows = parseCsv(text);
          expect(rows[0]).toEqual(['id', 'title', 'url', 'source', 'author', 'published', 'clipped', 'tags', 'words', 'sha256', 'note', 'highlights', 'text']);
          // The note as written, the highlights as JSON that parses back to their quotes and comments.
          for (const [at, record] of records.entries()) {
            const row = rows[at + 1]!.map(restoreFormulaCell);
            expect(row[10]).toBe(record.note ?? '');
            expect(row[11] === '' ? [] : JSON.parse(row[11]!)).toEqual((record.highlights ?? []).map(({ quote, comment }) => ({ quote, comment })));
          }
          const byId = new Map(items.map((item) => [item.record.id, item]));
          expect(rows.slice(1).map((row) => row.map(restoreFormulaCell))).toEqual(records.map((record) => csvCells(record, byId.get(record.id)!.content.text)));
          // No cell starts with what a spreadsheet would run.
          for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/u);
          const candidates = [...readOwnCsv(text, 'out.csv')];
          expect(candidates.map((c) => c.id)).toEqual(records.map((r) => r.id));
        } finally {
          await library.close();
        }
      }),
      { numRuns: 25 },
    );
  });

  it('leaves the text column out unless asked', async () => {
    const [item] = fc.sample(storedArticles, { numRuns: 1, seed: 7 })[0]!;
    const library = await libraryWith(join(folder.path, 'lib'), [item!]);
    try {
      const out = join(folder.path, 'out.csv');
      await exportCsv(library, [library.record(item!.record.id)], out);
      expect(parseCsv(await readFile(out, 'utf8'))[0]).toEqual(['id', 'title', 'url', 'source', 'author', 'published', 'clipped', 'tags', 'words', 'sha256', 'note', 'highlights']);
    } finally {
      await library.close();
    }
  });
});
