/** Imports a fixture from tests/fixtures/import/ into a fresh library and hands back what it holds. */
import { join } from 'node:path';
import { importPath, type ImportFormat, type ImportReport } from '../../../../main/core/import';
import { Library } from '../../../../main/core/library';
import type { ArticleRecord } from '../../../../main/core/storage/article-record';
import { readCapture } from '../../../../main/core/storage/captures';
import { makeTempFolder, REPO_ROOT } from '../../../paths';

/** The folder of hand-written samples in each tool's documented format. */
export const IMPORT_FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'import');

/** The result of importing one fixture. */
export interface Imported {
  report: ImportReport;
  records: ArticleRecord[];
  /** Each record's text, by title. */
  texts: Map<string, string>;
}

/** Imports `fixture` (detected, or as `format`) into an empty library, twice if `twice`. */
export async function importFixture(fixture: string, options: { format?: ImportFormat; twice?: boolean } = {}): Promise<Imported & { second?: ImportReport }> {
  const folder = await makeTempFolder();
  const library = await Library.open(join(folder.path, 'library'));
  try {
    const path = join(IMPORT_FIXTURES, fixture);
    const report = await importPath(library, path, { format: options.format });
    const second = options.twice ? await importPath(library, path, { format: options.format }) : undefined;
    const records = library.list().map((summary) => library.record(summary.id)).sort((a, b) => a.title.localeCompare(b.title));
    const texts = new Map<string, string>();
    for (const record of records) texts.set(record.title, (await readCapture(library.path, record.id)).text);
    return { report, records, texts, second };
  } finally {
    await library.close();
    await folder.remove();
  }
}
