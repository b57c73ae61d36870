import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SEED_ARTICLE } from '../../paths';
import { cliInTempLibrary } from './run-cli';

const cli = cliInTempLibrary();
const { run } = cli;

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
    const added = await exec(process.execPath, [bin, 'add', SEED_ARTICLE, '--library', cli.libraryPath, '--tag', 'ukraine']);
    const id = added.stdout.trim();
    const found = await exec(process.execPath, [bin, 'search', 'blinken', '--json', '--library', cli.libraryPath]);
    expect(JSON.parse(found.stdout).hits[0].id).toBe(id);
    const failed = await exec(process.execPath, [bin, 'show', 'NOPE', '--library', cli.libraryPath]).catch((error) => error);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe('cuttings: library: no article with id NOPE\n');
    expect(await readFile(join(cli.libraryPath, 'cuttings.json'), 'utf8')).toContain('cuttings-library');
  });

  it('stops quietly when the reader of its output goes away (cuttings list | head -1)', async () => {
    const { spawn } = await import('node:child_process');
    const bin = join(REPO_ROOT, 'bin', 'cuttings.js');
    // Enough rows that many writes come after the reader has gone.
    const lines = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ title: `Report ${i}`, text: `Words of report ${i}.` }));
    await writeFile(join(cli.folder.path, 'many.jsonl'), lines.join('\n'));
    expect((await run(['import', join(cli.folder.path, 'many.jsonl')])).code).toBe(0);
    const child = spawn(process.execPath, [bin, 'list', '--library', cli.libraryPath], { stdio: ['ignore', 'pipe', 'pipe'] });
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
    const id = (await exec(process.execPath, [bin, 'add', SEED_ARTICLE, '--library', cli.libraryPath])).stdout.trim();
    const { Library } = await import('../../../main/core/library');
    const holder = await Library.open(cli.libraryPath);
    try {
      const refused = await exec(process.execPath, [bin, 'tag', id, '--add', 'x', '--library', cli.libraryPath]).catch((error) => error);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe(`cuttings: library ${cli.libraryPath} is in use by process ${process.pid}\n`);
      const read = await exec(process.execPath, [bin, 'show', id, '--json', '--library', cli.libraryPath]);
      expect(JSON.parse(read.stdout).tags).toEqual([]);
    } finally {
      await holder.close();
    }
    expect((await exec(process.execPath, [bin, 'tag', id, '--add', 'x', '--library', cli.libraryPath])).stdout).toBe('x\n');
  });
});
