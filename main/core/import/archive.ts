/**
 * Imports a Cuttings archive (export/archive.ts) losslessly: each article comes back with
 * its id, record, capture and original exactly as they were, so that exporting it again
 * gives the same manifest. The zip is checked as a whole first (zip-reader.ts); then each
 * article is checked against the manifest's SHA-256 of every file and against its own
 * recorded hashes, and goes in whole (Library.restoreBatch) or not at all, with the reason.
 * Its evidence comes with it: the signed manifest inside each capture, the timestamps, and the
 * public keys that signed them (learnt by the library, so that `cuttings verify` checks them).
 */
import { createHash } from 'node:crypto';
import { CuttingsError, oneLineMessage } from '../../../common/errors';
import { parseKeys } from '../evidence/library-keys';
import type { ArticleRecord } from '../storage/article-record';
import type { ArticleStore, RestoreItem } from '../library/article-access';
import { ORIGINAL_KINDS, type CapturedContent, type OriginalKind } from '../storage/captures';
import { ARCHIVE_FORMAT_NAME, type ArchiveManifest } from '../export/archive';
import { SCHEMA_VERSION } from '../export/schema';
import { checkHighlightsInText, checkStoredAnnotations } from '../notes/stored-annotations';
import type { ImportReport } from './import-candidate';
import { KnownArticles } from './run-import';
import { DEFAULT_ZIP_LIMITS, SafeZip, type ZipLimits } from './zip-reader';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/u;
const BATCH_SIZE = 2000;
/** How many entries are read at once. */
const READERS = 16;

/** Imports the archive at `path` into the library. */
export async function importArchive(
  library: ArticleStore,
  path: string,
  onProgress?: (done: number, total: number) => void,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ImportReport> {
  const zip = await SafeZip.open(path, limits);
  try {
    const manifest = await readManifest(zip, path);
    const hashes = new Map(manifest.files.map((file) => [file.path, file.sha256]));
    const verified = async (name: string): Promise<Buffer> => {
      const expected = hashes.get(name);
      if (!expected) throw new Error(`${name} is not listed in the manifest`);
      const bytes = await zip.read(name);
      if (sha256(bytes) !== expected) throw new Error(`${name} does not match its SHA-256 in the manifest`);
      return bytes;
    };
    let catalog: string;
    try {
      catalog = (await verified('catalog.jsonl')).toString('utf8');
    } catch (error) {
      throw new CuttingsError('bad-content', `archive: ${path}: ${(error as Error).message}`);
    }
    await library.prepareSearch();
    // The keys that signed the archive's captures, so that their manifests verify here.
    if (hashes.has('evidence/keys.json')) {
      let text: string;
      try {
        text = (await verified('evidence/keys.json')).toString('utf8');
      } catch (error) {
        throw new CuttingsError('bad-content', `archive: ${path}: ${(error as Error).message}`);
      }
      const keys = parseKeys(text);
      if (typeof keys === 'string') throw new CuttingsError('bad-content', `archive: ${path}: evidence/keys.json: ${keys}`);
      await library.learnKeys(keys);
    }
    const report: ImportReport = { format: 'archive', imported: 0, urlOnly: 0, duplicates: [], failed: [], unfetched: [] };
    const known = await KnownArticles.of(library);
    const lines = catalog.split('\n').filter((line) => line.trim() !== '');
    // Articles are read a batch at a time, several entries at once: one after another, each
    // small read would wait its turn in the thread pool.
    let pending: { line: number; label: string; record: ArticleRecord }[] = [];
    // Failures by catalog line, so that the summary lists them in the archive's order.
    const failures: { line: number; item: string; message: string }[] = [];
    let done = 0;
    const flush = async () => {
      const batch: RestoreItem[] = [];
      const queue = [...pending];
      const reader = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          try {
            batch.push(await readArticle(next.record, verified, zip));
          } catch (error) {
            failures.push({ line: next.line, item: next.label, message: (error as Error).message });
          }
        }
      };
      await Promise.all(Array.from({ length: READERS }, reader));
      done += pending.length;
      pending = [];
      if (batch.length > 0) report.imported += (await library.restoreBatch(batch)).length;
      onProgress?.(done, lines.length);
    };
    for (const [index, line] of lines.entries()) {
      let label = `catalog line ${index + 1}`;
      try {
        const record = parseRecord(line);
        label = `article ${record.id} (${JSON.stringify(record.title)})`;
        // Only the id makes a duplicate here: the archive is the same articles, not new ones.
        const duplicate = known.duplicateReason({ id: record.id });
        if (duplicate) {
          report.duplicates.push({ item: label, reason: duplicate });
          continue;
        }
        known.remember({ id: record.id });
        pending.push({ line: index, label, record });
      } catch (error) {
        failures.push({ line: index, item: label, message: (error as Error).message });
      }
      if (pending.length >= BATCH_SIZE) await flush();
    }
    await flush();
    onProgress?.(lines.length, lines.length);
    report.failed = failures.sort((a, b) => a.line - b.line).map(({ item, message }) => ({ item, message }));
    return report;
  } finally {
    zip.close();
  }
}

async function readManifest(zip: SafeZip, path: string): Promise<ArchiveManifest> {
  if (!zip.entries.has('manifest.json')) {
    // Pocket hands out its export as a zip of part_000000.csv files.
    const pocket = [...zip.entries.keys()].some((name) => /^part_\d+\.csv$/u.test(name));
    const hint = pocket ? " (it looks like Pocket's export: unzip it and import the .csv file inside)" : '';
    throw new CuttingsError('bad-content', `archive: ${path} has no manifest.json; it is not a Cuttings archive${hint}`);
  }
  let manifest: ArchiveManifest;
  try {
    manifest = JSON.parse((await zip.read('manifest.json')).toString('utf8')) as ArchiveManifest;
  } catch (error) {
    throw new CuttingsError('bad-content', `archive: ${path}: manifest.json does not parse (${(error as Error).message})`);
  }
  if (manifest?.format !== ARCHIVE_FORMAT_NAME) throw new CuttingsError('bad-content', `archive: ${path}: manifest.json is not a Cuttings archive manifest (format ${JSON.stringify(manifest?.format)})`);
  if (typeof manifest.schemaVersion !== 'number' || manifest.schemaVersion > SCHEMA_VERSION) {
    throw new CuttingsError('bad-content', `archive: ${path} was written with schema version ${manifest.schemaVersion}; this Cuttings reads up to ${SCHEMA_VERSION}: update Cuttings to import it`);
  }
  if (!Array.isArray(manifest.files)) throw new CuttingsError('bad-content', `archive: ${path}: manifest.json lists no files`);
  return manifest;
}

/** Checks one catalog line's shape; the message says which field is wrong. */
function parseRecord(line: string): ArticleRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new Error(`not valid JSON (${oneLineMessage(error)})`);
  }
  return checkRecord(value);
}

/** Checks a catalog record another library wrote (an archive's line, a WACZ's metadata record); the message says which field is wrong. */
export function checkRecord(value: unknown): ArticleRecord {
  const record = value as ArticleRecord;
  if (typeof record !== 'object' || record === null) throw new Error('not a JSON object');
  if (typeof record.id !== 'string' || !ULID.test(record.id)) throw new Error(`"id" ${JSON.stringify(record.id)} is not a ULID`);
  if (typeof record.title !== 'string' || record.title === '') throw new Error('"title" must be a non-empty string');
  if (typeof record.clipped !== 'string') throw new Error('"clipped" must be a string');
  if (!Array.isArray(record.tags) || !record.tags.every((tag) => typeof tag === 'string')) throw new Error('"tags" must be an array of strings');
  for (const field of ['url', 'source', 'author', 'published', 'lang'] as const) {
    if (record[field] !== null && typeof record[field] !== 'string') throw new Error(`"${field}" must be a string or null`);
  }
  if (typeof record.words !== 'number' || typeof record.excerpt !== 'string') throw new Error('"words" and "excerpt" are missing');
  if (record.edited !== undefined && (typeof record.edited !== 'string' || Number.isNaN(Date.parse(record.edited)))) throw new Error('"edited" must be a time (ISO 8601) or absent');
  const provenance = record.provenance;
  if (typeof provenance !== 'object' || provenance === null || typeof provenance.originalSha256 !== 'string' || typeof provenance.textSha256 !== 'string') {
    throw new Error('"provenance" with its SHA-256 hashes is missing');
  }
  checkStoredAnnotations(record);
  return record;
}

/** Reads and checks one article's files. */
async function readArticle(record: ArticleRecord, verified: (name: string) => Promise<Buffer>, zip: SafeZip): Promise<RestoreItem> {
  const folder = `articles/${record.id}`;
  const content = JSON.parse((await verified(`${folder}/article.json`)).toString('utf8')) as CapturedContent;
  if (content.id !== record.id) throw new Error(`${folder}/article.json belongs to article ${content.id}`);
  if (typeof content.text !== 'string' || typeof content.html !== 'string') throw new Error(`${folder}/article.json has no text or HTML`);
  if (sha256(Buffer.from(content.text, 'utf8')) !== record.provenance.textSha256) throw new Error('its text does not match the SHA-256 recorded when it was captured');
  checkHighlightsInText(record.highlights ?? [], content.text);
  const kind: OriginalKind | undefined = ORIGINAL_KINDS.find((k) => zip.entries.has(`${folder}/original.${k}`));
  if (!kind) throw new Error(`${folder} has no original (original.html, .txt, .pdf or .mhtml)`);
  const original = await verified(`${folder}/original.${kind}`);
  if (sha256(original) !== record.provenance.originalSha256) throw new Error('its original does not match the SHA-256 recorded when it was captured');
  const timestamp = zip.entries.has(`${folder}/timestamp.tsr`) ? await verified(`${folder}/timestamp.tsr`) : undefined;
  return { record, content, original, kind, ...(timestamp ? { timestamp } : {}) };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
