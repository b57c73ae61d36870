import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateParts, splitAuthors } from '../../../../main/core/export/citation-fields';
import { cslItem } from '../../../../main/core/export/csl';
import { parseCitations } from './citation-js';
import { citableRecord } from './random-articles';

describe('CSL-JSON export', () => {
  it('citation-js takes the items as they are: article-newspaper with every field (random articles)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(citableRecord, { minLength: 1, maxLength: 4 }), async (records) => {
        const parsed = await parseCitations(JSON.stringify(records.map(cslItem)));
        expect(parsed).toHaveLength(records.length);
        parsed.forEach((item, i) => {
          const record = records[i]!;
          expect(item).toMatchObject({ id: record.id, type: 'article-newspaper', title: record.title });
          expect(item['container-title']).toBe(record.source ?? undefined);
          expect(item.author ?? []).toEqual(splitAuthors(record.author));
          const issued = dateParts(record.published);
          expect(item.issued).toEqual(issued ? { 'date-parts': [issued] } : undefined);
        });
      }),
      { numRuns: 100 },
    );
  });
});
