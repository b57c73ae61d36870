// The settings channels of the handler table: validated, written to disk, refused with
// messages that name the bad value, and the library switched without losing the old one.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../../common/api';
import { Library } from '../../../../main/core/library';
import { LibrarySession } from '../../../../main/core/settings/library-session';
import { SettingsStore } from '../../../../main/core/settings/settings-store';
import { createHandlerTable, type HandlerTable } from '../../../../main/ipc/handler-table';
import { makeTempFolder, SEED_ARTICLE } from '../../../paths';

let folder: { path: string; remove: () => Promise<void> };
let session: LibrarySession;
let table: HandlerTable;
const changes: string[] = [];

beforeEach(async () => {
  folder = await makeTempFolder();
  session = new LibrarySession(await Library.open(join(folder.path, 'library')), (path) => Library.open(path));
  const settings = await SettingsStore.open(join(folder.path, 'settings.json'));
  changes.length = 0;
  table = createHandlerTable(() => session.current, { settings, session, onChange: (stored) => changes.push(stored.theme) });
});
afterEach(async () => {
  await session.current.close();
  await folder.remove();
});

function call(channel: string, ...args: unknown[]) {
  return table.get(channel)!(args);
}

describe('the settings channels', () => {
  it('read the settings with the library in use, and write a change to disk', async () => {
    expect(await call(CHANNELS.getSettings)).toEqual({ ok: true, value: { libraryPath: join(folder.path, 'library'), theme: 'system' } });
    expect(await call(CHANNELS.updateSettings, { theme: 'dark' })).toEqual({ ok: true, value: { libraryPath: join(folder.path, 'library'), theme: 'dark' } });
    expect(JSON.parse(await readFile(join(folder.path, 'settings.json'), 'utf8'))).toMatchObject({ theme: 'dark' });
    expect(changes).toEqual(['dark']);
  });

  it('refuse bad arguments, naming them', async () => {
    expect(await call(CHANNELS.updateSettings, { theme: 'sepia' })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/^updateSettings: invalid arguments at 0\.theme: /u) } });
    expect(await call(CHANNELS.updateSettings, { libraryPath: '/tmp/x' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // Clipping from the browser is the library's setting, changed through setBrowserClipping.
    expect(await call(CHANNELS.updateSettings, { browserEndpoint: true })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call(CHANNELS.switchLibrary, { path: '/tmp/x', mode: 'delete' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^switchLibrary: invalid arguments at 0\.mode/u) } });
    expect(await call(CHANNELS.chooseLibraryFolder, 'open')).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: "settings: choosing a folder needs the desktop app; type the folder's full path instead" },
    });
  });

  it('switch to a new library, remember it, and back again with its articles', async () => {
    await session.current.addText({ text: await readFile(SEED_ARTICLE, 'utf8') });
    const second = join(folder.path, 'second');
    expect(await call(CHANNELS.switchLibrary, { path: second, mode: 'create' })).toMatchObject({ ok: true, value: { libraryPath: second } });
    expect(JSON.parse(await readFile(join(folder.path, 'settings.json'), 'utf8'))).toMatchObject({ libraryPath: second });
    expect(await call(CHANNELS.libraryInfo)).toMatchObject({ ok: true, value: { path: second, articles: 0 } });
    expect(await call(CHANNELS.switchLibrary, { path: join(folder.path, 'library'), mode: 'open' })).toMatchObject({ ok: true });
    expect(await call(CHANNELS.libraryInfo)).toMatchObject({ ok: true, value: { path: join(folder.path, 'library'), articles: 1 } });
  });

  it('say so when the table was built without settings', async () => {
    const bare = createHandlerTable(() => session.current);
    expect(await bare.get(CHANNELS.getSettings)!([])).toEqual({ ok: false, error: { code: 'internal', message: 'settings: this handler table was built without settings' } });
  });
});
