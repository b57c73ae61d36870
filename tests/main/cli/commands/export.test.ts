import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../main/core/import/csv-parse';
import { makeTempFolder, SEED_ARTICLE } from '../../../paths';
import { runCli } from '../run-cli';

let folder: Awaited<ReturnType<typeof makeTempFolder>>;
let libraryPath: string;
beforeEach(async () => {
  folder = await makeTempFolder();
  libraryPath = join(folder.path, 'library');
});
afterEach(async () => {
  await folder.remove();
});

function run(args: string[]) {
  return runCli(args, { CUTTINGS_LIBRARY: libraryPath });
}

describe('cuttings export', () => {
  it('writes every format, choosing articles by tag, query or id', async () => {
    const seed = (await run(['add', SEED_ARTICLE, '--tag', 'ukraine/diplomacy', '--source', 'Example Wire'])).stdout.trim();
    await writeFile(join(folder.path, 'gas.txt'), 'Gas prices climb\n\nPrices rose for a third week.');
    const other = (await run(['add', join(folder.path, 'gas.txt'), '--tag', 'energy'])).stdout.trim();

    for (const [format, name] of [['archive', 'a.zip'], ['json', 'a.json'], ['jsonl', 'a.jsonl'], ['csv', 'a.csv'], ['md', 'a.md.zip'], ['html', 'site'], ['bibtex', 'a.bib'], ['ris', 'a.ris'], ['csl', 'a.csl.json'], ['datapackage', 'package']]) {
      const result = await run(['export', '--format', format!, '-o', join(folder.path, name!)]);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(new RegExp(`^Exported 2 articles as ${format} to .+ in [\\d.]+ s\\n$`, 'u'));
    }
    expect((await readdir(join(folder.path, 'package'))).sort()).toEqual(['articles.csv', 'datapackage.json']);

    expect(JSON.parse((await run(['export', '-f', 'jsonl', '--tag', 'UKRAINE', '-o', join(folder.path, 't.jsonl'), '--json'])).stdout)).toMatchObject({ format: 'jsonl', articles: 1 });
    expect(JSON.parse(await readFile(join(folder.path, 't.jsonl'), 'utf8')).id).toBe(seed);
    await run(['export', '-f', 'csv', '--query', 'prices', '--text', '--bom', '-o', join(folder.path, 'q.csv')]);
    const csv = await readFile(join(folder.path, 'q.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(csv).map((row) => row[0])).toEqual(['id', other]);
    await run(['export', '-f', 'ris', seed, '-o', join(folder.path, 'one.ris')]);
    expect(await readFile(join(folder.path, 'one.ris'), 'utf8')).toContain(`ID  - ${seed}\r\n`);
  });

  it('is explained in the help, with every format', async () => {
    expect((await run(['--help'])).stdout).toContain('  export -o PATH ');
    const help = (await run(['export', '--help'])).stdout;
    for (const text of ['Usage: cuttings export', '--library DIR', '--query Q', '--tag T', 'archive', 'datapackage', 'bibtex, ris, csl']) expect(help).toContain(text);
  });

  it('exits 2 for bad usage and 1 naming what was wrong', async () => {
    expect(await run(['export', '-o', 'x'])).toMatchObject({ code: 2, stderr: expect.stringContaining('cuttings: export needs --format F') });
    expect(await run(['export', '-f', 'csv'])).toMatchObject({ code: 2, stderr: expect.stringContaining('cuttings: export needs -o PATH') });
    expect(await run(['export', '-f', 'docx', '-o', 'x'])).toMatchObject({ code: 2, stderr: expect.stringContaining('cuttings: unknown format "docx"; choose one of archive,') });
    expect(await run(['export', '-f', 'csv', '--tag', 'a', '--query', 'b', '-o', 'x'])).toMatchObject({ code: 2 });
    await run(['add', SEED_ARTICLE]);
    expect(await run(['export', '-f', 'csv', '--tag', 'sport', '-o', join(folder.path, 'x.csv')])).toEqual({ code: 1, stdout: '', stderr: 'cuttings: export: no article has the tag "sport"\n' });
  });
});
