/**
 * BibLaTeX (`.bib`) for LaTeX and reference managers, as Zotero writes a newspaper article:
 * `@article` with `entrysubtype = {newspaper}`, `journaltitle` the publication, `author` as
 * "Family, Given and …" (organisations braced whole), `date` (published), `urldate`
 * (clipped), `url`, `langid`, `keywords` (tags), `annotation` (the user's note: BibLaTeX's
 * field for the user's own comments, which styles do not print in a bibliography, unlike
 * `note`). The key is the article's id, unique and
 * ASCII. Text is LaTeX-escaped (`{ } \ # $ % & _ ^ ~`), titles braced so styles keep their
 * case; the url field is verbatim in BibLaTeX, so only characters that would unbalance it
 * are percent-encoded. Catalog only.
 */
import type { ArticleRecord } from '../storage/article-record';
import type { ArticleReader } from '../library/article-access';
import { oneLine, splitAuthors } from './citation-fields';
import type { ExportOptions } from './export-options';
import { writeEntriesAtomically } from './output-file';

const LATEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/**
 * Text as a LaTeX string, on one line. TeX also makes ligatures of `--`, `''` and two
 * backticks (a dash, curly quotes); an empty group between the pair keeps them as typed.
 */
export function latexEscape(value: string): string {
  return oneLine(value)
    .replace(/[\\{}#$%&_^~]/gu, (c) => LATEX_SPECIAL[c]!)
    .replace(/([-'`])(?=\1)/gu, '$1{}');
}

/** A URL safe inside a verbatim field: braces, backslashes and spaces percent-encoded. */
function verbatimUrl(url: string): string {
  return url.trim().replace(/[{}\\\s]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * A tag as one item of BibLaTeX's comma-separated `keywords`: a comma inside the tag is
 * braced (`{,}`), which biber and citation-js read as text, not as the list's separator.
 */
function keyword(tag: string): string {
  return latexEscape(tag).replace(/,/gu, '{,}');
}

/** One article as a BibLaTeX entry. */
export function bibtexEntry(record: ArticleRecord): string {
  const fields: [string, string][] = [['entrysubtype', 'newspaper'], ['title', `{${latexEscape(record.title)}}`]];
  const authors = splitAuthors(record.author).map((name) =>
    'literal' in name ? `{${latexEscape(name.literal)}}` : name.given ? `${latexEscape(name.family)}, ${latexEscape(name.given)}` : latexEscape(name.family),
  );
  if (authors.length > 0) fields.push(['author', authors.join(' and ')]);
  if (record.source) fields.push(['journaltitle', latexEscape(record.source)]);
  const published = /^\d{4}(-\d{2}(-\d{2})?)?/u.exec(record.published ?? '')?.[0];
  if (published) fields.push(['date', published]);
  fields.push(['urldate', record.clipped.slice(0, 10)]);
  if (record.url) fields.push(['url', verbatimUrl(record.url)]);
  if (record.lang) fields.push(['langid', latexEscape(record.lang)]);
  if (record.tags.length > 0) fields.push(['keywords', record.tags.map(keyword).join(', ')]);
  if (record.note) fields.push(['annotation', latexEscape(record.note)]);
  return `@article{${record.id},\n${fields.map(([name, value]) => `  ${name} = {${value}},`).join('\n')}\n}\n`;
}

/** Exports the records as a BibLaTeX file at `path`. */
export async function exportBibtex(_library: ArticleReader, records: readonly ArticleRecord[], path: string, options: ExportOptions = {}): Promise<void> {
  await writeEntriesAtomically(path, records, (record) => `${bibtexEntry(record)}\n`, options);
}
