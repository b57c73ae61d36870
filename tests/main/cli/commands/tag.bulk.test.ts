// `cuttings tag --query Q` and `cuttings tag ID ID…`: many articles at once.
import { describe, expect, it } from 'vitest';
import { cliInTempLibrary } from '../run-cli';

const cli = cliInTempLibrary();
const { run } = cli;

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
