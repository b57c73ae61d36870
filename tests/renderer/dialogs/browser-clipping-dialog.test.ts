// @vitest-environment jsdom
/**
 * The browser dialog's switch against answers that come late or out of order: on a slow
 * machine the setting asked for on opening arrived after the switch was flipped, and flipped
 * it back on screen (CI's "Clicking the checkbox did not change its state").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BrowserClippingStatus } from '../../../common/api';
import type { Result } from '../../../common/result';
import { BrowserClippingDialog } from '../../../renderer/dialogs/browser-clipping-dialog';

const OFF: BrowserClippingStatus = { enabled: false, port: null, token: null, bookmarklet: null, singleFileUrl: null, pairings: [], pairingRequests: [] };
const ON: BrowserClippingStatus = {
  enabled: true,
  port: 47_100,
  token: 'a'.repeat(22),
  bookmarklet: 'javascript:void(0)',
  singleFileUrl: 'http://127.0.0.1:47100/singlefile',
  pairings: [],
  pairingRequests: [],
};

/** A call to main that the test answers when it chooses. */
interface Pending {
  method: string;
  args: unknown[];
  answer: (status: BrowserClippingStatus) => void;
}

let pending: Pending[];

/** The dialog's markup, as the window has it in index.html. */
function addMarkup(): void {
  const html = readFileSync(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
  const page = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(document.importNode(page.getElementById('browser-dialog')!, true));
}

/** Lets every promise that can settle, settle. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

beforeEach(() => {
  addMarkup();
  pending = [];
  // jsdom's <dialog> has no showModal.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  const ask =
    (method: string) =>
    (...args: unknown[]) =>
      new Promise<Result<BrowserClippingStatus>>((resolve) => pending.push({ method, args, answer: (value) => resolve({ ok: true, value }) }));
  Object.assign(window, { cuttings: { browserClipping: ask('browserClipping'), setBrowserClipping: ask('setBrowserClipping') } });
});

describe('BrowserClippingDialog', () => {
  it('keeps the switch disabled until the setting is known', async () => {
    const dialog = new BrowserClippingDialog();
    const enabled = document.getElementById('browser-enabled') as HTMLInputElement;
    const opened = dialog.open();
    expect(enabled.disabled).toBe(true);
    pending[0]!.answer(OFF);
    await opened;
    expect(enabled.disabled).toBe(false);
    expect(enabled.checked).toBe(false);
    expect(document.getElementById('browser-details')!.hidden).toBe(true);
  });

  it('shows the switch as flipped when an older answer comes after it', async () => {
    const dialog = new BrowserClippingDialog();
    const enabled = document.getElementById('browser-enabled') as HTMLInputElement;
    const opened = dialog.open();
    pending[0]!.answer(OFF);
    await opened;

    // A pairing answered in the browser asks for the setting again; the user turns it on.
    const refreshed = dialog.refresh();
    enabled.checked = true;
    enabled.dispatchEvent(new Event('change'));
    expect(pending.map((call) => call.method)).toEqual(['browserClipping', 'browserClipping', 'setBrowserClipping']);
    expect(pending[2]!.args).toEqual([true]);

    // The turn-on is answered first, the older question last.
    pending[2]!.answer(ON);
    await settle();
    pending[1]!.answer(OFF);
    await refreshed;
    expect(enabled.checked).toBe(true);
    expect(enabled.disabled).toBe(false);
    expect(document.getElementById('browser-details')!.hidden).toBe(false);
    expect(document.getElementById('browser-token')!.textContent).toBe(ON.token);
  });
});
