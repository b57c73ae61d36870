/**
 * Reads Cuttings' own dataset exports back — JSON, JSONL and CSV in the export schema
 * (export/schema.ts) — as new captures: each article is clipped again from its text, with
 * its title, address, source, author, date and tags. (The archive is the lossless format;
 * these carry no originals.) The exported id, address and text hash tell duplicates.
 */
import { createHash } from 'node:crypto';
import { CuttingsError, oneLineMessage } from '../../../common/errors';
import { restoreFormulaCell, splitTags } from '../export/csv';
import { JSON_FORMAT_NAME } from '../export/json';
import { SCHEMA_VERSION, type ExportedArticle } from '../export/schema';
import { csvRecords } from './csv-parse';
import { foreignCandidate, type ImportCandidate } from './import-candidate';

/** A candidate from one article object of our schema; `label` says where it was. */
export function candidateFromExported(value: unknown, label: string, original: Uint8Array): ImportCandidate {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { label, error: 'not a JSON object' };
  const article = value as Partial<ExportedArticle> & Record<string, unknown>;
  if (typeof article.schemaVersion === 'number' && article.schemaVersion > SCHEMA_VERSION) {
    return { label, error: `written with schema version ${article.schemaVersion}; this Cuttings reads up to ${SCHEMA_VERSION}` };
  }
  for (const field of ['id', 'title', 'url', 'source', 'author', 'published', 'text'] as const) {
    if (article[field] !== undefined && article[field] !== null && typeof article[field] !== 'string') return { label, error: `"${field}" must be a string` };
  }
  if (article.tags !== undefined && (!Array.isArray(article.tags) || !article.tags.every((tag) => typeof tag === 'string'))) {
    return { label, error: '"tags" must be an array of strings' };
  }
  const candidate = foreignCandidate({
    label,
    title: article.title,
    url: article.url,
    text: article.text,
    source: article.source,
    author: article.author,
    published: article.published,
    tags: article.tags,
    original,
  });
  const textSha256 = typeof article.text === 'string' && article.text !== '' ? sha256(article.text) : undefined;
  return { ...candidate, id: article.id, textSha256: article.provenance?.textSha256 ?? textSha256 };
}

/** Candidates from a Cuttings JSON export (`{"format": "cuttings.articles", "articles": […]}`, or a bare array). */
export function* readOwnJson(input: string, what: string): Generator<ImportCandidate> {
  let value: unknown;
  try {
    value = JSON.parse(input);
  } catch (error) {
    throw new CuttingsError('bad-content', `import: ${what} is not valid JSON (${oneLineMessage(error)})`);
  }
  let articles: unknown[];
  if (Array.isArray(value)) articles = value;
  else {
    const document = value as { format?: unknown; schemaVersion?: unknown; articles?: unknown };
    if (document?.format !== JSON_FORMAT_NAME || !Array.isArray(document.articles)) {
      throw new CuttingsError('bad-content', `import: ${what} is not a Cuttings JSON export (no "format": "${JSON_FORMAT_NAME}" with "articles")`);
    }
    if (typeof document.schemaVersion === 'number' && document.schemaVersion > SCHEMA_VERSION) {
      throw new CuttingsError('bad-content', `import: ${what} was written with schema version ${document.schemaVersion}; this Cuttings reads up to ${SCHEMA_VERSION}`);
    }
    articles = document.articles;
  }
  for (const [i, article] of articles.entries()) {
    yield candidateFromExported(article, `article ${i + 1}`, Buffer.from(JSON.stringify(article), 'utf8'));
  }
}

/** Candidates from a Cuttings JSONL export, one a line. */
export function* readOwnJsonl(input: string): Generator<ImportCandidate> {
  const lines = input.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/\r$/u, '');
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      yield { label: `line ${i + 1}`, error: `not valid JSON (${oneLineMessage(error)})` };
      continue;
    }
    yield candidateFromExported(value, `line ${i + 1}`, Buffer.from(line, 'utf8'));
  }
}

/** Candidates from a Cuttings CSV export: the named columns, formula guards undone. */
export function* readOwnCsv(input: string, what: string): Generator<ImportCandidate> {
  const { header, records } = csvRecords(input, `import: ${what}`);
  if (!header.includes('title')) throw new CuttingsError('bad-content', `import: ${what} has no "title" column; Cuttings' CSV has id, title, url, source, author, published, clipped, tags, words, sha256 and text`);
  for (const { line, values } of records) {
    const cell = (name: string) => restoreFormulaCell(values[name] ?? '');
    const original = Buffer.from(header.map((name) => values[name] ?? '').join(','), 'utf8');
    const candidate = foreignCandidate({
      label: `row ${line}`,
      title: cell('title'),
      url: cell('url'),
      text: cell('text'),
      source: cell('source'),
      author: cell('author'),
      published: cell('published'),
      tags: splitTags(cell('tags')),
      original,
    });
    yield { ...candidate, id: cell('id') || undefined };
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
