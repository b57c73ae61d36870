import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../../common/api';
import { createHandlerTable } from '../../../../main/ipc/handler-table';
import { SEED_ARTICLE } from '../../../paths';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary();

function call(channel: string, ...args: unknown[]) {
  const handler = createHandlerTable(() => temp.library).get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(args);
}

describe('the notes handlers', () => {
  it('set a note, add, update and remove a highlight, and suggest tags over the library', async () => {
    const { id } = await temp.library.addText({ text: await readFile(SEED_ARTICLE, 'utf8') });
    expect(await call(CHANNELS.setNote, { id, note: 'n' })).toMatchObject({ ok: true, value: { id, note: 'n' } });
    const added = await call(CHANNELS.addHighlight, { id, quote: 'Lake Liman', comment: 'where?' });
    expect(added).toMatchObject({ ok: true, value: [{ quote: 'Lake Liman', comment: 'where?' }] });
    const highlightId = added.ok ? (added.value as { id: string }[])[0]!.id : '';
    expect(await call(CHANNELS.updateHighlight, { id, highlightId, comment: '' })).toMatchObject({ ok: true, value: [{ comment: '' }] });
    expect(await call(CHANNELS.removeHighlight, { id, highlightId })).toEqual({ ok: true, value: [] });
    const suggested = await call(CHANNELS.suggestTags, id);
    expect(suggested).toMatchObject({ ok: true, value: expect.arrayContaining([{ tag: 'Geneva', kind: 'place' }]) });
  });

  it('answer bad input with a clear failure and change nothing', async () => {
    const { id } = await temp.library.addText({ text: await readFile(SEED_ARTICLE, 'utf8') });
    expect(await call(CHANNELS.addHighlight, { id, quote: 'not in it at all' })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: `highlights: the text of ${id} has no passage "not in it at all"; nothing was highlighted` },
    });
    expect(await call(CHANNELS.setNote, { id: 'NOPE', note: 'x' })).toEqual({ ok: false, error: { code: 'not-found', message: 'library: no article with id NOPE' } });
    expect(await call(CHANNELS.setNote, { id, note: 5 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await temp.library.get(id)).highlights).toEqual([]);
    expect((await temp.library.get(id)).note).toBe('');
  });
});
