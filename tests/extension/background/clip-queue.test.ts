import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExtensionClip } from '../../../common/browser-protocol';
import { AppClient } from '../../../extension/background/app-client';
import { ClipQueue } from '../../../extension/background/clip-queue';
import { memoryStore } from '../../../extension/background/key-value-store';
import { startBrowserEndpoint, type BrowserEndpoint } from '../../../main/core/browser/browser-endpoint';
import { ExtensionPairings } from '../../../main/core/browser/extension-pairings';
import { useTempLibrary } from '../../temp-library';
import { bbcPage } from '../../main/core/fetch/test-server';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const temp = useTempLibrary();
let endpoint: BrowserEndpoint;
let pairings: ExtensionPairings;
let token: string;

function page(file: string): ExtensionClip {
  return { kind: 'page', url: `https://news.example/${file}`, html: bbcPage(file), onDuplicate: 'ask', browser: 'Chromium 156' };
}

beforeEach(async () => {
  pairings = new ExtensionPairings({ saved: [], persist: async () => undefined });
  const request = pairings.ask({ browser: 'Chromium 156', extension: { origin: ORIGIN, name: 'Cuttings', version: '0.1.0' } }, ORIGIN);
  await pairings.answer(request.requestId, true);
  token = (pairings.poll(request.requestId, ORIGIN) as { token: string }).token;
  endpoint = await startBrowserEndpoint({ library: () => temp.library, pairings });
});
afterEach(async () => {
  await endpoint.close();
});

describe('the queue of clips waiting for the app', () => {
  it('keeps clips while the app is away and sends them, oldest first, when it answers', async () => {
    const store = memoryStore();
    const counts: number[] = [];
    const queue = new ClipQueue(store, (count) => counts.push(count));
    await queue.add(page('business/001.txt'), 'First');
    await queue.add(page('business/002.txt'), 'Second');
    expect((await queue.list()).map((entry) => entry.title)).toEqual(['First', 'Second']);

    // The app away: nothing is sent, nothing is lost.
    const away = new AppClient(1, token);
    expect(await queue.flush(away)).toEqual({ sent: 0, stopped: 'unreachable' });
    expect(await queue.list()).toHaveLength(2);

    expect(await queue.flush(new AppClient(endpoint.port, token))).toEqual({ sent: 2, stopped: null });
    expect(await queue.list()).toEqual([]);
    expect(temp.library.list().map((article) => article.title).sort()).toEqual(['Ad sales boost Time Warner profit', 'Dollar gains on Greenspan speech']);
    expect(counts).toEqual([1, 2, 1, 0]);
    expect((await queue.recent()).map((entry) => entry.result.status)).toEqual(['added', 'added']);
    // The pages went with their entries.
    expect([...store.values.keys()].filter((key) => key.startsWith('queued:'))).toEqual([]);
  });

  it('holds a queued duplicate for the user\'s answer, and sends it as they choose', async () => {
    const client = new AppClient(endpoint.port, token);
    const queue = new ClipQueue(memoryStore());
    await queue.add(page('business/001.txt'), 'First');
    await queue.flush(client);
    await queue.add(page('business/001.txt'), 'Again');
    await queue.flush(client);
    const [held] = await queue.list();
    expect(held).toMatchObject({ title: 'Again', duplicate: { reason: 'same-url' } });
    // Sending again does not ask the app again.
    expect(await queue.flush(client)).toEqual({ sent: 0, stopped: null });
    const result = await queue.decide(held!.id, 'version', client);
    expect(result).toMatchObject({ status: 'added' });
    expect(temp.library.list()).toHaveLength(2);
    expect(await queue.list()).toEqual([]);
  });

  it('stops at a revoked pairing and keeps everything; drops a clip the app refuses, saying why', async () => {
    const queue = new ClipQueue(memoryStore());
    await queue.add({ ...page('business/001.txt'), html: '<html><body><nav>Home</nav></body></html>' }, 'Empty');
    await queue.add(page('business/002.txt'), 'Second');
    expect(await queue.flush(new AppClient(endpoint.port, 'a-revoked-token-000000000000000'))).toEqual({ sent: 0, stopped: 'unpaired' });
    expect(await queue.list()).toHaveLength(2);
    expect(await queue.flush(new AppClient(endpoint.port, token))).toEqual({ sent: 2, stopped: null });
    const [second, empty] = await queue.recent();
    expect(second).toMatchObject({ title: 'Second', result: { status: 'added' } });
    expect(empty).toMatchObject({ title: 'Empty', result: { status: 'error', message: expect.stringMatching(/^clip: /u) } });
    expect(await queue.list()).toEqual([]);
  });
});
