/**
 * What a launch asks Cuttings to open: the files, web addresses and `cuttings:` links
 * (app-links.ts) on its command line (the first launch's `process.argv`, or a second launch's
 * argv handed over by `second-instance`), and files the OS opens with it (`open-file` on
 * macOS). Free of electron, so it is unit-tested.
 *
 * Electron's argv is `[executable, ...args]` in a packaged app and `[electron, appPath,
 * ...args]` when run from source; Chromium may add switches of its own (`--allow-file-…`,
 * `--original-process-start-time=…`) to a second instance's argv, so every argument that
 * starts with `-` is skipped.
 *
 * Linux desktop entries pass files as `%U`, so a file manager may hand over `file://` URLs
 * (`file:///home/ann/Saved%20pages/story.html`); they are turned into paths. Only local ones:
 * a `file://` URL naming another host is not a file this computer can open.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyOpenedFile } from '../core/import/import-file';
import { isAppLink, parseAppLink, type AppLink } from './app-links';

/** Files and addresses a launch asked for, files absolute. */
export interface LaunchRequest {
  files: string[];
  /** http and https addresses, to clip (prefilled in the add dialog). */
  urls: string[];
  /** `cuttings:` links (the browser extension's): what each asks the window to show. */
  links: AppLink[];
  /** Arguments that are neither, for a message. */
  ignored: string[];
}

/**
 * The files and addresses in a launch's argv. `fromSource` is true when Electron runs the
 * app from source (`electron .`), whose argv has the app's path after the executable.
 * Relative paths are resolved against `cwd` (the launching shell's folder).
 *
 * @example parseLaunchArguments(['/opt/Cuttings/cuttings', 'story.html', '--no-sandbox'], '/home/ann', false)
 *   // → { files: ['/home/ann/story.html'], urls: [], links: [], ignored: [] }
 */
export function parseLaunchArguments(argv: readonly string[], cwd: string, fromSource: boolean): LaunchRequest {
  const request: LaunchRequest = { files: [], urls: [], links: [], ignored: [] };
  let skipAppPath = fromSource;
  for (const argument of argv.slice(1)) {
    if (argument.startsWith('-') || argument === '') continue;
    if (skipAppPath) {
      skipAppPath = false;
      continue;
    }
    const url = webAddress(argument);
    const link = parseAppLink(argument);
    const path = /^file:/iu.test(argument) ? localFilePath(argument) : /^[a-z][a-z0-9+.-]+:\/\//iu.test(argument) ? null : argument;
    if (url !== null) request.urls.push(url);
    else if (link !== null) request.links.push(link);
    else if (isAppLink(argument)) request.ignored.push(argument);
    else if (path !== null && classifyOpenedFile(path) !== null) request.files.push(isAbsolute(path) ? path : resolve(cwd, path));
    else request.ignored.push(argument);
  }
  return request;
}

/** The path a local `file:` URL names (percent-decoded), or null for another host or no valid URL. */
function localFilePath(text: string): string | null {
  try {
    const url = new URL(text);
    if (url.host !== '' && url.hostname !== 'localhost') return null;
    url.host = '';
    return fileURLToPath(url);
  } catch {
    return null;
  }
}

/** The address re-serialised if `text` is an http or https URL, else null. */
function webAddress(text: string): string | null {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url.href : null;
  } catch {
    return null;
  }
}
