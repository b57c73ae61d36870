import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capturePath } from '../../../../main/core/storage/captures';
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

describe('cuttings verify and reindex', () => {
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
});
