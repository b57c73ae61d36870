import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bbcPage, startTestServer, type TestServer } from '../../core/fetch/test-server';
import { cliInTempLibrary } from '../run-cli';

let server: TestServer;
const cli = cliInTempLibrary();
const { run } = cli;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const ID = /^[0-9A-HJKMNP-TV-Z]{26}$/u;

describe('cuttings recapture', () => {
  it('prints what changed word by word and stores a version; says when nothing changed', async () => {
    server.set('/cli-story', bbcPage('politics/010.txt'));
    const id = (await run(['add', server.url('/cli-story')])).stdout.trim();
    const unchanged = await run(['recapture', id]);
    expect(unchanged.code).toBe(0);
    expect(unchanged.stdout).toMatch(new RegExp(`^Unchanged since \\S+ \\(${id}\\); nothing stored\\n$`, 'u'));

    server.set('/cli-story', bbcPage('politics/010.txt').replace('<article>', '<article><p>Update: the minister has since resigned.</p>'));
    const changed = await run(['recapture', id]);
    expect(changed.code).toBe(0);
    const [versionId, summary, ...diff] = changed.stdout.trim().split('\n');
    expect(versionId).toMatch(ID);
    expect(summary).toMatch(new RegExp(`^Changed since \\S+ \\(${id}\\); stored as a new version of ${id}$`, 'u'));
    expect(diff.join('\n')).toContain('{+Update: the minister has since resigned.+}');

    const json = JSON.parse((await run(['recapture', versionId!, '--json'])).stdout);
    expect(json).toMatchObject({ changed: false, id: null, versionOf: id, previous: versionId, diff: [] });
  });

  it('exits 1 for an article with no web address', async () => {
    const id = (await run(['add', '--stdin'], 'Council notes\n\nThe council met on Tuesday.')).stdout.trim();
    expect(await run(['recapture', id])).toEqual({ code: 1, stdout: '', stderr: `cuttings: recapture: article ${id} ("Council notes") has no web address to fetch again\n` });
  });
});
