/**
 * The handlers for pairing the browser extension: the user's answer to an extension that asks
 * (the window shows the request when main's `browser-pairing-request` event comes), and
 * revoking a pairing in the Clip from the browser dialog. The switch (core/browser/) does the
 * work; handler-table.ts joins these into the one handler table.
 */
import { z } from 'zod';
import type { BrowserClippingSwitch } from '../../core/browser/browser-clipping-switch';
import type { GroupMethods, GroupSchemas } from '../handler-group';

type BrowserPairingMethod = 'answerBrowserPairing' | 'revokeBrowserPairing';

/** The argument schema of each pairing method. */
export const browserPairingSchemas = {
  answerBrowserPairing: z.tuple([z.object({ requestId: z.string().min(1).max(100), accept: z.boolean() }).strict()]),
  revokeBrowserPairing: z.tuple([z.string().min(1).max(100)]),
} satisfies GroupSchemas<BrowserPairingMethod>;

/** The pairing methods over the app's one "Clip from the browser" switch. */
export function browserPairingMethods(browserClipping: BrowserClippingSwitch): GroupMethods<BrowserPairingMethod> {
  return {
    answerBrowserPairing: async ({ requestId, accept }) => browserClipping.answerPairing(requestId, accept),
    revokeBrowserPairing: async (id) => browserClipping.revokePairing(id),
  };
}
