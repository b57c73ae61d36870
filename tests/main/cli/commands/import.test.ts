import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempFolder, REPO_ROOT, SEED_ARTICLE } from '../../../paths';
import { runCli } from '../run-cli';

const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'import');

let folder: Awaited<ReturnType<typeof makeTempFolder>>;
let libraryPath: string;
beforeEach(async () => {
  folder = await makeTempFolder();
  libraryPath = join(folder.path, 'library');
});
afterEach(async () => {
  await folder.remove();
});

function run(args: string[], library = libraryPath) {
  return runCli(args, { CUTTINGS_LIBRARY: library });
}

describe('cuttings import', () => {
  it('tells the format from the file and prints imported, duplicates and failures with reasons', async () => {
    const result = await run(['import', join(FIXTURES, 'pocket.csv')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Imported 3 articles \(3 URL-only\) from pocket in [\d.]+ s; 1 skipped as duplicate; 1 failed\n/u);
    expect(result.stdout).toContain('  duplicate: row 5: an article from https://finance.example.com/2022/01/rates-hold is already in the library\n');
    expect(result.stdout).toContain('  failed: row 6: it has neither text nor a web address\n');
    const again = JSON.parse((await run(['import', join(FIXTURES, 'zotero.ris'), '--format', 'ris', '--json'])).stdout);
    expect(again).toMatchObject({ format: 'ris', imported: 2, failed: [] });
  });

  it('round-trips the library through an archive and through its own JSONL and CSV', async () => {
    await run(['add', SEED_ARTICLE, '--tag', 'ukraine', '--url', 'https://example.org/talks']);
    for (const [format, name] of [['archive', 'all.zip'], ['jsonl', 'all.jsonl'], ['json', 'all.json'], ['csv', 'all.csv']] as const) {
      expect((await run(['export', '-f', format, '--text', '-o', join(folder.path, name)].filter((arg) => arg !== '--text' || format === 'csv'))).code).toBe(0);
      const fresh = join(folder.path, `fresh-${format}`);
      const imported = JSON.parse((await run(['import', join(folder.path, name), '--json'], fresh)).stdout);
      expect(imported, format).toMatchObject({ format, imported: 1, failed: [], duplicates: [] });
      const [article] = JSON.parse((await run(['list', '--json'], fresh)).stdout);
      expect(article, format).toMatchObject({ title: 'US-Russia talks on Ukraine Lavrov: I don’t expect a breakthrough', tags: ['ukraine'], url: 'https://example.org/talks' });
      // The same file again, into the library that came from it: all duplicates.
      expect(JSON.parse((await run(['import', join(folder.path, name), '--json'])).stdout), format).toMatchObject({ imported: 0, duplicates: [{}] });
    }
  });

  it('exits 2 for an unknown --format', async () => {
    expect(await run(['import', 'x', '--format', 'docx'])).toMatchObject({ code: 2, stderr: expect.stringContaining('cuttings: unknown format "docx"; choose one of archive, json, jsonl') });
  });

  it('imports a JSONL file and prints a summary naming the bad lines', async () => {
    const path = join(folder.path, 'in.jsonl');
    await writeFile(path, [JSON.stringify({ title: 'One', text: 'First body.' }), 'oops', JSON.stringify({ title: 'Two', text: 'Second body.' })].join('\n'));
    const result = await run(['import', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Imported 2 articles in [\d.]+ s; 1 line failed\n {2}line 2: not valid JSON/u);
    expect(JSON.parse((await run(['list', '--json'])).stdout)).toHaveLength(2);
  });

  it('refuses a file that is missing or of a kind it cannot tell', async () => {
    expect(await run(['import', 'notes.csv'])).toMatchObject({ code: 1, stderr: 'cuttings: import: cannot read notes.csv: no such file or folder\n' });
    const docx = join(folder.path, 'notes.docx');
    await writeFile(docx, 'PK? no, just words');
    expect((await run(['import', docx])).stderr).toBe(
      `cuttings: import: cannot tell what kind of file ${docx} is; give --format (archive, json, jsonl, jsonl-lines, csv, pocket, bookmarks, wallabag, csl, ris, html-folder, warc, wacz)\n`,
    );
  });
});
