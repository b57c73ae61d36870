/**
 * The export schema: how one article looks in Cuttings' JSON, JSONL, CSV and archive
 * exports, versioned so that files written today can still be read when the schema grows.
 *
 * Version 1 (this one):
 *   schemaVersion  1
 *   id             ULID, unique across libraries
 *   title, url, source, author, published (YYYY-MM-DD or ISO 8601), clipped (ISO 8601 UTC)
 *   tags           strings, `/` for a hierarchy
 *   excerpt, words, lang
 *   text           plain text, paragraphs separated by a blank line
 *   html           sanitised reader HTML (JSON, JSONL and the archive only)
 *   provenance     method, fileName?, captured, originalSha256, textSha256, appVersion
 *   notes          [] — reserved for notes (issue 6): { id, created, text }
 *   highlights     [] — reserved for highlights (issue 6): { id, created, quote, start, end, note? }
 *
 * How it may change: new fields are added with a higher schemaVersion and readers ignore
 * fields they do not know; a field is never renamed or given another meaning within a
 * version. Readers accept any version up to SCHEMA_VERSION and refuse a newer one by name.
 */
import type { Provenance } from '../../../common/article';
import type { ArticleRecord } from '../article-record';
import type { CapturedContent } from '../storage/captures';

/** The version written by this build; readers accept this one and older. */
export const SCHEMA_VERSION = 1;

/** A note on an article (issue 6), as exports will carry it. Empty until notes exist. */
export interface ExportedNote {
  id: string;
  created: string;
  text: string;
}

/** A highlighted passage (issue 6): character offsets into `text`. Empty until highlights exist. */
export interface ExportedHighlight {
  id: string;
  created: string;
  quote: string;
  start: number;
  end: number;
  note?: string;
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
  notes: ExportedNote[];
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
    notes: [],
    highlights: [],
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
  { name: 'text', type: 'string', description: 'Plain text of the article, paragraphs separated by a blank line', optional: true },
];
