/**
 * A Frictionless Data Package: a folder with `articles.csv` (the CSV export, without a byte
 * order mark, as the standard wants) and `datapackage.json`, whose table schema describes
 * every column — name, type, description: the codebook — so that R, pandas or frictionless
 * tools load the table with its types.
 */
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { APP_VERSION } from '../storage/app-version';
import type { ArticleRecord } from '../storage/article-record';
import type { ArticleReader } from '../library/article-access';
import { writeCsvRows } from './csv';
import type { ExportOptions } from './export-options';
import { sinkOf, writeFolderAtomically } from './output-file';
import { CSV_COLUMNS, SCHEMA_VERSION } from './schema';

/** The descriptor of a package holding `count` articles. */
export function dataPackageDescriptor(count: number, withText: boolean, now: Date): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: 'cuttings-articles',
    title: 'News cuttings exported from Cuttings',
    created: now.toISOString(),
    version: `${SCHEMA_VERSION}.0.0`,
    description: `${count} article${count === 1 ? '' : 's'}, one a row. Cells a spreadsheet would run as a formula (starting with = + - @ or a tab) are written with a ' in front.`,
    contributors: [{ title: `Cuttings ${APP_VERSION}`, role: 'author' }],
    resources: [
      {
        profile: 'tabular-data-resource',
        name: 'articles',
        path: 'articles.csv',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\r\n', quoteChar: '"', header: true },
        schema: {
          fields: CSV_COLUMNS.filter((column) => withText || !column.optional).map((column) => ({
            name: column.name,
            type: column.type,
            description: column.description,
            // Times carry milliseconds (2022-01-21T10:00:00.000Z), which the default datetime format does not allow.
            ...(column.type === 'datetime' ? { format: 'any' } : {}),
            ...(column.name === 'id' ? { constraints: { required: true, unique: true } } : {}),
            ...(column.name === 'title' || column.name === 'clipped' ? { constraints: { required: true } } : {}),
          })),
          primaryKey: 'id',
        },
      },
    ],
  };
}

/** Exports the records as a Data Package folder at `path`. */
export async function exportDataPackage(library: ArticleReader, records: readonly ArticleRecord[], path: string, options: ExportOptions = {}): Promise<void> {
  await writeFolderAtomically(path, async (folder) => {
    const stream = createWriteStream(join(folder, 'articles.csv'));
    const failed = new Promise<never>((_, reject) => stream.once('error', reject));
    failed.catch(() => undefined);
    await Promise.race([writeCsvRows(sinkOf(stream), library, records, { ...options, bom: false }), failed]);
    await Promise.race([new Promise<void>((done) => stream.end(done)), failed]);
    await writeFile(join(folder, 'datapackage.json'), `${JSON.stringify(dataPackageDescriptor(records.length, options.text === true, options.now ?? new Date()), null, 2)}\n`);
  });
}
