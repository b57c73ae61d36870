/**
 * A file the user opened with Cuttings (File ▸ Import File…, the OS's Open With, a launch's
 * command line), imported by what it is: a saved page, a text file or a `.cuttings` file as
 * before (import-file.ts); everything `cuttings import` reads — a Cuttings archive (.zip),
 * our JSON, JSONL and CSV, Pocket's CSV, a bookmark file, wallabag's JSON, CSL-JSON, RIS —
 * through the same importPath the CLI uses. Answers with one line for the status bar.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { CuttingsError } from '../../../common/errors';
import { ARCHIVE_EXTENSION, classifyOpenedFile, describeImport, importFile } from './import-file';
import type { ArticleStore } from '../library/article-access';
import { detectImportFormat, IMPORT_FORMATS, importPath, type ImportFormat, type ImportReport } from '.';

/** Imports one opened file; resolves to what happened, for the user. Throws a CuttingsError naming the file when it cannot. */
export async function importOpenedFile(library: ArticleStore, path: string): Promise<string> {
  const format = await foreignFormatOf(path);
  if (format === null) return describeImport(await importFile(library, path));
  return describeImportReport(await importPath(library, path, { format }), basename(path));
}

/**
 * Imports a file given as bytes (dropped on the window): written under its own name in a
 * temporary folder, imported as an opened file, and removed again. Messages name the file as
 * the user knows it, without the temporary folder.
 */
export async function importFileBytes(library: ArticleStore, name: string, bytes: Uint8Array): Promise<string> {
  const fileName = basename(name.replace(/\\/gu, '/'));
  if (fileName === '' || fileName === '.' || fileName === '..') throw new CuttingsError('invalid-input', `import: ${JSON.stringify(name)} is not a file name`);
  const folder = await mkdtemp(join(tmpdir(), 'cuttings-import-'));
  try {
    const path = join(folder, fileName);
    await writeFile(path, bytes);
    return await importOpenedFile(library, path);
  } catch (error) {
    if (error instanceof CuttingsError) throw new CuttingsError(error.code, error.message.split(`${folder}/`).join(''));
    throw error;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * The import format of a file the older importer does not take, or null when it does. A
 * `.html` file is a page to clip unless it is a bookmark file; a `.jsonl` file is the original
 * lines unless it is our versioned export.
 */
async function foreignFormatOf(path: string): Promise<ImportFormat | null> {
  const kind = classifyOpenedFile(path);
  if (kind === 'text' || extname(path).toLowerCase() === ARCHIVE_EXTENSION) return null;
  // Anything else: what `cuttings import` would take it for; its error names the file.
  if (kind === null) return detectImportFormat(path);
  const format = await detectImportFormat(path).catch(() => null);
  return format === 'bookmarks' || format === 'jsonl' ? format : null;
}

/**
 * One line about an import, such as
 * `Imported 3 articles from pocket.csv (Pocket's CSV export); 1 skipped as a duplicate; 1 failed (row 6: it has neither text nor a web address)`.
 */
export function describeImportReport(report: ImportReport, name: string): string {
  const what = (IMPORT_FORMATS as Record<string, string>)[report.format] ?? report.format;
  const parts = [`Imported ${report.imported} ${report.imported === 1 ? 'article' : 'articles'} from ${name} (${what})`];
  if (report.duplicates.length > 0) parts.push(`${report.duplicates.length} skipped as ${report.duplicates.length === 1 ? 'a duplicate' : 'duplicates'}`);
  const first = report.failed[0];
  if (first) parts.push(`${report.failed.length} failed (${first.item}: ${first.message})`);
  return parts.join('; ');
}
