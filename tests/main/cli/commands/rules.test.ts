// `cuttings rules` (list, add, remove, apply with a dry run), with the exit statuses and one-line errors of the other commands.
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
