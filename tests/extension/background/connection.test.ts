import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PairingAsk } from '../../../common/browser-protocol';
import { Connection } from '../../../extension/background/connection';
import { memoryStore } from '../../../extension/background/key-value-store';
import { BrowserClippingSwitch } from '../../../main/core/browser/browser-clipping-switch';
import { useTempLibrary } from '../../temp-library';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const who = (): PairingAsk => ({ browser: 'Chromium 156', extension: { origin: ORIGIN, name: 'Cuttings', version: '0.1.0' } });

const temp = useTempLibrary();
let app: BrowserClippingSwitch;
let port: number;

beforeEach(async () => {
  app = new BrowserClippingSwitch(() => temp.library);
  port = (await app.set(true)).port!;
});
afterEach(async () => {
  await app.close();
});

describe('the extension\'s connection to the app', () => {
  it('pairs once the user accepts in the app, and keeps the token and port', async () => {
    const store = memoryStore();
    const connection = new Connection(store, who);
    await connection.setPort(port);
    expect(await connection.pair()).toEqual({ state: 'waiting' });
    expect(await connection.progress()).toEqual({ state: 'waiting' });
    const [request] = app.status().pairingRequests;
    expect(request).toMatchObject({ origin: ORIGIN, browser: 'Chromium 156', name: 'Cuttings' });
    await app.answerPairing(request!.requestId, true);
    expect(await connection.progress()).toEqual({ state: 'paired' });
    const saved = await connection.saved();
    expect(saved).toMatchObject({ port, token: expect.stringMatching(/^[\w-]{32}$/u) });
    expect(saved.pairing).toBeUndefined();
    const client = await connection.client();
    expect((await client!.post('/extension/tags', {}, 5000)).kind).toBe('ok');
  });

  it('says when the user refused', async () => {
    const connection = new Connection(memoryStore(), who);
    await connection.setPort(port);
    await connection.pair();
    await app.answerPairing(app.status().pairingRequests[0]!.requestId, false);
    expect(await connection.progress()).toEqual({ state: 'refused', message: 'Cuttings refused the connection. Connect again to ask once more.' });
    expect(await connection.client()).toBeNull();
  });

  it('says when the app is not there', async () => {
    const connection = new Connection(memoryStore(), who);
    await app.close();
    await connection.setPort(port);
    expect(await connection.pair()).toEqual({
      state: 'unreachable',
      message: 'Cuttings is not running, or “Clip from the browser” is off in it. Open Cuttings and turn it on, then connect again.',
    });
  });

  it('hears 401 once the pairing is revoked in the app', async () => {
    const connection = new Connection(memoryStore(), who);
    await connection.setPort(port);
    await connection.pair();
    await app.answerPairing(app.status().pairingRequests[0]!.requestId, true);
    await connection.progress();
    await app.revokePairing(app.status().pairings[0]!.id);
    const answer = await (await connection.client())!.post('/extension/tags', {}, 5000);
    expect(answer).toEqual({ kind: 'unpaired', message: 'browser endpoint: Cuttings no longer accepts this extension (its pairing was revoked or never made); pair it again from its popup' });
  });
});
