import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BrowserClippingSwitch, settingsFile } from '../../../../main/core/browser/browser-clipping-switch';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary();

describe('BrowserClippingSwitch', () => {
  it('is off until turned on, and restores the same token and port after a restart', async () => {
    const first = new BrowserClippingSwitch(() => temp.library);
    expect(await first.restore()).toEqual({ enabled: false, port: null, token: null, bookmarklet: null });
    const on = await first.set(true);
    expect(on.enabled).toBe(true);
    expect(on.bookmarklet).toContain(String(on.port));
    expect(JSON.parse(await readFile(settingsFile(temp.library.path), 'utf8'))).toEqual({ enabled: true, token: on.token, port: on.port });
    await first.close();

    const second = new BrowserClippingSwitch(() => temp.library);
    const restored = await second.restore();
    expect(restored).toEqual(on);
    const off = await second.set(false);
    expect(off.enabled).toBe(false);
    await expect(fetch(`http://127.0.0.1:${on.port}/clip`, { method: 'OPTIONS' })).rejects.toThrow();

    const third = new BrowserClippingSwitch(() => temp.library);
    expect((await third.restore()).enabled).toBe(false);
  });
});
