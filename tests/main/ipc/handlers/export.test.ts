// The export channels of the handler table (main/ipc/handlers/export.ts): an export
// of the current query as CSV with progress events and a summary that matches the file, a
// cancel that leaves nothing behind, and bad paths and arguments refused with messages that
// name them.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, type AppEvent } from '../../../../common/api';
import type { BatchItem } from '../../../../main/core/library';
import { Library } from '../../../../main/core/library';
import { createHandlerTable, type HandlerTable } from '../../../../main/ipc/handler-table';
import { makeTempFolder, SHARED } from '../../../paths';

let folder: { path: string; remove: () => Promise<void> };
let library: Library;
let table: HandlerTable;
const events: AppEvent[] = [];
/** Runs when an event is sent, after it is recorded (a test cancels from here). */
let onEvent: (event: AppEvent) => void = () => undefined;

beforeEach(async () => {
  folder = await makeTempFolder();
  library = await Library.open(join(folder.path, 'library'));
  events.length = 0;
  onEvent = () => undefined;
  table = createHandlerTable(() => library, undefined, undefined, {
    sendEvent: (event) => {
      events.push(event);
      onEvent(event);
    },
  });
});
afterEach(async () => {
  await library.close();
  await folder.remove();
});

function call(channel: string, ...args: unknown[]) {
  return table.get(channel)!(args);
}

/** The first `count` BBC business stories, as the add dialog would paste them. */
async function bbcItems(count: number): Promise<BatchItem[]> {
  const dir = join(SHARED, 'corpora', 'bbc', 'business');
  const names = (await readdir(dir)).sort().slice(0, count);
  return Promise.all(names.map(async (name) => ({ kind: 'text' as const, request: { text: await readFile(join(dir, name), 'latin1') }, method: 'paste' as const })));
}

describe('the export channels', () => {
  it('export the current query as CSV, with progress events and a summary of the file written', async () => {
    await library.addText({ text: 'Ceasefire talks resume\n\nNegotiators met in Geneva.', tags: ['diplomacy'] });
    await library.addText({ text: '=SUM(A1) ceasefire formula\n\nA title a spreadsheet would run.' });
    await library.addText({ text: 'Harvest festival\n\nNothing about talks here.' });
    const path = join(folder.path, 'out.csv');
    const result = await call(CHANNELS.exportArticles, { format: 'csv', scope: { query: 'ceasefire' }, path, options: { bom: true } });
    const bytes = (await stat(path)).size;
    expect(result).toEqual({ ok: true, value: { format: 'csv', count: 2, path, bytes } });
    const csv = await readFile(path, 'utf8');
    expect(csv.startsWith('\uFEFFid,title,url,')).toBe(true);
    expect(csv).toContain(",'=SUM(A1) ceasefire formula,");
    expect(csv).not.toContain('Harvest festival');
    expect(events.at(-1)).toEqual({ type: 'export-progress', done: 2, total: 2 });
  });

  it('cancel an export under way, leaving nothing at the path or beside it', async () => {
    const { added } = await library.addBatch(await bbcItems(450));
    expect(added.length).toBeGreaterThan(400);
    const path = join(folder.path, 'out.zip');
    // The archive reports progress every 200 articles: cancel at the first report, as the dialog's Cancel would.
    const cancels: unknown[] = [];
    onEvent = (event) => {
      if (event.type === 'export-progress' && cancels.length === 0) cancels.push(call(CHANNELS.cancelExport));
    };
    const result = await call(CHANNELS.exportArticles, { format: 'archive', scope: { query: '' }, path });
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: 'export: cancelled; nothing was written' } });
    expect(await Promise.all(cancels)).toEqual([{ ok: true, value: true }]);
    expect((await readdir(folder.path)).sort()).toEqual(['library']);
    // Nothing is running now, so there is nothing to cancel.
    expect(await call(CHANNELS.cancelExport)).toEqual({ ok: true, value: false });
  });

  it('refuse a relative path, a missing folder, a bad format and the save dialog without the desktop app', async () => {
    await library.addText({ text: 'One story\n\nIts text.' });
    expect(await call(CHANNELS.exportArticles, { format: 'csv', scope: { query: '' }, path: 'out.csv' })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'export: give the full path to write to, not "out.csv"' },
    });
    const missing = join(folder.path, 'no-such-folder', 'out.csv');
    expect(await call(CHANNELS.exportArticles, { format: 'csv', scope: { query: '' }, path: missing })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: `export: cannot write ${missing}: the folder ${join(folder.path, 'no-such-folder')} does not exist` },
    });
    expect(await call(CHANNELS.exportArticles, { format: 'xlsx', scope: { query: '' }, path: join(folder.path, 'out.xlsx') })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/^exportArticles: invalid arguments at 0\.format: /u) },
    });
    expect(await call(CHANNELS.exportArticles, { format: 'csv', scope: { tag: 'nowhere' }, path: join(folder.path, 'out.csv') })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'export: no article has the tag "nowhere"' },
    });
    expect(await call(CHANNELS.chooseExportPath, 'csv')).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'export: choosing where to save needs the desktop app; type the full path instead' },
    });
    expect((await readdir(folder.path)).sort()).toEqual(['library']);
  });
});
