import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUrlArgument } from '../../../../main/cli/commands/add';
import { makePdf } from '../../core/capture/make-pdf';
import { bbcPage, startTestServer, type TestServer } from '../../core/fetch/test-server';
import { SHARED } from '../../../paths';
import { cliInTempLibrary } from '../run-cli';

let server: TestServer;
const cli = cliInTempLibrary();
const { run } = cli;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const ID = /^[0-9A-HJKMNP-TV-Z]{26}$/u;

describe('cuttings add URL', () => {
  it('fetches a page and prints its id; show gives its provenance', async () => {
    const added = await run(['add', server.url('/redirect/1'), '--tag', 'whales']);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const id = added.stdout.trim();
    expect(id).toMatch(ID);
    const shown = JSON.parse((await run(['show', id, '--json'])).stdout);
    expect(shown.provenance).toMatchObject({ method: 'url', originalUrl: server.url('/redirect/1'), finalUrl: server.url('/guardian'), httpStatus: 200 });
    expect(shown.tags).toEqual(['whales']);
    const text = (await run(['show', id])).stdout;
    expect(text).toContain(`Fetched:   ${server.url('/redirect/1')} → ${server.url('/guardian')} (HTTP 200)\n`);
  });

  it('skips a duplicate with a notice and exit status 3, and stores it when told', async () => {
    const first = (await run(['add', server.url('/bbc/business/001')])).stdout.trim();
    const again = await run(['add', `${server.url('/bbc/business/001')}?utm_campaign=x`]);
    expect(again.code).toBe(3);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(
      new RegExp(`^cuttings: skipped ${escape(server.url('/bbc/business/001'))}\\?utm_campaign=x: it duplicates ${first} \\(".+"\\), the same address \\(.+\\); store it anyway with --on-duplicate keep or --on-duplicate version\\n$`, 'u'),
    );
    const syndicated = await run(['add', server.url('/wire/business/001'), '--json']);
    expect(syndicated.code).toBe(3);
    expect(JSON.parse(syndicated.stdout)).toMatchObject({ input: server.url('/wire/business/001'), skipped: true, duplicate: { id: first, reason: 'similar-text' } });

    const version = await run(['add', server.url('/wire/business/001'), '--on-duplicate', 'version']);
    expect(version.code).toBe(0);
    expect(version.stderr).toContain(`stored as a new version of ${first}`);
    const list = JSON.parse((await run(['list', '--json'])).stdout);
    expect(list).toHaveLength(2);
  });

  it('exits 1 naming the URL and why for a 404 and a non-HTML type', async () => {
    expect(await run(['add', server.url('/missing')])).toEqual({ code: 1, stdout: '', stderr: `cuttings: fetch: ${server.url('/missing')}: the server answered HTTP 404 Not Found\n` });
    expect((await run(['add', server.url('/image.png')])).stderr).toBe(
      `cuttings: fetch: ${server.url('/image.png')}: not a web page or a PDF: its content type is image/png; Cuttings clips text/html, application/xhtml+xml and application/pdf\n`,
    );
    expect((await run(['add', 'ftp://example.org/story'])).stderr).toBe('cuttings: fetch: ftp://example.org/story: only http and https addresses can be fetched, not ftp:\n');
  });

  it('refuses bad usage with exit status 2', async () => {
    expect((await run(['add', server.url('/guardian'), '--on-duplicate', 'merge'])).stderr).toContain("--on-duplicate must be skip, keep or version, not 'merge'");
    expect((await run(['add', server.url('/guardian'), '--url', 'https://x.org/'])).code).toBe(2);
    expect((await run(['add', 'a.txt', 'b.txt', '--title', 'T'])).code).toBe(2);
  });
});

describe('cuttings add FILE...', () => {
  it('adds several files of different kinds at once, reporting a failure and going on', async () => {
    const files = {
      'story.txt': readFileSync(join(SHARED, 'corpora', 'bbc', 'sport', '001.txt')),
      'page.html': Buffer.from(bbcPage('tech/004.txt')),
      'report.pdf': makePdf([['Annual report', 'Profits rose by a tenth.']], 'Annual report 2024'),
      'notes.md': Buffer.from('# Notes\n\nThe council met on Tuesday and agreed the budget for next year.'),
    };
    const paths = [];
    for (const [name, bytes] of Object.entries(files)) {
      await writeFile(join(cli.folder.path, name), bytes);
      paths.push(join(cli.folder.path, name));
    }
    const missing = join(cli.folder.path, 'missing.html');
    const result = await run(['add', ...paths.slice(0, 2), missing, ...paths.slice(2)]);
    expect(result.code).toBe(1);
    const ids = result.stdout.trim().split('\n');
    expect(ids).toHaveLength(4);
    for (const id of ids) expect(id).toMatch(ID);
    expect(result.stderr).toBe(`cuttings: add: cannot read ${missing}: no such file\ncuttings: 4 of 5 added; 0 skipped as duplicates; 1 failed\n`);
    const titles = JSON.parse((await run(['list', '--json'])).stdout).map((article: { title: string }) => article.title);
    expect(titles).toContain('Annual report 2024');
  });

  it('catches a BBC identical pair given together, skipping the second', async () => {
    const a = join(SHARED, 'corpora', 'bbc', 'tech', '285.txt');
    const b = join(SHARED, 'corpora', 'bbc', 'tech', '304.txt');
    const result = await run(['add', a, b]);
    expect(result.code).toBe(3);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`cuttings: skipped ${b}: it duplicates ${result.stdout.trim()}`);
    expect(result.stderr).toContain('the very same text');
  });
});

describe('isUrlArgument', () => {
  it('tells web addresses from paths', () => {
    expect(isUrlArgument('https://example.org/a')).toBe(true);
    expect(isUrlArgument('ftp://example.org/a')).toBe(true);
    expect(isUrlArgument('story.html')).toBe(false);
    expect(isUrlArgument('C:\\news\\story.html')).toBe(false);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
