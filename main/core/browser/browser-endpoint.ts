/**
 * The loopback endpoint that the browser sends pages to: the Cuttings extension (its
 * addresses are extension-routes.ts), SingleFile's upload (singlefile-upload.ts) and the
 * bookmarklet (common/bookmarklet.ts, served here). Off until the user turns it on; when on,
 * it listens on 127.0.0.1 only and every request must name the loopback address in its Host
 * header (so a DNS-rebinding page cannot reach it under its own name). Every refusal says why
 * in a JSON body `{ ok: false, error }`, with 400, 401, 403, 404, 405, 413 or 415.
 *
 * The bookmarklet's `POST /clip` takes a JSON body no larger than the cap, the pairing token
 * in the X-Cuttings-Token header, and an Origin header that is the origin of the page being
 * clipped (a page can only send itself, not pose as another site). Browsers send a CORS
 * preflight (OPTIONS) before that POST, because of the JSON content type and the token
 * header; it is answered for any http(s) Origin, including Chrome's Private Network Access
 * header, since the checks that matter are made on the POST itself.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DuplicateAction } from '../../../common/api';
import type { BrowserClip } from '../../../common/bookmarklet';
import { ENDPOINT_PATHS, PAIRING_TOKEN_HEADER, type HelloAnswer } from '../../../common/browser-protocol';
import { CuttingsError } from '../../../common/errors';
import type { ClipUrlOptions } from '../fetch/clip-url';
import { APP_VERSION } from '../storage/app-version';
import { clipFromBrowser } from './browser-clip';
import { failureOf, hostIsLoopback, isWebOrigin, mediaType, parseJsonObject, readLimited, refuse, sameSecret, send, tooLarge } from './endpoint-http';
import type { ExtensionPairings } from './extension-pairings';
import { isExtensionPath, serveExtension, type BrowserLibrary } from './extension-routes';
import { serveSingleFile } from './singlefile-upload';

export { clipFromBrowser } from './browser-clip';

/** Default cap on a page the bookmarklet posts (a whole document as the browser holds it). */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Options for {@link startBrowserEndpoint}. */
export interface BrowserEndpointOptions {
  /** The library clips go to, asked at each request (the app may switch libraries). */
  library: () => BrowserLibrary;
  /** The pairing token of the bookmarklet and SingleFile; a new random one if not given (`newPairingToken()`). */
  token?: string;
  /** The port; 0 (the default) lets the system choose. */
  port?: number;
  /** Largest bookmarklet body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Largest extension or SingleFile body (EXTENSION_LIMITS.maxBodyBytes by default). */
  maxExtensionBodyBytes?: number;
  /** What to do with a page the bookmarklet sends that is already in the library (default: skip and say so). */
  onDuplicate?: DuplicateAction;
  /** The paired extensions; without them the extension's addresses answer 404. */
  pairings?: ExtensionPairings;
  /** For fetching a link the extension clips (tests give a DNS lookup). */
  fetch?: ClipUrlOptions;
}

/** A running endpoint. */
export interface BrowserEndpoint {
  port: number;
  token: string;
  close(): Promise<void>;
}

/** A fresh pairing token: 128 random bits, URL-safe. */
export function newPairingToken(): string {
  return randomBytes(16).toString('base64url');
}

/** Starts the endpoint on 127.0.0.1. */
export async function startBrowserEndpoint(options: BrowserEndpointOptions): Promise<BrowserEndpoint> {
  const token = options.token ?? newPairingToken();
  let port = 0;
  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const failure = failureOf(error);
      const origin = request.headers.origin;
      send(response, failure.status, { ok: false, error: failure.message }, origin && (isWebOrigin(origin) || isExtensionPath(pathOf(request))) ? origin : undefined);
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = pathOf(request);
    if (!hostIsLoopback(request.headers.host, port)) {
      return refuse(request, response, 403, `browser endpoint: refused a request for host ${JSON.stringify(request.headers.host ?? '')}; only 127.0.0.1:${port} is served`);
    }
    if (path === ENDPOINT_PATHS.hello) {
      // Tells the extension that Cuttings listens here; says nothing about the library.
      request.resume();
      return send(response, 200, { app: 'cuttings', version: APP_VERSION } satisfies HelloAnswer);
    }
    if (isExtensionPath(path)) {
      if (!options.pairings) return refuse(request, response, 404, 'browser endpoint: this endpoint does not take the extension');
      return serveExtension(request, response, path, { library: options.library, pairings: options.pairings, maxBodyBytes: options.maxExtensionBodyBytes, fetch: options.fetch });
    }
    if (path === ENDPOINT_PATHS.singleFile) return serveSingleFile(request, response, token, options.library, options.maxExtensionBodyBytes);
    if (path === ENDPOINT_PATHS.bookmarkletClip) return serveBookmarklet(request, response);
    return refuse(request, response, 404, `browser endpoint: no such address ${path}; the bookmarklet posts to /clip`);
  }

  async function serveBookmarklet(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const origin = request.headers.origin;
    const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const webOrigin = origin && isWebOrigin(origin) ? origin : undefined;
    if (request.method === 'OPTIONS') {
      if (!webOrigin) return refuse(request, response, 403, `browser endpoint: refused a preflight from origin ${JSON.stringify(origin ?? '')}`);
      response.writeHead(204, {
        'access-control-allow-origin': webOrigin,
        vary: 'Origin',
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': `content-type, ${PAIRING_TOKEN_HEADER.toLowerCase()}`,
        'access-control-max-age': '600',
        ...(request.headers['access-control-request-private-network'] ? { 'access-control-allow-private-network': 'true' } : {}),
      });
      response.end();
      return;
    }
    if (request.method !== 'POST') return refuse(request, response, 405, `browser endpoint: ${request.method} is not accepted; the bookmarklet POSTs JSON`, webOrigin);
    const given = request.headers[PAIRING_TOKEN_HEADER.toLowerCase()];
    if (typeof given !== 'string' || given === '') return refuse(request, response, 403, 'browser endpoint: the request has no pairing token; copy the bookmarklet from Cuttings again', webOrigin);
    if (!sameSecret(given, token)) return refuse(request, response, 403, 'browser endpoint: wrong pairing token; copy the bookmarklet from Cuttings again', webOrigin);
    const type = mediaType(request);
    if (type !== 'application/json') return refuse(request, response, 415, `browser endpoint: the body must be JSON (application/json), not ${JSON.stringify(type)}`, webOrigin);
    const body = await readLimited(request, maxBody);
    if (body === null) return refuse(request, response, 413, tooLarge(maxBody), webOrigin);
    const clip = parseBookmarkletClip(body);
    if (typeof clip === 'string') return refuse(request, response, 400, `browser endpoint: ${clip}`, webOrigin);
    const pageOrigin = new URL(clip.url).origin;
    if (!origin || origin !== pageOrigin) {
      return refuse(request, response, 403, `browser endpoint: refused a page of ${pageOrigin} sent from origin ${JSON.stringify(origin ?? '')}; a page can only send itself`, webOrigin);
    }
    const outcome = await clipFromBrowser(options.library(), clip, options.onDuplicate ?? 'skip');
    send(response, 200, outcome.status === 'added' ? { ok: true, status: 'added', id: outcome.article.id, title: outcome.article.title } : { ok: true, status: 'duplicate', duplicate: outcome.duplicate }, origin);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new CuttingsError('invalid-input', `browser endpoint: cannot listen on 127.0.0.1:${options.port ?? 0} (${error.code ?? error.message})`)),
    );
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The path of a request, without its query. */
function pathOf(request: IncomingMessage): string {
  return new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
}

/** Checks a bookmarklet's posted body; returns what is wrong as a string. */
function parseBookmarkletClip(body: Buffer): BrowserClip | string {
  const record = parseJsonObject(body);
  if (typeof record === 'string') return record;
  for (const field of ['url', 'title', 'html', 'selectionHtml']) {
    if (record[field] !== undefined && typeof record[field] !== 'string') return `"${field}" must be a string`;
  }
  const url = record.url as string | undefined;
  if (!url || !/^https?:\/\//iu.test(url) || !URL.canParse(url)) return `"url" must be the page's http(s) address, not ${JSON.stringify(url ?? null)}`;
  if (record.html === undefined && record.selectionHtml === undefined) return 'the body needs "html" (the page) or "selectionHtml" (the selection)';
  return record as unknown as BrowserClip;
}
