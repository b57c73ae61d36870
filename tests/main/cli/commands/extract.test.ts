/**
 * `cuttings extract`: prints what would be stored for a page, without a library; --batch
 * gives one JSON line per list line, in order, and carries on past bad lines.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempFolder, SEED_ARTICLE, SHARED } from '../../../paths';
import { runCli } from '../run-cli';

let folder: { path: string; remove: () => Promise<void> };
let libraryPath: string;

beforeEach(async () => {
  folder = await makeTempFolder();
  libraryPath = join(folder.path, 'library');
});
afterEach(() => folder.remove());

function run(args: string[]) {
  return runCli(args, { CUTTINGS_LIBRARY: libraryPath });
}

const PARAGRAPH = '<p>The council voted on Tuesday to close the old bridge to lorries, after engineers found cracks in two of its piers and warned that repairs would take most of the winter.</p>';
const STORY = `<!doctype html><html lang="en-GB"><head>
<title>Bridge closed to lorries | Riverside Gazette</title>
<link rel="canonical" href="https://gazette.example/2024/03/05/bridge">
<meta property="og:site_name" content="Riverside Gazette">
<meta property="article:modified_time" content="2024-03-06T08:00:00Z">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","@id":"#site","name":"Riverside Gazette"},
{"@type":"NewsArticle","headline":"Bridge closed to lorries","datePublished":"2024-03-05T10:00:00Z","author":{"@id":"#jane"}},
{"@type":"Person","@id":"#jane","name":"Jane Doe"}]}</script>
</head><body><nav><a href="/">Home</a></nav><article><h1>Bridge closed to lorries</h1>${PARAGRAPH.repeat(4)}
<div class="share-bar"><a href="https://facebook.example/share">Share on Facebook</a></div>
<p class="newsletter">Sign up to our newsletter for the latest news.</p></article></body></html>`;

describe('cuttings extract', () => {
  it('prints the fields that would be stored as one JSON object, and needs no library', async () => {
    const page = join(folder.path, 'story.html');
    await writeFile(page, STORY);
    const { code, stdout, stderr } = await run(['extract', page, '--url', 'https://gazette.example/2024/03/05/bridge?utm_source=x', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['title', 'author', 'published', 'modified', 'site', 'lang', 'canonical', 'text']);
    expect(result).toMatchObject({
      title: 'Bridge closed to lorries',
      author: 'Jane Doe',
      published: '2024-03-05T10:00:00Z',
      modified: '2024-03-06T08:00:00Z',
      site: 'Riverside Gazette',
      lang: 'en-GB',
      canonical: 'https://gazette.example/2024/03/05/bridge',
    });
    expect(result.text).toContain('engineers found cracks');
    expect(result.text).not.toMatch(/Share on Facebook|newsletter/);
    expect(existsSync(libraryPath)).toBe(false);
  });

  it('extracts a plain text file as add would', async () => {
    const { code, stdout } = await run(['extract', SEED_ARTICLE, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ title: 'US-Russia talks on Ukraine Lavrov: I don’t expect a breakthrough', modified: null });
  });

  it('prints one JSON line per batch line, in order, with the file, and carries on past bad lines', async () => {
    const good = join(folder.path, 'story.html');
    await writeFile(good, STORY);
    const corpusPage = join(SHARED, 'corpora', 'readability-pages', 'nytimes-1', 'source.html');
    const list = join(folder.path, 'list.tsv');
    await writeFile(
      list,
      [
        `${good}\thttps://gazette.example/2024/03/05/bridge`,
        `${join(folder.path, 'missing.html')}\thttps://gazette.example/x`,
        '',
        `${good}\tftp://gazette.example/x`,
        `${good}\thttps://a.example/\textra`,
        corpusPage,
      ].join('\n'),
    );
    const { code, stdout, stderr } = await run(['extract', '--batch', list]);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.file)).toEqual([good, join(folder.path, 'missing.html'), good, good, corpusPage]);
    expect(lines[0]).toMatchObject({ title: 'Bridge closed to lorries', author: 'Jane Doe' });
    expect(lines[1].error).toBe(`extract: cannot read ${join(folder.path, 'missing.html')}: no such file`);
    expect(lines[2].error).toBe("extract: --url must be an http or https address, not 'ftp://gazette.example/x'");
    expect(lines[3].error).toBe(`extract: line 5 of ${list} has 3 tab-separated fields; expected PATH<TAB>URL`);
    expect(lines[4].title).toBeTypeOf('string');
    expect(lines[4].text.length).toBeGreaterThan(1000);
    expect(stderr).toBe(`cuttings: extract: 3 of the lines in ${list} failed\n`);
    expect(code).toBe(1);
  });

  it('exits 0 when every batch line extracts', async () => {
    const good = join(folder.path, 'story.html');
    await writeFile(good, STORY);
    const list = join(folder.path, 'list.tsv');
    await writeFile(list, `${good}\n${good}\thttps://gazette.example/b\n`);
    const { code, stdout } = await run(['extract', '--batch', list]);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(2);
  });

  it('refuses bad usage with exit status 2, and bad input with 1 naming the file', async () => {
    expect((await run(['extract'])).code).toBe(2);
    expect((await run(['extract', 'a.html', '--batch', 'list.tsv'])).code).toBe(2);
    const empty = join(folder.path, 'empty.html');
    await writeFile(empty, '   ');
    const refused = await run(['extract', empty]);
    expect(refused).toMatchObject({ code: 1, stdout: '', stderr: `cuttings: clip: ${empty} is empty\n` });
    const pdf = await run(['extract', join(folder.path, 'paper.pdf')]);
    expect(pdf.stderr).toBe(`cuttings: extract: cannot extract ${join(folder.path, 'paper.pdf')}: Cuttings reads .html, .htm, .txt and .md files\n`);
    const missingList = await run(['extract', '--batch', join(folder.path, 'nope.tsv')]);
    expect(missingList.stderr).toBe(`cuttings: extract: cannot read ${join(folder.path, 'nope.tsv')}: no such file\n`);
  });
});
