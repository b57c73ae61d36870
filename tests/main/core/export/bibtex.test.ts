import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bibtexEntry, latexEscape } from '../../../../main/core/export/bibtex';
import { dateParts, oneLine, splitAuthors } from '../../../../main/core/export/citation-fields';
import { parseCitations } from './citation-js';
import { citableRecord } from './random-articles';

describe('BibLaTeX export', () => {
  it('citation-js reads every entry back: newspaper article, title, publication, authors, dates, address (random articles)', async () => {
    await fc.assert(
      fc.asyncProperty(citableRecord, async (record) => {
        const [parsed] = await parseCitations(bibtexEntry(record));
        expect(parsed).toMatchObject({ id: record.id, type: 'article-journal', genre: 'newspaper', title: oneLine(record.title) });
        expect(parsed!['container-title']).toBe(record.source ? oneLine(record.source) : undefined);
        expect(parsed!.URL).toBe(record.url ?? undefined);
        expect(parsed!.author ?? []).toEqual(splitAuthors(record.author));
        const issued = dateParts(record.published);
        expect(parsed!.issued).toEqual(issued ? { 'date-parts': [issued] } : undefined);
        expect(parsed!.accessed).toEqual({ 'date-parts': [dateParts(record.clipped)] });
        expect(parsed!.keyword).toBe(record.tags.length > 0 ? record.tags.map(oneLine).join(',') : undefined);
        // The user's note goes in BibLaTeX's annotation field, which citation-js reads as CSL's annote.
        expect(parsed!.annote).toBe(record.note ? oneLine(record.note) : undefined);
      }),
      { numRuns: 200 },
    );
  });

  it('braces a comma inside a tag, so that the tag stays one keyword', () => {
    const record = fc.sample(citableRecord, { numRuns: 1, seed: 1 })[0]!;
    expect(bibtexEntry({ ...record, tags: ['war, peace', 'berlin'] })).toContain('keywords = {war{,} peace, berlin},');
  });

  it('escapes what LaTeX would read as commands and keeps -- and quotes as typed', () => {
    expect(latexEscape('50% of $5 & #1 {x} a_b ^ ~ \\')).toBe('50\\% of \\$5 \\& \\#1 \\{x\\} a\\_b \\textasciicircum{} \\textasciitilde{} \\textbackslash{}');
    expect(latexEscape("a -- b ''c''")).toBe("a -{}- b '{}'c'{}'");
  });
});
