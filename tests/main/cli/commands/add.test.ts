import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readOriginal } from '../../../../main/core/storage/captures';
import { makeTempFolder, SEED_ARTICLE } from '../../../paths';
import { runCli } from '../run-cli';

let folder: { path: string; remove: () => Promise<void> };
let libraryPath: string;

beforeEach(async () => {
  folder = await makeTempFolder();
  libraryPath = join(folder.path, 'library');
});
afterEach(() => folder.remove());

/** Runs the CLI in this process with captured output. */
function run(args: string[], stdin: string | Buffer = '', env: NodeJS.ProcessEnv = {}) {
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
    const text = await run(['add', '--stdin', '--title', 'Given title'], 'Kept first line\n\nA body with words enough.');
    expect(text.code).toBe(0);
    const html = await run(['add', '--stdin', '--json'], `<!doctype html><title>Piped page</title><article>${'<p>Some piped article text that goes on for a while.</p>'.repeat(5)}</article>`);
    expect(JSON.parse(html.stdout).title).toBe('Piped page');
    const list = JSON.parse((await run(['list', '--json'])).stdout);
    expect(list.map((a: { title: string }) => a.title)).toEqual(['Piped page', 'Given title']);
  });

  it('keeps all of the piped text as the article when --title gives the title', async () => {
    const two = await run(['add', '--stdin', '--title', 'My title', '--json'], 'Body one.\nand a second line.\n');
    expect(two).toMatchObject({ code: 0, stderr: '' });
    const shown = JSON.parse((await run(['show', JSON.parse(two.stdout).id, '--json'])).stdout);
    expect(shown).toMatchObject({ title: 'My title', text: 'Body one.\n\nand a second line.' });
    const one = await run(['add', '--stdin', '--title', 'T2', '--json'], 'Just one paragraph here.\n');
    expect(one).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse((await run(['show', JSON.parse(one.stdout).id, '--json'])).stdout).text).toBe('Just one paragraph here.');
  });

  it('keeps the bytes piped in as the original, stray bytes and all', async () => {
    const bytes = Buffer.concat([Buffer.from('Stray bytes\n\nA line with a NUL '), Buffer.from([0, 0, 0]), Buffer.from(' inside it.\n')]);
    const added = await run(['add', '--stdin', '--json'], bytes);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const { id } = JSON.parse(added.stdout);
    expect(await readOriginal(libraryPath, id)).toEqual({ kind: 'txt', bytes });
    expect(JSON.parse((await run(['show', id, '--json'])).stdout).text).toBe('A line with a NUL inside it.');
  });

  it('exits 1 with one line naming the problem for nothing on stdin', async () => {
    expect(await run(['add', '--stdin'], '')).toEqual({ code: 1, stdout: '', stderr: 'cuttings: add: nothing on standard input\n' });
  });

  it('exits 1 for a missing file, an unsupported kind, a binary .html and an empty file', async () => {
    const missing = await run(['add', join(folder.path, 'nope.txt')]);
    expect(missing).toMatchObject({ code: 1, stderr: `cuttings: add: cannot read ${join(folder.path, 'nope.txt')}: no such file\n` });
    const docx = join(folder.path, 'paper.docx');
    await writeFile(docx, 'PK');
    expect((await run(['add', docx])).stderr).toBe(`cuttings: add: cannot clip ${docx}: Cuttings reads .html, .htm, .mhtml, .txt, .md and .pdf files, and scans (.jpg, .jpeg, .png, .tif, .tiff, .webp)\n`);
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
