// The organising channels of the handler table: each calls the library and answers a
// Result; bulk changes send `bulk-progress` events; bad arguments and bad tags are refused
// with messages that name them, and change nothing.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, type AppEvent } from '../../../../common/api';
import { Library } from '../../../../main/core/library';
import { createHandlerTable, type HandlerTable } from '../../../../main/ipc/handler-table';
import { makeTempFolder } from '../../../paths';

let folder: { path: string; remove: () => Promise<void> };
let library: Library;
let table: HandlerTable;
const events: AppEvent[] = [];

beforeEach(async () => {
  folder = await makeTempFolder();
  library = await Library.open(join(folder.path, 'library'));
  events.length = 0;
  table = createHandlerTable(() => library, undefined, undefined, { sendEvent: (event) => events.push(event) });
});
afterEach(async () => {
  await library.close();
  await folder.remove();
});

function call(channel: string, ...args: unknown[]) {
  return table.get(channel)!(args);
}

async function addFive() {
  for (let i = 0; i < 5; i++) await library.addText({ text: `Talks ${i}\n\nGeneva talks, day ${i}.`, tags: i < 2 ? ['ukraine'] : [], published: `2024-01-0${i + 1}` });
}

describe('the organising channels', () => {
  it('bulk-tag with progress events, rename with undo, colour, and list tags with colours', async () => {
    await addFive();
    const bulk = await call(CHANNELS.bulkTag, { query: 'geneva', add: ['talks'] });
    expect(bulk).toEqual({ ok: true, value: { matched: 5, changed: 5, message: 'Added “talks” on 5 articles of 5' } });
    expect(events).toEqual([
      { type: 'bulk-progress', done: 0, total: 5 },
      { type: 'bulk-progress', done: 5, total: 5 },
    ]);
    expect(await call(CHANNELS.renameTag, { from: 'ukraine', to: 'talks' })).toEqual({
      ok: true,
      value: { message: 'Merged “ukraine” into “talks” on 2 articles', articles: 2, canUndo: true },
    });
    expect(await call(CHANNELS.setTagColour, { tag: 'talks', colour: '#aabbcc' })).toEqual({ ok: true, value: [{ tag: 'talks', count: 5, colour: '#aabbcc' }] });
    expect(await call(CHANNELS.undoTagChange)).toMatchObject({ ok: true, value: { articles: 2, canUndo: false } });
    expect(await call(CHANNELS.listTags)).toEqual({ ok: true, value: [{ tag: 'talks', count: 5, colour: '#aabbcc' }, { tag: 'ukraine', count: 2 }] });
    expect(await call(CHANNELS.undoTagChange)).toEqual({ ok: true, value: null });
    expect(await call(CHANNELS.deleteTag, 'Ukraine')).toMatchObject({ ok: true, value: { articles: 2 } });
  });

  it('add, list, run and remove rules, and count a timeline', async () => {
    await addFive();
    expect(await call(CHANNELS.addRule, { query: 'talks day', tags: ['geneva'] })).toEqual({ ok: true, value: [{ id: 1, query: 'talks day', tags: ['geneva'] }] });
    expect(await call(CHANNELS.listRules)).toMatchObject({ ok: true, value: [{ id: 1 }] });
    const dry = await call(CHANNELS.applyRules, { dryRun: true });
    expect(dry).toMatchObject({ ok: true, value: { dryRun: true, changed: 5, message: 'Rule 1 would add tags to 5 articles' } });
    expect(await call(CHANNELS.listTags)).toEqual({ ok: true, value: [{ tag: 'ukraine', count: 2 }] });
    expect(await call(CHANNELS.applyRules, { dryRun: false, ruleId: 1 })).toMatchObject({ ok: true, value: { changed: 5, message: 'Rule 1 added tags to 5 articles' } });
    expect(events.at(-1)).toEqual({ type: 'bulk-progress', done: 5, total: 5 });
    expect(await call(CHANNELS.removeRule, 1)).toEqual({ ok: true, value: [] });
    const timeline = await call(CHANNELS.timeline, { query: 'tag:ukraine', by: 'published', unit: 'day' });
    expect(timeline).toEqual({
      ok: true,
      value: { by: 'published', unit: 'day', undated: 0, buckets: [{ from: '2024-01-01', to: '2024-01-01', count: 1 }, { from: '2024-01-02', to: '2024-01-02', count: 1 }] },
    });
  });

  it('refuse bad arguments and bad input with messages naming them, changing nothing', async () => {
    await addFive();
    const refused = async (channel: string, ...args: unknown[]) => {
      const result = await call(channel, ...args);
      expect(result.ok).toBe(false);
      return result.ok ? '' : result.error.message;
    };
    expect(await refused(CHANNELS.renameTag, { from: 'ukraine' })).toMatch(/^renameTag: invalid arguments at 0\.to: /u);
    expect(await refused(CHANNELS.renameTag, { from: 'ukraine', to: '   ' })).toBe('tags: "   " is not a tag: it has no letters or digits');
    expect(await refused(CHANNELS.renameTag, { from: 'ukraine', to: '//' })).toBe('tags: "//" is not a tag: it has no letters or digits');
    expect(await refused(CHANNELS.deleteTag, 'u'.repeat(500))).toBe(`tags: a tag may have at most 100 characters; "${'u'.repeat(20)}…" has 500`);
    expect(await refused(CHANNELS.bulkTag, { ids: [], query: 'x', add: ['a'] })).toMatch(/^bulkTag: invalid arguments/u);
    expect(await refused(CHANNELS.bulkTag, { query: 'geneva', add: [''] })).toBe('tags: "" is not a tag: it has no letters or digits');
    expect(await refused(CHANNELS.setTagColour, { tag: 'ukraine', colour: 'blue' })).toBe('tag colours: "blue" is not a colour; write it as #rrggbb, such as #3a7bd5');
    expect(await refused(CHANNELS.addRule, { query: '"peace talks', tags: ['x'] })).toBe("tag rules: the rule's query: unclosed quote at 1: \"peace talks");
    expect(await refused(CHANNELS.removeRule, 1.5)).toMatch(/^removeRule: invalid arguments/u);
    expect(await refused(CHANNELS.applyRules, { dryRun: 'yes' })).toMatch(/^applyRules: invalid arguments/u);
    expect(await refused(CHANNELS.timeline, { query: '', by: 'modified', unit: 'day' })).toMatch(/^timeline: invalid arguments at 0\.by/u);
    expect(await refused(CHANNELS.timeline, { query: 'tag:', by: 'published', unit: 'day' })).toBe('query: tag: needs a value at 1: tag:');
    expect(await call(CHANNELS.listTags)).toEqual({ ok: true, value: [{ tag: 'ukraine', count: 2 }] });
    expect(await call(CHANNELS.listRules)).toEqual({ ok: true, value: [] });
    expect(events).toEqual([]);
  });
});
