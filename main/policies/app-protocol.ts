/**
 * What the app protocol (`cuttings-app://app/…`) serves: the files of the built renderer and
 * nothing else, each with the window's Content-Security-Policy. Free of electron so the path
 * checks are unit-tested; main/index.ts registers it with `protocol.handle`.
 */
import { extname, join, normalize, sep } from 'node:path';
import { RENDERER_CSP } from './content-security-policy';
import { APP_HOST } from '../../common/schemes';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * The file under `rendererRoot` that `requestUrl` names, or null when it names anything
 * else: another host, a path that climbs out (`..`, encoded or not), a NUL byte.
 *
 * @example rendererFileFor('/opt/cuttings/dist/renderer', 'cuttings-app://app/main.js') // → '/opt/cuttings/dist/renderer/main.js'
 */
export function rendererFileFor(rendererRoot: string, requestUrl: string): string | null {
  let url: URL;
  let pathname: string;
  try {
    url = new URL(requestUrl);
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // Encoded slashes, backslashes and dot segments never name a file of ours: refuse them
  // rather than guess what they resolve to.
  if (url.host !== APP_HOST || pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..')) return null;
  const relative = normalize(pathname).replace(/^[/\\]+/u, '') || 'index.html';
  const path = join(rendererRoot, relative);
  return path.startsWith(rendererRoot + sep) ? path : null;
}

/** The headers a renderer file is served with: its type, the window's CSP, no sniffing. */
export function rendererHeaders(path: string): Record<string, string> {
  return {
    'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    'content-security-policy': RENDERER_CSP,
    'x-content-type-options': 'nosniff',
  };
}
