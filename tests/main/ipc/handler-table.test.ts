import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../common/api';
import { Library } from '../../../main/core/library';
import { createHandlerTable, type HandlerTable } from '../../../main/ipc/handler-table';
import { makeTempFolder, SEED_ARTICLE } from '../../paths';

let folder: { path: string; remove: () => Promise<void> };
let library: Library;
let table: HandlerTable;

beforeEach(async () => {
  folder = await makeTempFolder();
  library = await Library.open(join(folder.path, 'library'));
  table = createHandlerTable(() => library);
});
afterEach(async () => {
  await library.close();
  await folder.remove();
});

function call(channel: string, ...args: unknown[]) {
  const handler = table.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(args);
}

describe('the handler table', () => {
  it('has exactly one handler per channel of the contract', () => {
    expect([...table.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
  });

  it('returns ok results for a paste, a search and a tag edit', async () => {
    const added = await call(CHANNELS.addText, { text: await readFile(SEED_ARTICLE, 'utf8') });
    expect(added.ok).toBe(true);
    const id = added.ok ? (added.value as { id: string }).id : '';
    const found = await call(CHANNELS.search, { query: 'lavrov' });
    expect(found).toMatchObject({ ok: true, value: { total: 1 } });
    expect(await call(CHANNELS.updateTags, { id, add: ['ukraine'] })).toEqual({ ok: true, value: ['ukraine'] });
    expect(await call(CHANNELS.listTags)).toEqual({ ok: true, value: [{ tag: 'ukraine', count: 1 }] });
  });

  it('checks pasted text for a copy already in the library, and stores it only as the user chooses', async () => {
    const seed = await readFile(SEED_ARTICLE, 'utf8');
    const first = await call(CHANNELS.addTextChecked, { text: seed });
    expect(first).toMatchObject({ ok: true, value: { status: 'added' } });
    // The same story as another site prints it: its own header and footer around the wire text.
    const syndicated = `Breaking from our partners\n\n${seed}\n\nShare this story. Sign up for our newsletter.`;
    const asked = await call(CHANNELS.addTextChecked, { text: syndicated });
    expect(asked).toMatchObject({ ok: true, value: { status: 'duplicate', duplicate: { reason: expect.stringMatching(/text$/u) } } });
    expect(library.list()).toHaveLength(1);
    expect(await call(CHANNELS.addTextChecked, { text: syndicated, onDuplicate: 'skip' })).toMatchObject({ ok: true, value: { status: 'duplicate' } });
    const kept = await call(CHANNELS.addTextChecked, { text: syndicated, onDuplicate: 'version' });
    expect(kept).toMatchObject({ ok: true, value: { status: 'added', versionOf: expect.any(String) } });
    expect(library.list()).toHaveLength(2);
    expect(await call(CHANNELS.addTextChecked, { text: 'Harbour\n\nA different story about the harbour reopening.' })).toMatchObject({ ok: true, value: { status: 'added' } });
  });

  it('keeps all of the pasted text as the article when the add dialog gives a title', async () => {
    const added = await call(CHANNELS.addTextChecked, { text: 'Body one.\nand a second line.', title: 'My title' });
    expect(added).toMatchObject({ ok: true, value: { status: 'added', article: { title: 'My title' } } });
    const id = added.ok ? (added.value as { article: { id: string } }).article.id : '';
    expect((await library.get(id)).text).toBe('Body one.\n\nand a second line.');
    const one = await call(CHANNELS.addTextChecked, { text: 'Just one paragraph here.', title: 'T2' });
    expect(one).toMatchObject({ ok: true, value: { status: 'added', article: { title: 'T2' } } });
  });

  it('rejects arguments that do not fit the schema, naming the method and the field', async () => {
    expect(await call(CHANNELS.search, { query: 42 })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'search: invalid arguments at 0.query: Invalid input: expected string, received number' },
    });
    const extra = await call(CHANNELS.addText, { text: 'a', evil: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call(CHANNELS.getArticle)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('turns domain errors into failures with their code and message', async () => {
    expect(await call(CHANNELS.getArticle, 'NOPE')).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'library: no article with id NOPE' },
    });
    expect(await call(CHANNELS.addText, { text: '   ' })).toEqual({
      ok: false,
      error: { code: 'bad-content', message: 'clip: pasted text is empty' },
    });
  });
});
