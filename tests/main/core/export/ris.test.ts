import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateParts, oneLine, splitAuthors } from '../../../../main/core/export/citation-fields';
import { risRecord } from '../../../../main/core/export/ris';
import { parseRis } from '../../../../main/core/import/ris';
import { parseCitations } from './citation-js';
import { citableRecord } from './random-articles';

describe('RIS export', () => {
  it('citation-js reads every record back as a newspaper article with its fields (random articles)', async () => {
    await fc.assert(
      fc.asyncProperty(citableRecord, async (record) => {
        const [parsed] = await parseCitations(risRecord(record));
        expect(parsed).toMatchObject({ type: 'article-newspaper', title: oneLine(record.title) });
        expect(parsed!['container-title']).toBe(record.source ? oneLine(record.source) : undefined);
        expect(parsed!.URL).toBe(record.url ?? undefined);
        const names = splitAuthors(record.author);
        // citation-js files the authors of a NEWS record under "reporter" (as text), as RIS's spec maps AU for that type.
        const people = JSON.stringify(parsed!.author ?? parsed!.reporter ?? '');
        for (const name of names) expect(people).toContain('literal' in name ? name.literal : name.family);
        // citation-js takes the year from PY; the whole date is in DA, as Zotero writes it (checked below).
        const issued = dateParts(record.published);
        expect(parsed!.issued).toEqual(issued ? { 'date-parts': [[issued[0]]] } : undefined);
      }),
      { numRuns: 200 },
    );
  });

  it('is strict RIS: every line a tag, every record closed (our own reader parses it back whole)', () => {
    fc.assert(
      fc.property(fc.array(citableRecord, { minLength: 1, maxLength: 5 }), (records) => {
        const parsed = parseRis(records.map(risRecord).join('\r\n'));
        expect(parsed).toHaveLength(records.length);
        parsed.forEach(({ record }, i) => {
          expect(record.get('TY')).toEqual(['NEWS']);
          expect(record.get('TI')).toEqual([oneLine(records[i]!.title)]);
          expect(record.get('KW') ?? []).toEqual(records[i]!.tags.map(oneLine));
          // The note, then each highlight with its comment, as N1 notes (Zotero makes each one a note).
          const { note, highlights = [] } = records[i]!;
          const notes = [...(note ? [oneLine(note)] : []), ...highlights.map((h) => `Highlight: “${oneLine(h.quote)}”${oneLine(h.comment) ? ` — ${oneLine(h.comment)}` : ''}`)];
          expect(record.get('N1') ?? []).toEqual(notes);
          const published = records[i]!.published;
          expect(record.get('DA')).toEqual(published ? [`${published.slice(0, 10).replace(/-/gu, '/')}/`] : undefined);
        });
      }),
      { numRuns: 100 },
    );
  });
});
