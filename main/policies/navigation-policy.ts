/**
 * Where the app's web contents may navigate, decided by parsing the address, never by
 * comparing string prefixes. Free of electron so that it is unit-tested; main/window.ts
 * applies it to every navigation, redirect and frame navigation.
 *
 *   top frame   only the app's own pages (cuttings-app://app/…); a reload never asks
 *   subframes   the reader's own document (about:srcdoc, with a #match fragment) and
 *               about:blank; a link clicked inside a clipped page goes nowhere
 */
import { APP_HOST, APP_SCHEME } from '../../common/schemes';

/** True when `url` parses and is a page of the app (`cuttings-app://app/…`). */
export function isAppPage(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** True when a frame may go to `url`; `isMainFrame` says whether it is the window's top frame. */
export function mayNavigate(url: string, isMainFrame: boolean): boolean {
  if (isAppPage(url)) return true;
  if (isMainFrame) return false;
  const parsed = parse(url);
  // The reader's iframe shows a srcdoc document and jumps between matches by fragment.
  return parsed !== null && parsed.protocol === 'about:' && (parsed.pathname === 'srcdoc' || parsed.pathname === 'blank') && parsed.search === '';
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
