import { beforeEach, describe, expect, it } from 'vitest';
import { cliInTempLibrary } from '../run-cli';

const cli = cliInTempLibrary();
const { run } = cli;

const TEXT = 'The council met on Tuesday to discuss the harbour budget.\n\nNo decision was taken.';

async function shown(id: string): Promise<{ title: string; published: string | null; author: string | null; source: string | null }> {
  return JSON.parse((await run(['show', id, '--json'])).stdout);
}

async function found(query: string): Promise<string[]> {
  return JSON.parse((await run(['search', query, '--json'])).stdout).hits.map((hit: { id: string }) => hit.id);
}

describe('cuttings edit', () => {
  let id: string;
  beforeEach(async () => {
    id = (await run(['add', '--stdin', '--title', 'Zebrafish report', '--source', 'Harbour Gazette', '--published', '2020-01-05'], TEXT)).stdout.trim();
  });

  it('changes the title, date, author and source, which show and search then find', async () => {
    const edited = await run(['edit', id, '--title', 'Quokka census', '--published', '2019-04-02T08:30:00Z', '--author', 'B. Reporter', '--source', '']);
    expect(edited).toEqual({
      code: 0,
      stdout: `${id}: title "Quokka census", published "2019-04-02T08:30:00Z", author "B. Reporter", source (none); the custody log records the change\n`,
      stderr: '',
    });
    expect(await shown(id)).toMatchObject({ title: 'Quokka census', published: '2019-04-02T08:30:00Z', author: 'B. Reporter', source: null });
    expect(await found('quokka')).toEqual([id]);
    expect(await found('zebrafish')).toEqual([]);
    expect(await found('published:2019-04')).toEqual([id]);
    expect((await run(['verify'])).code).toBe(0);
    expect((await run(['show', id])).stdout).toMatch(/\nEdited: {4,}\d{4}-\d{2}-\d{2}T[^\n]* \(details changed or confirmed after capture/u);
  });

  it('prints the details as JSON with --json, and confirms them unchanged with --confirm', async () => {
    expect(await run(['edit', id, '--confirm'])).toMatchObject({ code: 0, stdout: `${id}: details confirmed as they are ("Zebrafish report")\n` });
    const json = JSON.parse((await run(['edit', id, '--published', '', '--json'])).stdout);
    expect(json).toEqual({ id, title: 'Zebrafish report', published: null, author: null, source: 'Harbour Gazette', edited: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/u) });
  });

  it('refuses a bad date in one line naming it, and changes nothing', async () => {
    expect(await run(['edit', id, '--title', 'Quokka census', '--published', '31/12/2020'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'cuttings: details: published date "31/12/2020" is not a date (YYYY-MM-DD, or a full ISO 8601 time such as 2024-03-05T09:30:00Z)\n',
    });
    expect(await run(['edit', id, '--title', ''])).toMatchObject({ code: 1, stderr: 'cuttings: details: the title cannot be empty\n' });
    expect(await run(['edit', 'NOPE', '--title', 'x'])).toMatchObject({ code: 1, stderr: 'cuttings: library: no article with id NOPE\n' });
    expect(await shown(id)).toMatchObject({ title: 'Zebrafish report', published: '2020-01-05' });
  });

  it('says how to use it when given nothing to change, or --confirm with changes', async () => {
    expect(await run(['edit', id])).toMatchObject({ code: 2, stderr: expect.stringContaining('cuttings: edit needs --title, --published, --author or --source (or --confirm)\n') });
    expect(await run(['edit', id, '--confirm', '--title', 'x'])).toMatchObject({ code: 2, stderr: expect.stringContaining('cuttings: edit takes --confirm alone') });
    expect(await run(['edit', '--title', 'x'])).toMatchObject({ code: 2, stderr: expect.stringContaining('cuttings: edit takes one ID\n') });
    expect((await run(['edit', '--help'])).stdout).toContain('Usage: cuttings edit ID');
  });
});
