/**
 * Markdown: one file an article (`<title> <id>.md`, names safe on every system), with YAML
 * front matter holding the metadata and the text below it, all in one zip. Front-matter
 * values are written as JSON strings, which YAML reads as double-quoted scalars: every
 * character round-trips, whatever the title holds. The user's note and highlights follow the
 * text under their own headings (`## Note`, `## Highlights`), each highlight a block quote
 * with its comment after it.
 */
import type { ArticleRecord } from '../storage/article-record';
import type { ArticleReader } from '../library/article-access';
import type { ExportOptions } from './export-options';
import { writeFileAtomically } from './output-file';
import { readArticles } from './read-articles';
import { articleFileName } from './safe-file-name';
import { SCHEMA_VERSION } from './schema';
import { ZipWriter } from './zip-writer';

/** One article as Markdown with YAML front matter. */
export function articleMarkdown(record: ArticleRecord, text: string): string {
  const value = (v: string | number | null) => (v === null ? 'null' : typeof v === 'number' ? String(v) : JSON.stringify(v));
  const lines = [
    '---',
    `schemaVersion: ${SCHEMA_VERSION}`,
    `id: ${value(record.id)}`,
    `title: ${value(record.title)}`,
    `url: ${value(record.url)}`,
    `source: ${value(record.source)}`,
    `author: ${value(record.author)}`,
    `published: ${value(record.published)}`,
    `clipped: ${value(record.clipped)}`,
    `tags: [${record.tags.map((tag) => JSON.stringify(tag)).join(', ')}]`,
    `words: ${record.words}`,
    `lang: ${value(record.lang)}`,
    `sha256: ${value(record.provenance.originalSha256)}`,
    '---',
    '',
    // A title starting with # or other Markdown would still be a heading's text.
    `# ${record.title.replace(/\s+/gu, ' ')}`,
    '',
    text,
    '',
    ...annotationSections(record),
  ];
  return lines.join('\n');
}

/** The note and highlights as Markdown sections (no lines when there are none). */
function annotationSections(record: ArticleRecord): string[] {
  const lines: string[] = [];
  if (record.note) lines.push('## Note', '', record.note.replace(/\s+$/u, ''), '');
  if (record.highlights?.length) {
    lines.push('## Highlights', '');
    for (const highlight of record.highlights) {
      lines.push(`> ${highlight.quote.replace(/\s+/gu, ' ').trim()}`, '');
      if (highlight.comment) lines.push(highlight.comment.replace(/\s+$/u, ''), '');
    }
  }
  return lines;
}

/** Exports the records as a zip of Markdown files at `path`. */
export async function exportMarkdown(library: ArticleReader, records: readonly ArticleRecord[], path: string, options: ExportOptions = {}): Promise<void> {
  await writeFileAtomically(path, async (sink) => {
    const zip = new ZipWriter(sink, options.now ?? new Date());
    let done = 0;
    for await (const { record, content } of readArticles(library.path, records, options.signal)) {
      await zip.add(articleFileName(record.title, record.id, 'md'), articleMarkdown(record, content.text));
      if (++done % 200 === 0) options.onProgress?.(done, records.length);
    }
    await zip.end();
    options.onProgress?.(records.length, records.length);
  });
}
