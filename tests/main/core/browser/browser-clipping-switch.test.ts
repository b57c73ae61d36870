import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ENDPOINT_PATHS } from '../../../../common/browser-protocol';
import { postJson } from './endpoint-client';
import { BrowserClippingSwitch, settingsFile } from '../../../../main/core/browser/browser-clipping-switch';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary();

describe('BrowserClippingSwitch', () => {
  it('is off until turned on, and restores the same token and port after a restart', async () => {
    const first = new BrowserClippingSwitch(() => temp.library);
    expect(await first.restore()).toEqual({ enabled: false, port: null, token: null, bookmarklet: null, singleFileUrl: null, pairings: [], pairingRequests: [] });
    const on = await first.set(true);
    expect(on.enabled).toBe(true);
    expect(on.bookmarklet).toContain(String(on.port));
    expect(JSON.parse(await readFile(settingsFile(temp.library.path), 'utf8'))).toEqual({ enabled: true, token: on.token, port: on.port, pairings: [] });
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

  it('listens on the first free port of those the extension looks on', async () => {
    const blocker = createServer();
    const taken = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    const clipping = new BrowserClippingSwitch(() => temp.library, { ports: [taken, taken + 1, taken + 2] });
    const on = await clipping.set(true);
    expect([taken + 1, taken + 2]).toContain(on.port);
    await clipping.close();
    blocker.close();
  });

  it('keeps pairings across a restart, and a revoke stops the extension at once', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const asked: string[] = [];
    const first = new BrowserClippingSwitch(() => temp.library, { onPairingRequest: (request) => asked.push(request.requestId) });
    const { port } = await first.set(true);
    const ask = await postJson(port!, ENDPOINT_PATHS.pair, { browser: 'Chromium 156', extension: { origin, name: 'Cuttings', version: '0.1.0' } }, { origin });
    expect(asked).toEqual([ask.json.requestId]);
    expect(first.status().pairingRequests).toMatchObject([{ requestId: ask.json.requestId, origin }]);
    const accepted = await first.answerPairing(ask.json.requestId, true);
    expect(accepted.pairings).toMatchObject([{ origin, browser: 'Chromium 156' }]);
    expect(accepted.pairingRequests).toEqual([]);
    const { token } = (await postJson(port!, ENDPOINT_PATHS.pairStatus, { requestId: ask.json.requestId }, { origin })).json;
    await first.close();

    const second = new BrowserClippingSwitch(() => temp.library);
    const restored = await second.restore();
    expect(restored.pairings).toEqual(accepted.pairings);
    expect((await postJson(restored.port!, ENDPOINT_PATHS.tags, {}, { origin, 'x-cuttings-token': token })).status).toBe(200);
    await second.revokePairing(restored.pairings[0]!.id);
    expect((await postJson(restored.port!, ENDPOINT_PATHS.tags, {}, { origin, 'x-cuttings-token': token })).status).toBe(401);
    expect(JSON.parse(await readFile(settingsFile(temp.library.path), 'utf8')).pairings).toEqual([]);
    await second.close();
  });
});
