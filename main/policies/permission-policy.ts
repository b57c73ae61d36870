/**
 * Which web permissions the app's pages get: one. The window's own top frame may write text
 * to the clipboard (`clipboard-sanitized-write`, what `navigator.clipboard.writeText` asks
 * for: the Browser dialog's Copy buttons); every other permission (camera, microphone,
 * notifications, geolocation, reading the clipboard…), and that one for any other frame (a
 * clipped page in the reader's frame) or origin, is refused. Free of electron, so that it is
 * unit-tested; main/window.ts applies it to every session's request and check handlers.
 */
import { isAppPage } from './navigation-policy';

/** The one permission the app's window is given. */
export const ALLOWED_PERMISSION = 'clipboard-sanitized-write';

/** What Electron tells a permission handler about who asks. */
export interface PermissionAsker {
  /** The permission's name, as Electron spells it (`media`, `clipboard-sanitized-write`…). */
  permission: string;
  /** The requesting frame's URL (a request's `requestingUrl`), or its origin (a check's `requestingOrigin`). */
  requestingUrl: string;
  /** Whether the asking frame is the window's top frame. */
  isMainFrame: boolean;
  /** A check's `embeddingOrigin`: set only for a cross-origin subframe. */
  embeddingOrigin?: string;
}

/**
 * True when the permission may be granted: clipboard writes from the app's own top frame.
 *
 * @example permissionAllowed({ permission: 'clipboard-sanitized-write', requestingUrl: 'cuttings-app://app/index.html', isMainFrame: true }) // true
 * @example permissionAllowed({ permission: 'media', requestingUrl: 'cuttings-app://app/index.html', isMainFrame: true }) // false
 */
export function permissionAllowed(asker: PermissionAsker): boolean {
  return (
    asker.permission === ALLOWED_PERMISSION &&
    asker.isMainFrame &&
    isAppPage(asker.requestingUrl) &&
    (asker.embeddingOrigin === undefined || asker.embeddingOrigin === '' || isAppPage(asker.embeddingOrigin))
  );
}
