import { describe, expect, it } from 'vitest';
import type { BrowserPairingRequest } from '../../../../common/api';
import { ExtensionPairings, PAIRING_REQUEST_LIFETIME_MS, type SavedPairing } from '../../../../main/core/browser/extension-pairings';

const CHROME = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const FIREFOX = 'moz-extension://0d3c1f2a-5b6e-4c7d-8e9f-a0b1c2d3e4f5';

function ask(origin: string) {
  return { browser: 'Chromium 156', extension: { origin, name: 'Cuttings', version: '0.1.0' } };
}

/** Pairings over a fake disk and clock. */
function make(saved: SavedPairing[] = []) {
  const disk: SavedPairing[][] = [];
  const asked: BrowserPairingRequest[] = [];
  let now = Date.parse('2026-01-01T10:00:00Z');
  let failWrites = false;
  const pairings = new ExtensionPairings({
    saved,
    persist: async (list) => {
      if (failWrites) throw new Error('disk full');
      disk.push(list);
    },
    onRequest: (request) => asked.push(request),
    now: () => now,
  });
  return {
    pairings,
    disk,
    asked,
    advance: (ms: number) => (now += ms),
    failWrites: (fail: boolean) => (failWrites = fail),
  };
}

describe('ExtensionPairings', () => {
  it('pairs an extension only once the user accepts, and hands its token over once', async () => {
    const { pairings, disk, asked } = make();
    const request = pairings.ask(ask(CHROME), CHROME);
    expect(asked).toEqual([request]);
    expect(request).toMatchObject({ origin: CHROME, browser: 'Chromium 156', name: 'Cuttings', version: '0.1.0' });
    expect(pairings.poll(request.requestId, CHROME)).toEqual({ ok: true, state: 'waiting' });
    expect(pairings.waiting()).toEqual([request]);

    await pairings.answer(request.requestId, true);
    const answer = pairings.poll(request.requestId, CHROME);
    expect(answer.state).toBe('accepted');
    const token = (answer as { token: string }).token;
    expect(token).toMatch(/^[\w-]{32}$/u);
    // Once: the request is gone after the token is picked up.
    expect(pairings.poll(request.requestId, CHROME)).toEqual({ ok: true, state: 'expired' });

    const paired = pairings.byToken(token);
    expect(paired).toMatchObject({ origin: CHROME, name: 'Cuttings', browser: 'Chromium 156' });
    expect(pairings.list()).toEqual([paired]);
    // Only the token's hash reaches the disk.
    expect(JSON.stringify(disk)).not.toContain(token);
    expect(disk.at(-1)![0]!.tokenSha256).toMatch(/^[0-9a-f]{64}$/u);
    expect(pairings.byToken('not-the-token')).toBeNull();
  });

  it('tells a refused extension so, and pairs nothing', async () => {
    const { pairings, disk } = make();
    const request = pairings.ask(ask(FIREFOX), FIREFOX);
    await pairings.answer(request.requestId, false);
    expect(pairings.poll(request.requestId, FIREFOX)).toEqual({ ok: true, state: 'refused' });
    expect(pairings.list()).toEqual([]);
    expect(disk).toEqual([]);
  });

  it('lets a request lapse after five minutes', async () => {
    const { pairings, advance } = make();
    const request = pairings.ask(ask(CHROME), undefined);
    advance(PAIRING_REQUEST_LIFETIME_MS);
    expect(pairings.poll(request.requestId, CHROME)).toEqual({ ok: true, state: 'expired' });
    await expect(pairings.answer(request.requestId, true)).rejects.toThrow(
      'browser endpoint: that pairing request is no longer waiting (it was answered, or it lapsed after 5 minutes); ask again from the extension',
    );
  });

  it('refuses asks that are not an extension\'s, or that pose as another', () => {
    const { pairings } = make();
    expect(() => pairings.ask(ask('https://news.example'), 'https://news.example')).toThrow(
      'browser endpoint: "https://news.example" is not an extension\'s origin (chrome-extension://… or moz-extension://…)',
    );
    expect(() => pairings.ask(ask(CHROME), FIREFOX)).toThrow(`browser endpoint: a pairing request from ${FIREFOX} named another extension, ${CHROME}`);
    expect(() => pairings.ask({ ...ask(CHROME), browser: 'x'.repeat(101) }, CHROME)).toThrow("browser endpoint: the extension's browser must be 1 to 100 characters");
    const request = pairings.ask(ask(CHROME), CHROME);
    expect(() => pairings.poll(request.requestId, FIREFOX)).toThrow(`browser endpoint: ${FIREFOX} asked about another extension's pairing request`);
  });

  it('keeps one request per extension and at most five waiting', () => {
    const { pairings } = make();
    const first = pairings.ask(ask(CHROME), CHROME);
    const second = pairings.ask(ask(CHROME), CHROME);
    expect(pairings.waiting()).toEqual([second]);
    expect(pairings.poll(first.requestId, CHROME).state).toBe('expired');
    for (let i = 1; i < 5; i++) pairings.ask(ask(`chrome-extension://${'b'.repeat(31)}${i}`), undefined);
    expect(() => pairings.ask(ask(`chrome-extension://${'c'.repeat(32)}`), undefined)).toThrow(
      'browser endpoint: 5 pairing requests already wait for an answer in Cuttings; answer them first',
    );
  });

  it('revokes at once; a revoke that cannot be written leaves the pairing in force', async () => {
    const { pairings, failWrites } = make();
    const request = pairings.ask(ask(CHROME), CHROME);
    await pairings.answer(request.requestId, true);
    const { token } = pairings.poll(request.requestId, CHROME) as { token: string };
    const { id } = pairings.byToken(token)!;

    failWrites(true);
    await expect(pairings.revoke(id)).rejects.toThrow('disk full');
    expect(pairings.byToken(token)).not.toBeNull();
    failWrites(false);
    await pairings.revoke(id);
    expect(pairings.byToken(token)).toBeNull();
    await expect(pairings.revoke(id)).rejects.toThrow(`browser endpoint: no paired extension with id "${id}"`);
  });

  it('pairing an extension again replaces its old token', async () => {
    const { pairings } = make();
    const tokens: string[] = [];
    for (let i = 0; i < 2; i++) {
      const request = pairings.ask(ask(CHROME), CHROME);
      await pairings.answer(request.requestId, true);
      tokens.push((pairings.poll(request.requestId, CHROME) as { token: string }).token);
    }
    expect(pairings.list()).toHaveLength(1);
    expect(pairings.byToken(tokens[0]!)).toBeNull();
    expect(pairings.byToken(tokens[1]!)).not.toBeNull();
  });
});
