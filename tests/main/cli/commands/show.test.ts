import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
function run(args: string[], stdin = '', env: NodeJS.ProcessEnv = {}) {
  return runCli(args, { CUTTINGS_LIBRARY: libraryPath, ...env }, stdin);
}

describe('cuttings show', () => {
  let id: string;
  beforeEach(async () => {
    id = (await run(['add', SEED_ARTICLE])).stdout.trim();
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
});
