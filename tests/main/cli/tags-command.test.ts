// The organising commands: `cuttings tag --query`, `cuttings tags` (list, rename, delete)
// and `cuttings rules` (list, add, remove, apply with a dry run), with the exit statuses and
// one-line errors of the other commands; and the built bin running them as a real process.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempFolder, REPO_ROOT } from '../../paths';
import { runCli } from './run-cli';

let folder: { path: string; remove: () => Promise<void> };
let libraryPath: string;

beforeEach(async () => {
  folder = await makeTempFolder();
  libraryPath = join(folder.path, 'library');
});
afterEach(() => folder.remove());

/** Runs the CLI in this process with captured output. */
function run(args: string[], stdin = '') {
  return runCli(args, { CUTTINGS_LIBRARY: libraryPath }, stdin);
}

/** Adds a pasted article with tags (kept even when much like another); returns its id. */
async function add(text: string, ...tags: string[]): Promise<string> {
  const result = await run(['add', '--stdin', '--on-duplicate', 'keep', ...tags.flatMap((tag) => ['--tag', tag])], text);
  expect(result.code).toBe(0);
  return result.stdout.trim();
}

describe('cuttings tag --query', () => {
  it('adds and removes tags on every article a search finds, keeping `tag ID` as it was', async () => {
    const a = await add('Geneva talks\n\nLavrov met Blinken.', 'draft');
    const b = await add('More Geneva talks\n\nAnother round.', 'draft');
    await add('Harvest\n\nApples.', 'draft');
    const result = await run(['tag', '--query', 'geneva', '--add', 'diplomacy', '--remove', 'draft']);
    expect(result).toEqual({ code: 0, stdout: 'Added “diplomacy” and removed “draft” on 2 articles of 2\n', stderr: '' });
    expect(JSON.parse((await run(['tag', '--query=talks', '--add', 'x', '--json'])).stdout)).toEqual({ matched: 2, changed: 2, message: 'Added “x” on 2 articles of 2' });
    expect(await run(['tag', a, b, '--remove', 'x'])).toMatchObject({ code: 0, stdout: 'Removed “x” on 2 articles of 2\n' });
    expect(await run(['tag', a, '--add', 'geneva'])).toEqual({ code: 0, stdout: 'diplomacy, geneva\n', stderr: '' });
  });

  it('exits 1 with one line for a bad query, a bad tag or an unknown id, 2 for bad usage', async () => {
    const a = await add('Geneva talks\n\nLavrov met Blinken.');
    expect(await run(['tag', '--query', '(geneva', '--add', 'x'])).toEqual({ code: 1, stdout: '', stderr: 'cuttings: query: unclosed parenthesis at 1: (geneva\n' });
    expect(await run(['tag', '--query', 'geneva', '--add', ' // '])).toEqual({ code: 1, stdout: '', stderr: 'cuttings: tags: " // " is not a tag: it has no letters or digits\n' });
    expect(await run(['tag', a, 'NOPE', '--add', 'x'])).toEqual({ code: 1, stdout: '', stderr: 'cuttings: library: no article with id NOPE; no tags were changed\n' });
    expect((await run(['tag', '--query', 'geneva'])).code).toBe(2);
    expect((await run(['tag', a, '--query', 'geneva', '--add', 'x'])).stderr).toContain('cuttings: give IDs or --query Q, not both');
    expect(JSON.parse((await run(['tags', '--json'])).stdout)).toEqual([]);
  });
});

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

describe('cuttings rules', () => {
  it('adds, lists, dry-runs, applies and removes rules; new cuttings get their tags', async () => {
    const talks = await add('Geneva talks\n\nLavrov met Blinken.');
    await add('Harvest\n\nApples.');
    expect(await run(['rules'])).toEqual({ code: 0, stdout: 'No rules\n', stderr: '' });
    expect(await run(['rules', 'add', '--query', 'lavrov OR blinken', '--tag', 'diplomacy', '--tag', 'people'])).toEqual({
      code: 0,
      stdout: 'Added rule 1: lavrov OR blinken  →  diplomacy, people\n',
      stderr: '',
    });
    expect((await run(['rules', 'list'])).stdout).toBe('1  lavrov OR blinken  →  diplomacy, people\n');
    const dry = await run(['rules', 'apply', '--dry-run']);
    expect(dry).toEqual({
      code: 0,
      stdout: `rule 1: 1 matched, 1 would change\n${talks}  Geneva talks  +diplomacy, +people\nRule 1 would add tags to 1 article\n`,
      stderr: '',
    });
    expect((await run(['tags'])).stdout).toBe('No tags\n');
    expect((await run(['rules', 'apply'])).stdout).toContain('Rule 1 added tags to 1 article\n');
    expect((await run(['tags'])).stdout).toBe('1  diplomacy\n1  people\n');
    // A new cutting that matches gets the tags as it is added.
    const later = await run(['add', '--stdin', '--json'], 'Blinken again\n\nBlinken spoke.');
    expect(JSON.parse(later.stdout).tags).toEqual(['diplomacy', 'people']);
    expect(JSON.parse((await run(['rules', 'apply', '--dry-run', '--json'])).stdout)).toMatchObject({ dryRun: true, changed: 0 });
    expect(await run(['rules', 'remove', '1'])).toEqual({ code: 0, stdout: 'Removed rule 1\n', stderr: '' });
    expect(JSON.parse((await run(['rules', '--json'])).stdout)).toEqual([]);
  });

  it('exits 1 for a query that does not parse or an unknown rule, 2 for bad usage, changing nothing', async () => {
    await add('Story\n\nWords.');
    expect(await run(['rules', 'add', '--query', 'lavrov OR', '--tag', 'x'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "cuttings: tag rules: the rule's query: OR needs a search term on each side at 8: …OR\n",
    });
    expect(await run(['rules', 'add', '--query', 'lavrov', '--tag', '/'])).toMatchObject({ code: 1, stderr: 'cuttings: tags: "/" is not a tag: it has no letters or digits\n' });
    expect(await run(['rules', 'remove', '4'])).toEqual({ code: 1, stdout: '', stderr: 'cuttings: tag rules: there is no rule 4\n' });
    expect((await run(['rules', 'remove', 'first'])).stderr).toContain("cuttings: a rule number is a whole number, such as 3, not 'first'");
    expect((await run(['rules', 'add', '--tag', 'x'])).code).toBe(2);
    expect((await run(['rules', 'add', '--query', 'x'])).code).toBe(2);
    expect((await run(['rules', 'run'])).code).toBe(2);
    expect((await run(['rules'])).stdout).toBe('No rules\n');
  });
});

describe('the built bin', () => {
  it('runs tags and rules as a real process', async () => {
    const exec = promisify(execFile);
    const bin = join(REPO_ROOT, 'bin', 'cuttings.js');
    await add('Geneva talks\n\nLavrov met Blinken.', 'ukraine');
    expect((await exec(process.execPath, [bin, 'tags', 'rename', 'ukraine', 'Europe/Ukraine', '--library', libraryPath])).stdout).toBe(
      'Renamed “ukraine” to “Europe/Ukraine” on 1 article\n',
    );
    expect((await exec(process.execPath, [bin, 'tags', '--library', libraryPath])).stdout).toBe('1  Europe/Ukraine\n');
    const failed = await exec(process.execPath, [bin, 'rules', 'add', '--query', '"open', '--tag', 'x', '--library', libraryPath]).catch((error) => error);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe("cuttings: tag rules: the rule's query: unclosed quote at 1: \"open\n");
  });
});
