/**
 * The export schema: how one article looks in Cuttings' JSON, JSONL, CSV and archive
 * exports, versioned so that files written today can still be read when the schema grows.
 *
 * Version 2 (this one; version 1 had no notes or highlights, only empty fields reserved for them):
 *   schemaVersion  2
 *   id             ULID, unique across libraries
 *   title, url, source, author, published (YYYY-MM-DD or ISO 8601), clipped (ISO 8601 UTC)
 *   tags           strings, `/` for a hierarchy
 *   excerpt, words, lang
 *   text           plain text, paragraphs separated by a blank line
 *   html           sanitised reader HTML (JSON, JSONL and the archive only)
 *   provenance     method, fileName?, captured, originalSha256, textSha256, appVersion
 *   note           the user's Markdown note, '' when there is none (new in 2; replaces
 *                  version 1's `notes`, which was reserved and always empty)
 *   highlights     { id, created, quote, prefix, suffix, comment, start, end }: the passages
 *                  highlighted, `start`/`end` their character offsets into `text` (null if the
 *                  quote cannot be found in it); always empty in version 1
 *
 * How it may change: new fields are added with a higher schemaVersion and readers ignore
 * fields they do not know; a field is never renamed or given another meaning within a
 * version. Readers accept any version up to SCHEMA_VERSION and refuse a newer one by name.
 */
import type { Highlight, Provenance } from '../../../common/article';
import { locateHighlight } from '../../../common/highlight-anchor';
import type { ArticleRecord } from '../storage/article-record';
import type { CapturedContent } from '../storage/captures';

/** The version written by this build; readers accept this one and older. */
export const SCHEMA_VERSION = 2;

/**
 * A highlighted passage: as the app keeps it (quote with the text around it, its comment),
 * and where it lies in `text` as character offsets (UTF-16 code units, as JavaScript and
 * the export's JSON count them), null when the quote cannot be found there.
 */
export interface ExportedHighlight extends Highlight {
  start: number | null;
  end: number | null;
}

/** An article's highlights with their offsets into its text. */
export function exportedHighlights(highlights: readonly Highlight[] | undefined, text: string): ExportedHighlight[] {
  return (highlights ?? []).map((highlight) => {
    const range = locateHighlight(text, highlight);
    return { ...highlight, start: range?.start ?? null, end: range?.end ?? null };
  });
}

/**
 * One article in the export schema. Its fields are spelled out rather than taken from
 * ArticleSummary: the schema is versioned (schemaVersion), so it must not change silently when
 * the app's own types do.
 */
export interface ExportedArticle {
  schemaVersion: number;
  id: string;
  title: string;
  url: string | null;
  source: string | null;
  author: string | null;
  published: string | null;
  clipped: string;
  tags: string[];
  excerpt: string;
  words: number;
  lang: string | null;
  text: string;
  /** Left out where a format has no room for it (CSV). */
  html?: string;
  provenance: Provenance;
  /** The user's Markdown note, '' when none (since version 2). */
  note: string;
  highlights: ExportedHighlight[];
}

/** Builds the exported form of an article from its catalog record and capture. */
export function toExportedArticle(record: ArticleRecord, content: Pick<CapturedContent, 'text' | 'html'>, withHtml = true): ExportedArticle {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: record.id,
    title: record.title,
    url: record.url,
    source: record.source,
    author: record.author,
    published: record.published,
    clipped: record.clipped,
    tags: [...record.tags],
    excerpt: record.excerpt,
    words: record.words,
    lang: record.lang,
    text: content.text,
    ...(withHtml ? { html: content.html } : {}),
    provenance: { ...record.provenance },
    note: record.note ?? '',
    highlights: exportedHighlights(record.highlights, content.text),
  };
}

/** One column of the tabular exports (CSV, Data Package): its name, type and meaning. */
export interface ColumnSpec {
  name: string;
  /** Frictionless Table Schema type. */
  type: 'string' | 'integer' | 'date' | 'datetime';
  description: string;
  /** Only with `--text`. */
  optional?: boolean;
}

/**
 * The CSV columns in order: the codebook, written into datapackage.json as the table
 * schema and shown in the CLI's help.
 */
export const CSV_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', type: 'string', description: 'Unique id of the article in Cuttings (a ULID: sorts by the time it was clipped)' },
  { name: 'title', type: 'string', description: 'Headline of the article' },
  { name: 'url', type: 'string', description: 'Web address of the article, empty when not known' },
  { name: 'source', type: 'string', description: 'Publication or site name, empty when not known' },
  { name: 'author', type: 'string', description: 'Authors as one line, comma separated, empty when not known' },
  { name: 'published', type: 'string', description: 'Publication date, YYYY-MM-DD or an ISO 8601 time, empty when not known' },
  { name: 'clipped', type: 'datetime', description: 'When the article was clipped into Cuttings, ISO 8601 UTC' },
  { name: 'tags', type: 'string', description: 'Tags separated by ";" (a literal ";" or "\\" inside a tag is preceded by "\\"); "/" marks a sub-tag' },
  { name: 'words', type: 'integer', description: 'Number of words in the text' },
  { name: 'sha256', type: 'string', description: 'SHA-256 (hex) of the page or text as received when clipped' },
  { name: 'note', type: 'string', description: "The user's note on the article (Markdown), empty when there is none" },
  {
    name: 'highlights',
    type: 'string',
    description: 'Passages the user highlighted, as a JSON array of {"quote", "comment"} in the order made; empty when there are none',
  },
  { name: 'text', type: 'string', description: 'Plain text of the article, paragraphs separated by a blank line', optional: true },
];
