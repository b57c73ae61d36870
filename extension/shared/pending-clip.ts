/**
 * A clip chosen in the context menu, handed from the service worker to the popup it opens
 * (through chrome.storage.session, which lasts as long as the browser runs): the popup then
 * shows that tab, and the selection or the link, rather than the whole page.
 */
import type { ExtensionClipKind } from '../../common/browser-protocol';

/** Where the context menu's choice waits for the popup. */
export const PENDING_CLIP_KEY = 'pendingClip';

/** What was chosen. */
export interface PendingClip {
  tabId: number;
  kind: ExtensionClipKind;
  linkUrl?: string;
}
