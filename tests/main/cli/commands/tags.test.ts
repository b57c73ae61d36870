// `cuttings tags` (list, rename, delete), and the built bin running tags and rules as a real process.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../paths';
import { cliInTempLibrary } from '../run-cli';

const cli = cliInTempLibrary();
const { run } = cli;

/** Adds a pasted article with tags (kept even when much like another); returns its id. */
async function add(text: string, ...tags: string[]): Promise<string> {
  const result = await run(['add', '--stdin', '--on-duplicate', 'keep', ...tags.flatMap((tag) => ['--tag', tag])], text);
  expect(result.code).toBe(0);
  return result.stdout.trim();
}

describe('cuttings tags', () => {
  it('lists each tag with its count, renames (merging) and deletes', async () => {
    await add('Untagged\n\nWords.');
    expect(await run(['tags'])).toEqual({ code: 0, stdout: 'No tags\n', stderr: '' });
    for (let i = 0; i < 10; i++) await add(`Story ${i}\n\nWords ${i}.`, 'ukraine', ...(i < 3 ? ['ukraine/diplomacy'] : []), ...(i === 0 ? ['Europe/Ukraine'] : []));
    expect((await run(['tags'])).stdout).toBe(' 1  Europe/Ukraine\n10  ukraine\n 3  ukraine/diplomacy\n');
    expect(JSON.parse((await run(['tags', '--json'])).stdout)).toEqual([
      { tag: 'ukraine', count: 10 },
      { tag: 'ukraine/diplomacy', count: 3 },
      { tag: 'Europe/Ukraine', count: 1 },
    ]);
    expect(await run(['tags', 'rename', 'ukraine', 'europe/ukraine'])).toEqual({ code: 0, stdout: 'Merged “ukraine” into “Europe/Ukraine” on 10 articles\n', stderr: '' });
    expect((await run(['tags'])).stdout).toBe('10  Europe/Ukraine\n 3  Europe/Ukraine/diplomacy\n');
    expect(JSON.parse((await run(['tags', 'delete', 'europe/ukraine/DIPLOMACY', '--json'])).stdout)).toEqual({ message: 'Deleted “Europe/Ukraine/diplomacy” from 3 articles', articles: 3 });
    expect((await run(['tags'])).stdout).toBe('10  Europe/Ukraine\n');
  });

  it('exits 1 for a tag no article has or that is not a tag, 2 for bad usage', async () => {
    await add('Story\n\nWords.', 'ukraine');
    expect(await run(['tags', 'rename', 'nope', 'x'])).toEqual({ code: 1, stdout: '', stderr: 'cuttings: tags: no article has the tag “nope”\n' });
    expect(await run(['tags', 'rename', 'ukraine', 'u'.repeat(500)])).toMatchObject({ code: 1, stderr: `cuttings: tags: a tag may have at most 100 characters; "${'u'.repeat(20)}…" has 500\n` });
    expect(await run(['tags', 'delete', '   '])).toMatchObject({ code: 1, stderr: 'cuttings: tags: "   " is not a tag: it has no letters or digits\n' });
    expect((await run(['tags', 'rename', 'ukraine'])).code).toBe(2);
    expect((await run(['tags', 'frobnicate'])).stderr).toContain("cuttings: tags takes list, rename or delete, not 'frobnicate'");
    expect((await run(['tags'])).stdout).toBe('1  ukraine\n');
  });
});

describe('the built bin', () => {
  it('runs tags and rules as a real process', async () => {
    const exec = promisify(execFile);
    const bin = join(REPO_ROOT, 'bin', 'cuttings.js');
    await add('Geneva talks\n\nLavrov met Blinken.', 'ukraine');
    expect((await exec(process.execPath, [bin, 'tags', 'rename', 'ukraine', 'Europe/Ukraine', '--library', cli.libraryPath])).stdout).toBe(
      'Renamed “ukraine” to “Europe/Ukraine” on 1 article\n',
    );
    expect((await exec(process.execPath, [bin, 'tags', '--library', cli.libraryPath])).stdout).toBe('1  Europe/Ukraine\n');
    const failed = await exec(process.execPath, [bin, 'rules', 'add', '--query', '"open', '--tag', 'x', '--library', cli.libraryPath]).catch((error) => error);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe("cuttings: tag rules: the rule's query: unclosed quote at 1: \"open\n");
  });
});
