import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserClippingSwitch, settingsFile } from '../../../../main/core/browser/browser-clipping-switch';
import { Library } from '../../../../main/core/library';
import { makeTempFolder } from '../../../paths';

let folder: { path: string; remove: () => Promise<void> };
let library: Library;
beforeEach(async () => {
  folder = await makeTempFolder();
  library = await Library.open(join(folder.path, 'library'));
});
afterEach(async () => {
  await library.close();
  await folder.remove();
});

describe('BrowserClippingSwitch', () => {
  it('is off until turned on, and restores the same token and port after a restart', async () => {
    const first = new BrowserClippingSwitch(() => library);
    expect(await first.restore()).toEqual({ enabled: false, port: null, token: null, bookmarklet: null });
    const on = await first.set(true);
    expect(on.enabled).toBe(true);
    expect(on.bookmarklet).toContain(String(on.port));
    expect(JSON.parse(await readFile(settingsFile(library.path), 'utf8'))).toEqual({ enabled: true, token: on.token, port: on.port });
    await first.close();

    const second = new BrowserClippingSwitch(() => library);
    const restored = await second.restore();
    expect(restored).toEqual(on);
    const off = await second.set(false);
    expect(off.enabled).toBe(false);
    await expect(fetch(`http://127.0.0.1:${on.port}/clip`, { method: 'OPTIONS' })).rejects.toThrow();

    const third = new BrowserClippingSwitch(() => library);
    expect((await third.restore()).enabled).toBe(false);
  });
});
