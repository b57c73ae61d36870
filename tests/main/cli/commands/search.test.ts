import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../../../main/core/library';
import { SEED_ARTICLE } from '../../../paths';
import { cliInTempLibrary } from '../run-cli';

const cli = cliInTempLibrary();
const { run } = cli;

describe('cuttings search', () => {
  let id: string;
  beforeEach(async () => {
    id = (await run(['add', SEED_ARTICLE])).stdout.trim();
  });

  it('searches with --json as {total, hits: [{id, title, score, snippet}]}', async () => {
    const { code, stdout } = await run(['search', 'Lavrov', '--json']);
    expect(code).toBe(0);
    const results = JSON.parse(stdout);
    expect(results.total).toBe(1);
    expect(results.hits[0]).toMatchObject({ id, title: expect.stringContaining('Lavrov'), score: expect.any(Number) });
    expect(results.hits[0].snippet).toContain('Lavrov');
  });

  it('limits results with --limit and rejects a bad limit', async () => {
    await run(['add', '--stdin'], 'Second\n\nLavrov again in another article.');
    expect(JSON.parse((await run(['search', 'lavrov', '--limit', '1', '--json'])).stdout).hits).toHaveLength(1);
    expect((await run(['search', 'lavrov', '--limit', 'x'])).code).toBe(2);
    expect(await run(['search', 'lavrov', '--limit', '0'])).toMatchObject({ code: 2, stderr: expect.stringContaining("--limit must be a whole number of 1 or more, not '0'") });
    expect(await run(['search', 'lavrov', '--limit', '5', '--all'])).toMatchObject({ code: 2, stderr: expect.stringContaining('give --limit N or --all, not both') });
  });

  it('writes the same JSON as the library\'s own search answers', async () => {
    const { stdout } = await run(['search', 'Lavrov', '--json']);
    const library = await Library.open(cli.libraryPath, { readOnly: true });
    try {
      expect(stdout).toBe(`${JSON.stringify(await library.search('Lavrov', { limit: 20 }))}\n`);
    } finally {
      await library.close();
    }
  });

  it('answers any --limit, and every match with --all, a page at a time', async () => {
    const articles = Array.from({ length: 1200 }, (_, i) => JSON.stringify({ title: `Harbour report ${i}`, text: `The harbour board met for the ${i}th time and spoke of ships.` }));
    await writeFile(join(cli.folder.path, 'many.jsonl'), `${articles.join('\n')}\n`);
    expect((await run(['import', join(cli.folder.path, 'many.jsonl')])).code).toBe(0);
    const thousand = JSON.parse((await run(['search', 'harbour', '--limit', '1000', '--json'])).stdout);
    expect(thousand.total).toBe(1200);
    expect(thousand.hits).toHaveLength(1000);
    const all = await run(['search', 'harbour', '--all', '--json']);
    expect(all.code).toBe(0);
    const every = JSON.parse(all.stdout);
    expect(Object.keys(every)).toEqual(['total', 'hits', 'facets']);
    expect(every.total).toBe(1200);
    expect(new Set(every.hits.map((hit: { id: string }) => hit.id)).size).toBe(1200);
    // In order across the pages: the best first, as the first page of a search has them.
    const scores = every.hits.map((hit: { score: number }) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(every.hits.slice(0, 1000)).toEqual(thousand.hits);
    expect(every.hits[1100].snippet).toContain('harbour');
    const human = (await run(['search', 'harbour', '--all'])).stdout;
    expect(human.startsWith('1200 articles found\n')).toBe(true);
    expect(human.match(/^[0-9A-Z]{26} {2}Harbour report/gmu)).toHaveLength(1200);
  });

  it('sorts with --sort, gives facets in --json, and runs a --batch file one JSON line a query', async () => {
    await run(['add', '--stdin', '--published', '2030-01-01', '--tag', 'later'], 'Later\n\nLavrov spoke again much later.');
    const sorted = JSON.parse((await run(['search', 'lavrov', '--sort', 'published', '--json'])).stdout);
    expect(sorted.hits.map((hit: { title: string }) => hit.title)[0]).toBe('Later');
    expect(sorted.facets.tags).toEqual({ later: 1 });
    const batch = join(cli.folder.path, 'queries.txt');
    await writeFile(batch, 'lavrov\n\nblinken\n"unclosed\n');
    const lines = (await run(['search', '--batch', batch])).stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.query, line.total ?? line.error])).toEqual([
      ['lavrov', 2],
      ['blinken', 1],
      ['"unclosed', 'query: unclosed quote at 1: "unclosed'],
    ]);
    expect((await run(['search', 'x', '--sort', 'size'])).code).toBe(2);
  });

  it('saves a search with --save and runs it with --saved', async () => {
    expect((await run(['search', 'blinken', '--save', 'Talks'])).code).toBe(0);
    expect(JSON.parse((await run(['search', '--saved', 'talks', '--json'])).stdout).total).toBe(1);
    expect(await run(['search', '--saved', 'nothing'])).toMatchObject({ code: 1, stderr: 'cuttings: saved searches: there is no saved search named "nothing"\n' });
  });

  it('names the fault in a query that does not parse', async () => {
    expect(await run(['search', 'peace AND'])).toMatchObject({ code: 1, stderr: 'cuttings: query: AND needs a search term on each side at 7: …AND\n' });
  });
});
