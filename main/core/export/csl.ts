/**
 * CSL-JSON, the citation format of Zotero, pandoc and citation-js: an array of items of
 * type `article-newspaper` with title, container-title (the publication), URL, authors,
 * issued (published) and accessed (clipped) dates, language, keywords (tags) and abstract
 * (the excerpt). Catalog only: no capture is read.
 */
import type { ArticleRecord } from '../storage/article-record';
import type { ArticleReader } from '../library/article-access';
import { dateParts, splitAuthors } from './citation-fields';
import type { ExportOptions } from './export-options';
import { writeEntriesAtomically } from './output-file';

/** One article as a CSL-JSON item. */
export function cslItem(record: ArticleRecord): Record<string, unknown> {
  const issued = dateParts(record.published);
  const authors = splitAuthors(record.author);
  return {
    id: record.id,
    type: 'article-newspaper',
    title: record.title,
    ...(record.source ? { 'container-title': record.source } : {}),
    ...(authors.length > 0 ? { author: authors } : {}),
    ...(issued ? { issued: { 'date-parts': [issued] } } : {}),
    accessed: { 'date-parts': [dateParts(record.clipped)] },
    ...(record.url ? { URL: record.url } : {}),
    ...(record.lang ? { language: record.lang } : {}),
    ...(record.tags.length > 0 ? { keyword: record.tags.join(', ') } : {}),
    ...(record.excerpt ? { abstract: record.excerpt } : {}),
  };
}

/** Exports the records as a CSL-JSON array at `path`. */
export async function exportCsl(_library: ArticleReader, records: readonly ArticleRecord[], path: string, options: ExportOptions = {}): Promise<void> {
  await writeEntriesAtomically(path, records, (record, i) => `${i === 0 ? '' : ','}\n${JSON.stringify(cslItem(record))}`, options, { head: '[', tail: '\n]\n' });
}
