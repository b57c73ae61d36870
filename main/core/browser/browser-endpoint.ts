/**
 * The loopback endpoint the bookmarklet (common/bookmarklet.ts) posts pages to. Off until
 * the user turns it on; when on, it listens on 127.0.0.1 only and accepts one thing:
 * `POST /clip` with a JSON body no larger than the cap, the pairing token in the
 * X-Cuttings-Token header, a Host header naming the loopback address (so a DNS-rebinding
 * page cannot reach it under its own name), and an Origin header that is the origin of the
 * page being clipped (a page can only send itself, not pose as another site). Every refusal
 * says why in a JSON body `{ ok: false, error }`, with 400, 403, 404, 405, 413 or 415.
 *
 * Browsers send a CORS preflight (OPTIONS) before the POST, because of the JSON content type
 * and the token header; it is answered for any http(s) Origin, including Chrome's Private
 * Network Access header, since the checks that matter are made on the POST itself.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AddOutcome, DuplicateAction } from '../../../common/api';
import type { BrowserClip } from '../../../common/bookmarklet';
import { TOKEN_HEADER } from '../../../common/bookmarklet';
import { CuttingsError, oneLineMessage } from '../../../common/errors';
import { escapeHtml } from '../clip/escape-html';
import type { ArticleWriter } from '../library/article-access';

/** Default cap on a posted page (a whole document as the browser holds it). */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Options for {@link startBrowserEndpoint}. */
export interface BrowserEndpointOptions {
  /** The library clips go to, asked at each request (the app may switch libraries). */
  library: () => ArticleWriter;
  /** The pairing token; a new random one if not given (`newPairingToken()`). */
  token?: string;
  /** The port; 0 (the default) lets the system choose. */
  port?: number;
  /** Largest body accepted, in bytes. */
  maxBodyBytes?: number;
  /** What to do with a page already in the library (default: skip and say so). */
  onDuplicate?: DuplicateAction;
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
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let port = 0;
  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const message = error instanceof CuttingsError ? error.message : `internal: ${(error as Error).message}`;
      send(response, error instanceof CuttingsError ? 422 : 500, { ok: false, error: message });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const origin = request.headers.origin;
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (!hostIsLoopback(request.headers.host, port)) {
      return refuse(request, response, 403, `browser endpoint: refused a request for host ${JSON.stringify(request.headers.host ?? '')}; only 127.0.0.1:${port} is served`);
    }
    if (path !== '/clip') return refuse(request, response, 404, `browser endpoint: no such address ${path}; the bookmarklet posts to /clip`);
    if (request.method === 'OPTIONS') {
      if (!origin || !isWebOrigin(origin)) return refuse(request, response, 403, `browser endpoint: refused a preflight from origin ${JSON.stringify(origin ?? '')}`);
      response.writeHead(204, {
        ...corsHeaders(origin),
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': `content-type, ${TOKEN_HEADER.toLowerCase()}`,
        'access-control-max-age': '600',
        ...(request.headers['access-control-request-private-network'] ? { 'access-control-allow-private-network': 'true' } : {}),
      });
      response.end();
      return;
    }
    if (request.method !== 'POST') return refuse(request, response, 405, `browser endpoint: ${request.method} is not accepted; the bookmarklet POSTs JSON`);
    const given = request.headers[TOKEN_HEADER.toLowerCase()];
    if (typeof given !== 'string' || given === '') return refuse(request, response, 403, 'browser endpoint: the request has no pairing token; copy the bookmarklet from Cuttings again');
    if (!sameSecret(given, token)) return refuse(request, response, 403, 'browser endpoint: wrong pairing token; copy the bookmarklet from Cuttings again');
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') return refuse(request, response, 415, `browser endpoint: the body must be JSON (application/json), not ${JSON.stringify(type)}`);
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBody) return refuse(request, response, 413, tooLarge(maxBody));
    const body = await readLimited(request, maxBody);
    if (body === null) return refuse(request, response, 413, tooLarge(maxBody));
    const clip = parseClip(body);
    if (typeof clip === 'string') return refuse(request, response, 400, `browser endpoint: ${clip}`);
    const pageOrigin = new URL(clip.url).origin;
    if (!origin || origin !== pageOrigin) {
      return refuse(request, response, 403, `browser endpoint: refused a page of ${pageOrigin} sent from origin ${JSON.stringify(origin ?? '')}; a page can only send itself`);
    }
    const outcome = await clipFromBrowser(options.library(), clip, options.onDuplicate ?? 'skip');
    send(response, 200, outcome.status === 'added' ? { ok: true, status: 'added', id: outcome.article.id, title: outcome.article.title } : { ok: true, status: 'duplicate', duplicate: outcome.duplicate }, origin);
  }

  function refuse(request: IncomingMessage, response: ServerResponse, status: number, error: string): void {
    // The body is not read: stop reading it, and close the connection so the rest is dropped.
    request.resume();
    response.setHeader('connection', 'close');
    send(response, status, { ok: false, error }, request.headers.origin);
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

/**
 * Stores a page sent by the bookmarklet: the whole document, or the selection wrapped as an
 * article under the page's title. Provenance says it came from the browser, from which page.
 */
export function clipFromBrowser(library: ArticleWriter, clip: BrowserClip, onDuplicate: DuplicateAction | 'ask'): Promise<AddOutcome> {
  const html =
    clip.selectionHtml !== undefined
      ? `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(clip.title ?? '')}</title></head><body><article>${clip.selectionHtml}</article></body></html>`
      : clip.html!;
  return library.addChecked(
    {
      kind: 'html',
      request: { html, ...(clip.selectionHtml !== undefined && clip.title ? { title: clip.title } : {}) },
      method: 'browser',
      name: clip.url,
      pageUrl: clip.url,
      provenance: { originalUrl: clip.url, finalUrl: clip.url, contentType: 'text/html' },
      images: {},
    },
    onDuplicate,
  );
}

/** Checks a posted body's shape; returns what is wrong as a string. */
function parseClip(body: Buffer): BrowserClip | string {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (error) {
    return `the body is not valid JSON (${oneLineMessage(error)})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'the body must be a JSON object';
  const record = value as Record<string, unknown>;
  for (const field of ['url', 'title', 'html', 'selectionHtml']) {
    if (record[field] !== undefined && typeof record[field] !== 'string') return `"${field}" must be a string`;
  }
  const url = record.url as string | undefined;
  if (!url || !/^https?:\/\//iu.test(url) || !URL.canParse(url)) return `"url" must be the page's http(s) address, not ${JSON.stringify(url ?? null)}`;
  if (record.html === undefined && record.selectionHtml === undefined) return 'the body needs "html" (the page) or "selectionHtml" (the selection)';
  return record as unknown as BrowserClip;
}

/** Reads a body up to `limit` bytes; null if it is longer (reading stops there). */
function readLimited(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function hostIsLoopback(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function isWebOrigin(origin: string): boolean {
  return /^https?:\/\/[^/]+$/iu.test(origin);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function corsHeaders(origin: string | undefined): Record<string, string> {
  return origin && isWebOrigin(origin) ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
}

function send(response: ServerResponse, status: number, body: unknown, origin?: string): void {
  if (response.headersSent) return;
  const json = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json), ...corsHeaders(origin) });
  response.end(json);
}

function tooLarge(limit: number): string {
  return `browser endpoint: the body is larger than ${Math.round(limit / (1024 * 1024))} MB, the most it accepts`;
}
