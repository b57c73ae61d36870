import { beforeEach, describe, expect, it } from 'vitest';
import { SEED_ARTICLE } from '../../../paths';
import { cliInTempLibrary } from '../run-cli';

const cli = cliInTempLibrary();
const { run } = cli;

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
