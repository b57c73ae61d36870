/**
 * What a `cuttings:` link asks of the app (common/schemes.ts spells the scheme and its links).
 * The OS hands such links to Cuttings — on its command line on Windows and Linux (the first
 * launch's argv, or a second launch's, which the running app hears), as `open-url` on macOS —
 * when the browser extension's popup opens the app, a cutting, or the Clip from the browser
 * dialog. Free of electron, so it is unit-tested; any page on the web can link to a
 * `cuttings:` address, so a link may only show things, never change or send anything.
 */
import { OPEN_LINK_HOSTS, OPEN_SCHEME } from '../../common/schemes';

/** What a link asks for. */
export type AppLink =
  /** Bring the app to the front (start it if it was not running). */
  | { kind: 'open' }
  /** Show one cutting in the reader. */
  | { kind: 'article'; id: string }
  /** Show the Clip from the browser dialog (to turn it on, or see the pairings). */
  | { kind: 'browser-clipping' };

/** A cutting's id: a ULID. */
const ARTICLE_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/u;

/**
 * The request of a `cuttings:` link; null if `text` is no `cuttings:` link, or one that names
 * nothing the app knows (it is then reported as ignored).
 *
 * @example parseAppLink('cuttings://article/01JH3V5Q7M0X2K9T4B6N8C1D2E') // { kind: 'article', id: '01JH3V5Q7M0X2K9T4B6N8C1D2E' }
 */
export function parseAppLink(text: string): AppLink | null {
  if (!isAppLink(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const path = url.pathname.replace(/^\/+|\/+$/gu, '');
  switch (url.hostname.toLowerCase()) {
    case OPEN_LINK_HOSTS.app:
    case '':
      return path === '' ? { kind: 'open' } : null;
    case OPEN_LINK_HOSTS.article: {
      const id = decodeURIComponent(path).toUpperCase();
      return ARTICLE_ID.test(id) ? { kind: 'article', id } : null;
    }
    case OPEN_LINK_HOSTS.browserClipping:
      return path === '' ? { kind: 'browser-clipping' } : null;
    default:
      return null;
  }
}

/** Whether `text` is in the app's scheme at all (well formed or not). */
export function isAppLink(text: string): boolean {
  return text.toLowerCase().startsWith(`${OPEN_SCHEME}:`);
}
