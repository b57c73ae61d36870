import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_ARTICLE } from '../../paths';
import { cliInTempLibrary } from './run-cli';

const cli = cliInTempLibrary();
const { run } = cli;

describe('withLibrary', () => {
  it('refuses to write while another process holds the library, and still reads', async () => {
    const id = (await run(['add', SEED_ARTICLE])).stdout.trim();
    const { Library } = await import('../../../main/core/library');
    const holder = await Library.open(cli.libraryPath);
    try {
      expect(await run(['tag', id, '--add', 'x'])).toEqual({ code: 1, stdout: '', stderr: `cuttings: library ${cli.libraryPath} is in use by process ${process.pid}\n` });
      expect((await run(['search', 'lavrov', '--json'])).code).toBe(0);
    } finally {
      await holder.close();
    }
  });

  it('finds a library that does not exist yet empty for commands that only read, saying so in one line and creating nothing', async () => {
    const notice = `cuttings: library: there is no library at ${cli.libraryPath} yet, so it is empty (the first \`cuttings add\` or \`cuttings import\` creates it)\n`;
    expect(await run(['list'])).toEqual({ code: 0, stdout: '', stderr: notice });
    expect(await run(['list', '--json'])).toEqual({ code: 0, stdout: '[]\n', stderr: notice });
    expect(await run(['tags', '--json'])).toEqual({ code: 0, stdout: '[]\n', stderr: notice });
    expect(await run(['rules', 'list', '--json'])).toEqual({ code: 0, stdout: '[]\n', stderr: notice });
    const search = await run(['search', 'lavrov', '--json']);
    expect(search).toMatchObject({ code: 0, stderr: notice });
    expect(JSON.parse(search.stdout)).toEqual({ total: 0, hits: [], facets: { tags: {}, sources: {}, years: {} } });
    expect(await run(['search', 'lavrov'])).toEqual({ code: 0, stdout: '0 articles found\n', stderr: notice });
    expect(await run(['verify'])).toMatchObject({ code: 0, stderr: notice });
    expect(existsSync(cli.libraryPath)).toBe(false);
    // An empty folder is a library not created yet too; a folder of other things is not a library.
    await mkdir(cli.libraryPath);
    expect(await run(['list', '--json'])).toEqual({ code: 0, stdout: '[]\n', stderr: notice });
    expect(await readdir(cli.libraryPath)).toEqual([]);
    await writeFile(join(cli.libraryPath, 'notes.txt'), 'mine');
    expect(await run(['list'])).toEqual({ code: 1, stdout: '', stderr: `cuttings: library: there is no Cuttings library at ${cli.libraryPath}\n` });
  });
});
