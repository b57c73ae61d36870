/**
 * fast-check arbitraries for whole articles as a library stores them (record, capture,
 * original), with the awkward text research data carries: any Unicode, quotes, commas,
 * line breaks, text a spreadsheet would run as a formula, and empty fields. Shared by the
 * round-trip properties of the export formats.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { anchorOf } from '../../../../common/highlight-anchor';
import { normaliseTag } from '../../../../common/tags';
import type { ArticleRecord } from '../../../../main/core/storage/article-record';
import { Library, type RestoreItem } from '../../../../main/core/library';

const AWKWARD = ['=SUM(A1:A9)', '+1', '-2', '@cmd', '\t=1', '\r=1', "'=quoted", 'a,b', 'say "hi"', 'two\nlines', 'crlf\r\nline', '', ' ', '\\', ';', 'é', '東京', '🗞️', '\u2028', 'null'];

/** Text made of pieces: any graphemes, and the awkward pieces above. */
export const awkwardText = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom(...AWKWARD)), { maxLength: 6 }).map((parts) => parts.join(''));

/** A text that is not empty once trimmed (titles). */
export const nonEmptyText = awkwardText.map((text) => (text.trim() === '' ? `t${text}` : text));

const tag = awkwardText.chain((raw) => {
  try {
    return fc.constant(normaliseTag(raw.replace(/\//gu, ' / ')));
  } catch {
    return fc.constant('tag');
  }
});

const optional = (text: fc.Arbitrary<string>) => fc.option(text, { nil: null });

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID-shaped id. */
export const ulidArbitrary = fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 25, maxLength: 25 }).map((digits) => `0${digits.map((d) => CROCKFORD[d]).join('')}`);

/** One stored article, its hashes consistent with its text and original. */
export const storedArticle: fc.Arbitrary<RestoreItem> = fc
  .record({
    id: ulidArbitrary,
    title: nonEmptyText,
    url: optional(fc.webUrl({ withQueryParameters: true, withFragments: true })),
    source: optional(awkwardText),
    author: optional(awkwardText),
    published: fc.option(fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)), { nil: null }),
    clipped: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((date) => date.toISOString()),
    tags: fc.uniqueArray(tag, { maxLength: 4, selector: (t) => t.toLowerCase() }),
    excerpt: awkwardText,
    words: fc.nat({ max: 100_000 }),
    lang: fc.option(fc.constantFrom('en', 'de', 'ja', 'uk'), { nil: null }),
    text: awkwardText,
    html: awkwardText,
    kind: fc.constantFrom('txt' as const, 'html' as const),
    // The user's note and a highlight of the start of the text, on some articles (as the library stores them: absent when none).
    note: fc.option(awkwardText, { nil: null }),
    comment: fc.option(awkwardText, { nil: null }),
  })
  .map(({ text, html, kind, note, comment, ...fields }) => {
    const original = Buffer.from(`${fields.title}\n\n${text}`, 'utf8');
    const quoted = anchorOf(text, { start: 0, end: Math.min(text.length, 9) });
    const highlights = comment !== null && quoted.quote.trim() !== '' ? [{ id: `h${fields.id}`, ...quoted, comment: comment.trim() === '' ? '' : comment, created: fields.clipped }] : [];
    const record: ArticleRecord = {
      ...fields,
      provenance: { method: 'paste', captured: fields.clipped, originalSha256: sha256(original), textSha256: sha256(text), appVersion: '0.1.0' },
      ...(note !== null && note.trim() !== '' ? { note } : {}),
      ...(highlights.length > 0 ? { highlights } : {}),
    };
    return { record, content: { id: fields.id, text, html, extracted: { title: fields.title, url: null, source: null, author: null, published: null, lang: null, excerpt: '' }, record }, original, kind };
  });

/** A few articles with distinct ids. */
export const storedArticles = fc.uniqueArray(storedArticle, { minLength: 1, maxLength: 5, selector: (item) => item.record.id });

/** Opens a library at `path` holding exactly `items`, restored as stored. */
export async function libraryWith(path: string, items: RestoreItem[]): Promise<Library> {
  const library = await Library.open(path);
  await library.restoreBatch(items);
  return library;
}

const LIGATURES = ['--', '---', "''", '``', 'a -- b', "it''s", '{}', '\\', '$5 & 50% #1 _x ^y ~z'];

/** Text for citations: the awkward pieces plus what TeX would turn into ligatures. */
export const citationText = fc
  .array(fc.oneof(awkwardText, fc.constantFrom(...LIGATURES)), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(' '))
  .filter((text) => text.replace(/\s+/gu, ' ').trim() !== '');

const namePart = fc.stringMatching(/^[A-Z\u00c0-\u00d6\u0410-\u042f][a-z\u00e0-\u00f6\u0430-\u044f]{1,10}(?:-[A-Z][a-z]{1,8})?$/u);

/** "Given Family" names, as the library keeps authors. */
export const authorLine = fc.option(fc.array(fc.tuple(namePart, namePart).map(([given, family]) => `${given} ${family}`), { minLength: 1, maxLength: 3 }).map((names) => names.join(', ')), { nil: null });

/** A catalog record to cite: awkward title and publication, real-looking names, any date. */
export const citableRecord: fc.Arbitrary<ArticleRecord> = fc
  .tuple(storedArticle, citationText, fc.option(citationText, { nil: null }), authorLine)
  .map(([item, title, source, author]) => ({ ...item.record, title, source, author }));
