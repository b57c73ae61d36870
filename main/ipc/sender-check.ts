/**
 * Which frames may call the API: only the app's own top-level page, loaded from the app
 * protocol. A clipped page (sandboxed iframe), a stray navigation or any other origin is
 * refused. Kept free of electron so it can be unit-tested.
 */

import { APP_HOST, APP_SCHEME } from '../../common/schemes';

/** What the check needs to know about the frame that sent a message. */
export interface SenderFrame {
  url: string;
  /** True when the frame is the window's top frame (it has no parent). */
  isTopFrame: boolean;
}

/** True when a message from this frame may reach the handlers. */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame || !frame.isTopFrame) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}
