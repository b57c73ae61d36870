import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../../../main/core/library';
import { makeTempFolder, SEED_ARTICLE } from '../../../paths';
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

describe('cuttings note', () => {
  it('sets, prints and clears a note; show prints the note and highlights', async () => {
    const id = (await run(['add', SEED_ARTICLE])).stdout.trim();
    expect(await run(['note', id])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await run(['note', id, '--set', '# Follow up\n\nCall the *ministry*.'])).toMatchObject({ code: 0, stdout: `note on ${id} saved (33 characters)\n` });
    expect((await run(['note', id])).stdout).toBe('# Follow up\n\nCall the *ministry*.\n');
    const library = await Library.open(libraryPath);
    await library.addHighlight({ id, quote: 'Lake Liman', comment: 'where?' });
    await library.close();
    const shown = (await run(['show', id])).stdout;
    expect(shown).toContain('Note:\n  # Follow up\n  \n  Call the *ministry*.\n');
    expect(shown).toContain('Highlights (1):\n  “Lake Liman”\n      where?\n');
    expect(JSON.parse((await run(['note', id, '--json'])).stdout)).toMatchObject({ id, note: '# Follow up\n\nCall the *ministry*.', highlights: [{ quote: 'Lake Liman' }] });
    expect((await run(['search', 'ministry has:notes'])).stdout).toContain(id);
    expect(await run(['note', id, '--set', ''])).toMatchObject({ code: 0, stdout: `note on ${id} deleted\n` });
    expect((await run(['note', id])).stdout).toBe('');
  });

  it('names an unknown id and an oversized note, and keeps the note it had', async () => {
    const id = (await run(['add', SEED_ARTICLE])).stdout.trim();
    expect(await run(['note', 'NOPE', '--set', 'x'])).toEqual({ code: 1, stdout: '', stderr: 'cuttings: library: no article with id NOPE\n' });
    await run(['note', id, '--set', 'kept']);
    const big = await run(['note', id, '--set', 'x'.repeat(100_001)]);
    expect(big).toMatchObject({ code: 1, stderr: `cuttings: notes: the note on ${id} has 100,001 characters; a note may have at most 100,000\n` });
    expect((await run(['note', id])).stdout).toBe('kept\n');
    expect((await run(['note'])).code).toBe(2);
  });
});
