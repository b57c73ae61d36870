/**
 * RIS for reference managers (Zotero, EndNote, Mendeley): one record an article, of type
 * NEWS (newspaper article): TI title, AU authors ("Family, Given"), T2 the publication,
 * DA/PY the published date, Y2 the date clipped (accessed), UR, LA, KW a tag each, AB the
 * excerpt, N1 the user's note and each highlight (Zotero makes each N1 a note of the item).
 * Values are put on one line: RIS has no way to continue one. Catalog only.
 */
import type { ArticleRecord } from '../storage/article-record';
import type { ArticleReader } from '../library/article-access';
import { dateParts, oneLine, splitAuthors } from './citation-fields';
import type { ExportOptions } from './export-options';
import { writeEntriesAtomically } from './output-file';

function risDate(parts: number[]): string {
  const [y, m, d] = parts;
  return `${String(y).padStart(4, '0')}/${m ? String(m).padStart(2, '0') : ''}/${d ? String(d).padStart(2, '0') : ''}/`;
}

/** One article as a RIS record (CRLF line ends, as the format's specification has them). */
export function risRecord(record: ArticleRecord): string {
  const lines: string[] = ['TY  - NEWS', `ID  - ${record.id}`, `TI  - ${oneLine(record.title)}`];
  for (const name of splitAuthors(record.author)) lines.push(`AU  - ${'literal' in name ? name.literal : name.given ? `${name.family}, ${name.given}` : name.family}`);
  if (record.source) lines.push(`T2  - ${oneLine(record.source)}`);
  const published = dateParts(record.published);
  if (published) lines.push(`PY  - ${published[0]}`, `DA  - ${risDate(published)}`);
  lines.push(`Y2  - ${risDate(dateParts(record.clipped)!)}`);
  if (record.url) lines.push(`UR  - ${oneLine(record.url)}`);
  if (record.lang) lines.push(`LA  - ${record.lang}`);
  for (const tag of record.tags) lines.push(`KW  - ${oneLine(tag)}`);
  if (record.excerpt) lines.push(`AB  - ${oneLine(record.excerpt)}`);
  if (record.note) lines.push(`N1  - ${oneLine(record.note)}`);
  for (const highlight of record.highlights ?? []) {
    const comment = oneLine(highlight.comment);
    lines.push(`N1  - Highlight: “${oneLine(highlight.quote)}”${comment ? ` — ${comment}` : ''}`);
  }
  lines.push('ER  - ', '');
  return lines.join('\r\n');
}

/** Exports the records as a RIS file at `path`. */
export async function exportRis(_library: ArticleReader, records: readonly ArticleRecord[], path: string, options: ExportOptions = {}): Promise<void> {
  await writeEntriesAtomically(path, records, (record) => `${risRecord(record)}\r\n`, options);
}
