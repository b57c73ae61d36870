import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDataPackage } from '../../../../main/core/export/datapackage';
import { parseCsv } from '../../../../main/core/import/csv-parse';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary();

describe('Data Package export', () => {
  it('describes every column of the CSV beside it, in order, with a type and a description', async () => {
    await temp.library.addText({ text: 'Geneva talks\n\nThe ministers met for ninety minutes.', tags: ['ukraine'], published: '2022-01-21' });
    await temp.library.addText({ text: '=HYPERLINK("x")\n\nA title a spreadsheet would run.' });
    const out = join(temp.folder, 'package');
    await exportDataPackage(temp.library, temp.library.list().map((a) => temp.library.record(a.id)), out, { text: true, bom: true });
    const descriptor = JSON.parse(await readFile(join(out, 'datapackage.json'), 'utf8'));
    const csv = await readFile(join(out, 'articles.csv'), 'utf8');
    // The standard wants plain UTF-8: no byte order mark even when one was asked for the CSV.
    expect(csv.startsWith('\uFEFF')).toBe(false);
    const rows = parseCsv(csv);
    const resource = descriptor.resources[0];
    expect(descriptor.profile).toBe('tabular-data-package');
    expect(resource).toMatchObject({ path: 'articles.csv', format: 'csv', encoding: 'utf-8', profile: 'tabular-data-resource' });
    expect(resource.schema.fields.map((field: { name: string }) => field.name)).toEqual(rows[0]);
    for (const field of resource.schema.fields) {
      expect(['string', 'integer', 'date', 'datetime']).toContain(field.type);
      expect(field.description.length).toBeGreaterThan(10);
    }
    expect(resource.schema.primaryKey).toBe('id');
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => row[1])).toContain('\'=HYPERLINK("x")');
    const words = rows[0]!.indexOf('words');
    for (const row of rows.slice(1)) expect(row[words]).toMatch(/^\d+$/u);
  });
});
