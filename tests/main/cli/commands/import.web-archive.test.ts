/**
 * `cuttings export --format warc|wacz` and `cuttings import` of a web archive from the
 * command line: the summary, and `show` naming the WARC record a cutting came from.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempFolder } from '../../../paths';
import { crawlerWarc } from '../../core/archive/web-archive-library';
import { runCli } from '../run-cli';

let folder: Awaited<ReturnType<typeof makeTempFolder>>;
beforeEach(async () => {
  folder = await makeTempFolder();
});
afterEach(async () => {
  await folder.remove();
});

const PAGE = `<!doctype html><html><head><title>Night ferry cancelled</title></head><body><article><h1>Night ferry cancelled</h1>
<p>${'The night ferry will not sail this winter, the operator said on Tuesday. '.repeat(8)}</p></article></body></html>`;

describe('cuttings import and export of web archives', () => {
  it('imports a WARC, shows where each cutting came from, and exports WARC and WACZ', async () => {
    const env = { CUTTINGS_LIBRARY: join(folder.path, 'library') };
    await writeFile(join(folder.path, 'crawl.warc.gz'), crawlerWarc(PAGE, { url: 'https://ferries.example/night', id: '<urn:uuid:6f1d2c4e-1111-4222-8333-944455556666>', date: '2023-11-02T08:30:00Z' }));
    const imported = await runCli(['import', join(folder.path, 'crawl.warc.gz')], env);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^Imported 1 article from warc in [\d.]+ s; 0 skipped as duplicates; 0 failed\n$/u);
    const id = JSON.parse((await runCli(['list', '--json'], env)).stdout)[0].id as string;
    const shown = await runCli(['show', id], env);
    expect(shown.stdout).toContain('Archived:  crawl.warc.gz, record <urn:uuid:6f1d2c4e-1111-4222-8333-944455556666>, captured 2023-11-02T08:30:00Z');
    for (const format of ['warc', 'wacz']) {
      const out = join(folder.path, `out.${format}`);
      const exported = await runCli(['export', '--format', format, '-o', out, '--json'], env);
      expect(exported.code).toBe(0);
      expect(JSON.parse(exported.stdout)).toMatchObject({ format, articles: 1, path: out });
    }
  });
});
