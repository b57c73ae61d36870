import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { capturePath } from '../../../main/core/storage/captures';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempFolder, REPO_ROOT, SEED_ARTICLE } from '../../paths';
import { runCli } from './run-cli';

let folder: { path: string; remove: () => Promise<void> };
let libraryPath: string;

beforeEach(async () => {
  folder = await makeTempFolder();
  libraryPath = join(folder.path, 'library');
});
afterEach(() => folder.remove());

/** Runs the CLI in this process with captured output. */
function run(args: string[], stdin = '', env: NodeJS.ProcessEnv = {}) {
  return runCli(args, { CUTTINGS_LIBRARY: libraryPath, ...env }, stdin);
}

describe('cuttings add', () => {
  it('adds a text file and prints the new id', async () => {
    const { code, stdout, stderr } = await run(['add', SEED_ARTICLE]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}\n$/u);
  });

  it('prints the stored metadata as one JSON object with --json', async () => {
    const { stdout } = await run([
      'add', SEED_ARTICLE, '--json', '--source', 'Wire', '--url', 'https://example.org/a', '--published', '2022-01-21', '--tag', 'ukraine', '--tag', 'talks',
    ]);
    const added = JSON.parse(stdout);
    expect(added).toMatchObject({
      title: 'US-Russia talks on Ukraine Lavrov: I don’t expect a breakthrough',
      url: 'https://example.org/a',
      source: 'Wire',
      published: '2022-01-21',
      tags: ['ukraine', 'talks'],
    });
    expect(added.id).toBeTypeOf('string');
    expect(added.clipped).toMatch(/^\d{4}-\d{2}-\d{2}T/u);
  });

  it('reads plain text or HTML from standard input', async () => {
    const text = await run(['add', '--stdin', '--title', 'Given title'], 'Ignored first line\n\nA body with words enough.');
    expect(text.code).toBe(0);
    const html = await run(['add', '--stdin', '--json'], `<!doctype html><title>Piped page</title><article>${'<p>Some piped article text that goes on for a while.</p>'.repeat(5)}</article>`);
    expect(JSON.parse(html.stdout).title).toBe('Piped page');
    const list = JSON.parse((await run(['list', '--json'])).stdout);
    expect(list.map((a: { title: string }) => a.title)).toEqual(['Piped page', 'Given title']);
  });

  it('exits 1 with one line naming the problem for nothing on stdin', async () => {
    expect(await run(['add', '--stdin'], '')).toEqual({ code: 1, stdout: '', stderr: 'cuttings: add: nothing on standard input\n' });
  });

  it('exits 1 for a missing file, an unsupported kind, a binary .html and an empty file', async () => {
    const missing = await run(['add', join(folder.path, 'nope.txt')]);
    expect(missing).toMatchObject({ code: 1, stderr: `cuttings: add: cannot read ${join(folder.path, 'nope.txt')}: no such file\n` });
    const docx = join(folder.path, 'paper.docx');
    await writeFile(docx, 'PK');
    expect((await run(['add', docx])).stderr).toBe(`cuttings: add: cannot clip ${docx}: Cuttings reads .html, .htm, .mhtml, .txt, .md and .pdf files\n`);
    const binary = join(folder.path, 'image.html');
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00, 0x10]));
    const binaryRun = await run(['add', binary]);
    expect(binaryRun.code).toBe(1);
    expect(binaryRun.stderr).toMatch(/^cuttings: clip: image\.html is not .*binary.*\n$/u);
    const empty = join(folder.path, 'empty.txt');
    await writeFile(empty, '\n  \n');
    const emptyRun = await run(['add', empty]);
    expect(emptyRun.code).toBe(1);
    expect(emptyRun.stderr.split('\n')).toHaveLength(2);
    expect(emptyRun.stderr).toContain('empty.txt is empty');
  });

  it('refuses a 50 MB file before reading it', async () => {
    const big = join(folder.path, 'big.html');
    await writeFile(big, Buffer.alloc(50 * 1024 * 1024, 'a'));
    const result = await run(['add', big]);
    expect(result).toMatchObject({ code: 1, stderr: `cuttings: add: ${big} is 50.0 MB; the largest file Cuttings clips is 32.0 MB\n` });
  });

  it('exits 2 for bad usage', async () => {
    expect((await run(['add'])).code).toBe(2);
    expect((await run(['add', 'a.txt', '--stdin'])).code).toBe(2);
    const unknown = await run(['add', SEED_ARTICLE, '--colour', 'red']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--colour'");
    expect((await run(['frobnicate'])).stderr).toContain("cuttings: unknown command 'frobnicate'");
  });
});

describe('cuttings search, show, list and tag', () => {
  let id: string;
  beforeEach(async () => {
    id = (await run(['add', SEED_ARTICLE])).stdout.trim();
  });

  it('searches with --json as {total, hits: [{id, title, score, snippet}]}', async () => {
    const { code, stdout } = await run(['search', 'Lavrov', '--json']);
    expect(code).toBe(0);
    const results = JSON.parse(stdout);
    expect(results.total).toBe(1);
    expect(results.hits[0]).toMatchObject({ id, title: expect.stringContaining('Lavrov'), score: expect.any(Number) });
    expect(results.hits[0].snippet).toContain('Lavrov');
  });

  it('limits results with --limit and rejects a bad limit', async () => {
    await run(['add', '--stdin'], 'Second\n\nLavrov again in another article.');
    expect(JSON.parse((await run(['search', 'lavrov', '--limit', '1', '--json'])).stdout).hits).toHaveLength(1);
    expect((await run(['search', 'lavrov', '--limit', 'x'])).code).toBe(2);
  });

  it('sorts with --sort, gives facets in --json, and runs a --batch file one JSON line a query', async () => {
    await run(['add', '--stdin', '--published', '2030-01-01', '--tag', 'later'], 'Later\n\nLavrov spoke again much later.');
    const sorted = JSON.parse((await run(['search', 'lavrov', '--sort', 'published', '--json'])).stdout);
    expect(sorted.hits.map((hit: { title: string }) => hit.title)[0]).toBe('Later');
    expect(sorted.facets.tags).toEqual({ later: 1 });
    const batch = join(folder.path, 'queries.txt');
    await writeFile(batch, 'lavrov\n\nblinken\n"unclosed\n');
    const lines = (await run(['search', '--batch', batch])).stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.query, line.total ?? line.error])).toEqual([
      ['lavrov', 2],
      ['blinken', 1],
      ['"unclosed', 'query: unclosed quote at 1: "unclosed'],
    ]);
    expect((await run(['search', 'x', '--sort', 'size'])).code).toBe(2);
  });

  it('saves a search with --save and runs it with --saved', async () => {
    expect((await run(['search', 'blinken', '--save', 'Talks'])).code).toBe(0);
    expect(JSON.parse((await run(['search', '--saved', 'talks', '--json'])).stdout).total).toBe(1);
    expect(await run(['search', '--saved', 'nothing'])).toMatchObject({ code: 1, stderr: 'cuttings: saved searches: there is no saved search named "nothing"\n' });
  });

  it('names the fault in a query that does not parse', async () => {
    expect(await run(['search', 'peace AND'])).toMatchObject({ code: 1, stderr: 'cuttings: query: AND needs a search term on each side at 7: …AND\n' });
  });

  it('shows an article with its text and tags, as JSON too', async () => {
    const shown = JSON.parse((await run(['show', id, '--json'])).stdout);
    expect(shown).toMatchObject({ id, tags: [] });
    expect(shown.text).toContain('Blinken');
    const human = (await run(['show', id])).stdout;
    expect(human).toContain('US-Russia talks on Ukraine');
    expect(human).toContain('Blinken');
  });

  it('names an unknown id and exits 1', async () => {
    expect(await run(['show', 'NOPE'])).toEqual({ code: 1, stdout: '', stderr: 'cuttings: library: no article with id NOPE\n' });
  });

  it('adds and removes tags', async () => {
    expect((await run(['tag', id, '--add', 'ukraine', '--add', 'talks'])).stdout).toBe('ukraine, talks\n');
    expect(JSON.parse((await run(['tag', id, '--remove', 'talks', '--json'])).stdout)).toEqual({ id, tags: ['ukraine'] });
    expect(JSON.parse((await run(['list', '--json'])).stdout)[0].tags).toEqual(['ukraine']);
  });

  it('refuses a tag of only spaces with one line and changes nothing', async () => {
    expect(await run(['tag', id, '--add', '   '])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'cuttings: tags: "   " is not a tag: it has no letters or digits\n',
    });
    expect(JSON.parse((await run(['show', id, '--json'])).stdout).tags).toEqual([]);
  });
});

describe('cuttings import, verify and reindex', () => {
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
      `cuttings: import: cannot tell what kind of file ${docx} is; give --format (archive, json, jsonl, jsonl-lines, csv, pocket, bookmarks, wallabag, csl, ris, html-folder)\n`,
    );
  });

  it('verifies a sound library with exit 0 and a damaged one with exit 1', async () => {
    const id = (await run(['add', SEED_ARTICLE])).stdout.trim();
    expect(await run(['reindex'])).toMatchObject({ code: 0, stdout: 'Indexed 1 article\n' });
    expect(await run(['verify'])).toMatchObject({ code: 0, stdout: '1 article checked; no problems found\n' });
    // The original's bytes (after the content and kind lines) replaced by something that is not gzip.
    const capture = capturePath(libraryPath, id);
    const bytes = await readFile(capture);
    const kindEnd = bytes.indexOf(10, bytes.indexOf(10) + 1);
    await writeFile(capture, Buffer.concat([bytes.subarray(0, kindEnd + 1), Buffer.from('not gzip')]));
    const damaged = await run(['verify']);
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toContain(`problem: article ${id}`);
    expect(damaged.stdout).toContain('1 problem found');
  });

  it('refuses to write while another process holds the library, and still reads', async () => {
    const id = (await run(['add', SEED_ARTICLE])).stdout.trim();
    const { Library } = await import('../../../main/core/library');
    const holder = await Library.open(libraryPath);
    try {
      expect(await run(['tag', id, '--add', 'x'])).toEqual({ code: 1, stdout: '', stderr: `cuttings: library ${libraryPath} is in use by process ${process.pid}\n` });
      expect((await run(['search', 'lavrov', '--json'])).code).toBe(0);
    } finally {
      await holder.close();
    }
  });
});

describe('cuttings help', () => {
  it('explains every command and its options', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['add', 'recapture', 'search', 'show', 'list', 'tag', 'import', 'verify', 'reindex']) {
      expect(help.stdout).toContain(`  ${command} `);
      const own = await run([command, '--help']);
      expect(own.code).toBe(0);
      expect(own.stdout).toContain(`Usage: cuttings ${command}`);
      expect(own.stdout).toContain('--library DIR');
    }
  });
});

describe('the installed bin', () => {
  it('runs as a real process with --library, and errors carry no stack trace', async () => {
    const exec = promisify(execFile);
    const bin = join(REPO_ROOT, 'bin', 'cuttings.js');
    const added = await exec(process.execPath, [bin, 'add', SEED_ARTICLE, '--library', libraryPath, '--tag', 'ukraine']);
    const id = added.stdout.trim();
    const found = await exec(process.execPath, [bin, 'search', 'blinken', '--json', '--library', libraryPath]);
    expect(JSON.parse(found.stdout).hits[0].id).toBe(id);
    const failed = await exec(process.execPath, [bin, 'show', 'NOPE', '--library', libraryPath]).catch((error) => error);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe('cuttings: library: no article with id NOPE\n');
    expect(await readFile(join(libraryPath, 'cuttings.json'), 'utf8')).toContain('cuttings-library');
  });

  it('stops quietly when the reader of its output goes away (cuttings list | head -1)', async () => {
    const { spawn } = await import('node:child_process');
    const bin = join(REPO_ROOT, 'bin', 'cuttings.js');
    // Enough rows that many writes come after the reader has gone.
    const lines = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ title: `Report ${i}`, text: `Words of report ${i}.` }));
    await writeFile(join(folder.path, 'many.jsonl'), lines.join('\n'));
    expect((await run(['import', join(folder.path, 'many.jsonl')])).code).toBe(0);
    const child = spawn(process.execPath, [bin, 'list', '--library', libraryPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('is refused the library by another process that holds it, and may still read it', async () => {
    const exec = promisify(execFile);
    const bin = join(REPO_ROOT, 'bin', 'cuttings.js');
    const id = (await exec(process.execPath, [bin, 'add', SEED_ARTICLE, '--library', libraryPath])).stdout.trim();
    const { Library } = await import('../../../main/core/library');
    const holder = await Library.open(libraryPath);
    try {
      const refused = await exec(process.execPath, [bin, 'tag', id, '--add', 'x', '--library', libraryPath]).catch((error) => error);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe(`cuttings: library ${libraryPath} is in use by process ${process.pid}\n`);
      const read = await exec(process.execPath, [bin, 'show', id, '--json', '--library', libraryPath]);
      expect(JSON.parse(read.stdout).tags).toEqual([]);
    } finally {
      await holder.close();
    }
    expect((await exec(process.execPath, [bin, 'tag', id, '--add', 'x', '--library', libraryPath])).stdout).toBe('x\n');
  });
});
