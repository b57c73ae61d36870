import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../../common/api';
import { createHandlerTable } from '../../../../main/ipc/handler-table';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary();

function call(channel: string, ...args: unknown[]) {
  const handler = createHandlerTable(() => temp.library).get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(args);
}

const TEXT = 'The council met on Tuesday to discuss the harbour budget.';

describe('the editDetails handler', () => {
  it('changes the details over the library and answers with the article after', async () => {
    const { id } = await temp.library.addText({ text: TEXT, title: 'Zebrafish report' });
    expect(await call(CHANNELS.editDetails, { id, title: 'Quokka census', published: '2019-04-02', author: 'B. Reporter', source: '' })).toMatchObject({
      ok: true,
      value: { id, title: 'Quokka census', published: '2019-04-02', author: 'B. Reporter', source: null, text: expect.stringContaining('harbour') },
    });
    expect(temp.library.record(id).title).toBe('Quokka census');
  });

  it('refuses arguments of the wrong shape before the library sees them', async () => {
    const { id } = await temp.library.addText({ text: TEXT, title: 'Zebrafish report' });
    expect(await call(CHANNELS.editDetails, { id, title: 5 })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/^editDetails: invalid arguments at 0\.title: /u) } });
    expect(await call(CHANNELS.editDetails, { id, headline: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/^editDetails: invalid arguments/u) } });
    expect(await call(CHANNELS.editDetails, { id, published: 'x'.repeat(101) })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/^editDetails: invalid arguments at 0\.published: /u) } });
    expect(await call(CHANNELS.editDetails, { title: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(temp.library.record(id).title).toBe('Zebrafish report');
  });

  it('passes the core’s one-line refusal of a bad value on, word for word', async () => {
    const { id } = await temp.library.addText({ text: TEXT, title: 'Zebrafish report' });
    expect(await call(CHANNELS.editDetails, { id, published: '2024-13-01' })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'details: published date "2024-13-01" is not a date (YYYY-MM-DD, or a full ISO 8601 time such as 2024-03-05T09:30:00Z)' },
    });
    expect(await call(CHANNELS.editDetails, { id: 'NOPE', title: 'x' })).toEqual({ ok: false, error: { code: 'not-found', message: 'library: no article with id NOPE' } });
  });
});
