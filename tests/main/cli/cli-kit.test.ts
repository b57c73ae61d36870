import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempFolder, SEED_ARTICLE } from '../../paths';
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

describe('withLibrary', () => {
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
