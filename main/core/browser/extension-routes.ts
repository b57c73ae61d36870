/**
 * The endpoint's addresses for the Cuttings browser extension (extension/): asking to be
 * paired and polling for the answer, then — with the extension's own token — the library's
 * tags, a preview (the title Cuttings would store, and whether it is a duplicate) and the clip
 * itself. The extension calls from its own context, never from a page, so these addresses
 * refuse every web page's Origin: a page's scripts can neither reach them nor see the token.
 *
 * Chromium sends `Origin: chrome-extension://<id>` with an extension's POSTs; Firefox may send
 * `moz-extension://<uuid>` or, for hosts the extension holds a permission for, no Origin at
 * all. So an extension is known by its token, and an Origin, when there is one, must be that
 * pairing's. A browser sends an Origin with every cross-site POST a page makes, so a request
 * without one is not a page's.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TagCount } from '../../../common/article';
import { ENDPOINT_PATHS, EXTENSION_LIMITS, PAIRING_TOKEN_HEADER, type PairingAsk } from '../../../common/browser-protocol';
import type { ClipUrlOptions } from '../fetch/clip-url';
import type { ArticleWriter } from '../library/article-access';
import { clipFromExtension, parseExtensionClip, previewExtensionClip } from './browser-clip';
import { isExtensionOrigin, mediaType, parseJsonObject, readLimited, refuse, send, tooLarge } from './endpoint-http';
import type { ExtensionPairings } from './extension-pairings';

/** What the extension's addresses need of a library: adding, previewing, and its tags to complete. */
export type BrowserLibrary = ArticleWriter & { listTags(): TagCount[] };

/** What the extension's addresses work with. */
export interface ExtensionRoutes {
  library: () => BrowserLibrary;
  pairings: ExtensionPairings;
  /** Largest clip body (EXTENSION_LIMITS.maxBodyBytes by default; tests set less). */
  maxBodyBytes?: number;
  /** For fetching a clipped link (tests give a DNS lookup). */
  fetch?: ClipUrlOptions;
}

/** Whether a path is one of the extension's. */
export function isExtensionPath(path: string): boolean {
  return [ENDPOINT_PATHS.pair, ENDPOINT_PATHS.pairStatus, ENDPOINT_PATHS.preview, ENDPOINT_PATHS.clip, ENDPOINT_PATHS.tags].includes(path as never);
}

/** The most a pairing ask, a poll or a tags request may hold. */
const SMALL_BODY_BYTES = 64 * 1024;

/** Serves one request to an extension address (the Host check is made before). */
export async function serveExtension(request: IncomingMessage, response: ServerResponse, path: string, routes: ExtensionRoutes): Promise<void> {
  const origin = request.headers.origin;
  if (origin !== undefined && !isExtensionOrigin(origin)) {
    return refuse(request, response, 403, `browser endpoint: ${path} is for the Cuttings browser extension; refused a request from ${JSON.stringify(origin.slice(0, 200))}`);
  }
  if (request.method === 'OPTIONS') {
    // Firefox preflights an extension's request to a host it holds no permission for.
    response.writeHead(204, {
      ...(origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {}),
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': `content-type, ${PAIRING_TOKEN_HEADER.toLowerCase()}`,
      'access-control-max-age': '600',
    });
    response.end();
    return;
  }
  if (request.method !== 'POST') return refuse(request, response, 405, `browser endpoint: ${request.method} is not accepted; the extension POSTs JSON`, origin);
  if (mediaType(request) !== 'application/json') return refuse(request, response, 415, `browser endpoint: the body must be JSON (application/json), not ${JSON.stringify(mediaType(request))}`, origin);

  if (path === ENDPOINT_PATHS.pair || path === ENDPOINT_PATHS.pairStatus) {
    const body = await readJson(request, response, SMALL_BODY_BYTES, origin);
    if (!body) return;
    if (path === ENDPOINT_PATHS.pair) {
      const ask = parseAsk(body);
      if (typeof ask === 'string') return refuse(request, response, 400, `browser endpoint: ${ask}`, origin);
      const asked = routes.pairings.ask(ask, origin);
      return send(response, 202, { ok: true, requestId: asked.requestId }, origin);
    }
    if (typeof body.requestId !== 'string') return refuse(request, response, 400, 'browser endpoint: "requestId" must be a string', origin);
    return send(response, 200, routes.pairings.poll(body.requestId, origin), origin);
  }

  // Every other address needs a paired extension's token.
  const token = request.headers[PAIRING_TOKEN_HEADER.toLowerCase()];
  if (typeof token !== 'string' || token === '') {
    return refuse(request, response, 401, 'browser endpoint: the extension is not paired with Cuttings; pair it from its popup', origin);
  }
  const pairing = routes.pairings.byToken(token);
  if (!pairing) return refuse(request, response, 401, 'browser endpoint: Cuttings no longer accepts this extension (its pairing was revoked or never made); pair it again from its popup', origin);
  if (origin !== undefined && origin !== pairing.origin) {
    return refuse(request, response, 403, `browser endpoint: the token of ${pairing.origin} was sent by ${origin}`, origin);
  }

  if (path === ENDPOINT_PATHS.tags) {
    request.resume();
    return send(response, 200, { ok: true, tags: routes.library().listTags().map((count) => count.tag) }, origin);
  }
  const body = await readJson(request, response, routes.maxBodyBytes ?? EXTENSION_LIMITS.maxBodyBytes, origin);
  if (!body) return;
  const clip = parseExtensionClip(body);
  if (typeof clip === 'string') return refuse(request, response, 400, `browser endpoint: ${clip}`, origin);
  if (path === ENDPOINT_PATHS.preview) {
    const preview = await previewExtensionClip(routes.library(), clip, routes.fetch);
    return send(response, 200, { ok: true, ...preview }, origin);
  }
  const outcome = await clipFromExtension(routes.library(), clip, routes.fetch);
  send(
    response,
    200,
    outcome.status === 'added'
      ? { ok: true, status: 'added', id: outcome.article.id, title: outcome.article.title, ...(outcome.duplicate ? { duplicate: outcome.duplicate } : {}) }
      : { ok: true, status: 'duplicate', duplicate: outcome.duplicate },
    origin,
  );
}

/** Reads a JSON object body within `limit`, or refuses (413, 400) and resolves to null. */
async function readJson(request: IncomingMessage, response: ServerResponse, limit: number, origin: string | undefined): Promise<Record<string, unknown> | null> {
  const body = await readLimited(request, limit);
  if (body === null) {
    refuse(request, response, 413, tooLarge(limit), origin);
    return null;
  }
  const parsed = parseJsonObject(body);
  if (typeof parsed === 'string') {
    refuse(request, response, 400, `browser endpoint: ${parsed}`, origin);
    return null;
  }
  return parsed;
}

/** Checks a pairing ask's shape. */
function parseAsk(body: Record<string, unknown>): PairingAsk | string {
  const extension = body.extension as Record<string, unknown> | undefined;
  if (typeof body.browser !== 'string') return '"browser" must be a string';
  if (typeof extension !== 'object' || extension === null) return '"extension" must be an object with "origin", "name" and "version"';
  for (const field of ['origin', 'name', 'version']) if (typeof extension[field] !== 'string') return `"extension.${field}" must be a string`;
  return body as unknown as PairingAsk;
}
