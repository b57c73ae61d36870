import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { capturePath } from '../../../../main/core/storage/captures';
import { SEED_ARTICLE } from '../../../paths';
import { cliInTempLibrary } from '../run-cli';

const cli = cliInTempLibrary();
const { run } = cli;

describe('cuttings verify and reindex', () => {
  it('verifies a sound library with exit 0 and a damaged one with exit 1', async () => {
    const id = (await run(['add', SEED_ARTICLE])).stdout.trim();
    expect(await run(['reindex'])).toMatchObject({ code: 0, stdout: 'Indexed 1 article\n' });
    expect(await run(['verify'])).toMatchObject({ code: 0, stdout: '1 article checked; no problems found\n' });
    // The original's bytes (after the content and kind lines) replaced by something that is not gzip.
    const capture = capturePath(cli.libraryPath, id);
    const bytes = await readFile(capture);
    const kindEnd = bytes.indexOf(10, bytes.indexOf(10) + 1);
    await writeFile(capture, Buffer.concat([bytes.subarray(0, kindEnd + 1), Buffer.from('not gzip')]));
    const damaged = await run(['verify']);
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toContain(`problem: article ${id}`);
    expect(damaged.stdout).toContain('1 problem found');
  });
});
