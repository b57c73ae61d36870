import { beforeEach, describe, expect, it } from 'vitest';
import { SEED_ARTICLE } from '../../../paths';
import { cliInTempLibrary } from '../run-cli';

const cli = cliInTempLibrary();
const { run } = cli;

describe('cuttings tag', () => {
  let id: string;
  beforeEach(async () => {
    id = (await run(['add', SEED_ARTICLE])).stdout.trim();
  });

  it('adds and removes tags', async () => {
    expect((await run(['tag', id, '--add', 'ukraine', '--add', 'talks'])).stdout).toBe('ukraine, talks\n');
    expect(JSON.parse((await run(['tag', id, '--remove', 'talks', '--json'])).stdout)).toEqual({ id, tags: ['ukraine'] });
    expect(JSON.parse((await run(['list', '--json'])).stdout)[0].tags).toEqual(['ukraine']);
  });

  it('refuses a tag of only spaces with one line and changes nothing', async () => {
    expect(await run(['tag', id, '--add', '   '])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'cuttings: tags: "   " is not a tag: it has no letters or digits\n',
    });
    expect(JSON.parse((await run(['show', id, '--json'])).stdout).tags).toEqual([]);
  });
});
