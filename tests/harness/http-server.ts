/**
 * The harness's HTTP server: serves the built renderer (dist/renderer/) and answers
 * `POST /api/<channel>` from a handler table, so that a browser can drive the real UI
 * against a real library (DESIGN.md §7). It knows nothing of the library: it is given the
 * table, which keeps its refusal paths testable without one (tests/harness/harness.test.ts).
 *
 * It binds to 127.0.0.1 only and answers only requests addressed to 127.0.0.1:<port> (so
 * a DNS-rebinding page cannot reach it) and API calls only from its own origin.
 */
import { once } from 'node:events';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { RENDERER_CSP } from '../../main/policies/content-security-policy';
import type { HandlerTable } from '../../main/ipc/handler-table';
import { fail, type Result } from '../../common/result';
import { HARNESS_EVENTS_PATH } from './harness-events';

/**
 * The window's Content-Security-Policy, sent as a header with every file: main's own, so the
 * UI is tested under the policy the app runs under. renderer/index.html carries the same
 * policy in a <meta> (tests/harness/harness.test.ts checks that they agree).
 */
export const PAGE_POLICY = RENDERER_CSP;

/** The largest API request body accepted, in bytes (the handlers cap inputs at 32 M characters). */
export const MAX_BODY_BYTES = 40 * 1024 * 1024;

/** How many requests the log keeps (the newest). */
const MAX_LOGGED_REQUESTS = 10_000;

/** Where the bridge script is served; injected into index.html before the app's script. */
export const BRIDGE_PATH = '/harness-bridge.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** One request the server saw, for tests that assert what a page did or did not ask for. */
export interface HarnessRequest {
  method: string;
  /** The path and query as requested. */
  url: string;
  status: number;
}

/** What the server needs. */
export interface HarnessServerOptions {
  /** The folder of the built renderer (index.html, main.js, styles). */
  rootDir: string;
  /** One handler per channel, as main/ipc/handler-table.ts builds it. */
  handlers: HandlerTable;
  /** The browser script that defines `window.cuttings` (served at BRIDGE_PATH). */
  bridgeScript: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

/** A running server. */
export interface HarnessServer {
  /** `http://127.0.0.1:<port>/`. */
  url: string;
  port: number;
  /** Every request so far, oldest first. */
  requests: readonly HarnessRequest[];
  /** Pushes an event (an AppEvent, as main would) to every page listening at HARNESS_EVENTS_PATH. */
  broadcast(event: unknown): void;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1. */
export async function startHarnessServer(options: HarnessServerOptions): Promise<HarnessServer> {
  const root = await realpath(resolve(options.rootDir));
  const requests: HarnessRequest[] = [];
  /** The pages listening for pushed events (server-sent events streams). */
  const listeners = new Set<ServerResponse>();
  let port = 0;

  const server = createServer((request, response) => {
    const record: HarnessRequest = { method: request.method ?? '', url: request.url ?? '', status: 0 };
    requests.push(record);
    // A long `npm run serve` session must not grow the log without end.
    if (requests.length > MAX_LOGGED_REQUESTS) requests.splice(0, requests.length - MAX_LOGGED_REQUESTS);
    response.on('finish', () => {
      record.status = response.statusCode;
    });
    handle(request, response).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!response.headersSent) sendJson(response, 500, fail('internal', `harness: ${message}`));
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Only requests addressed to us by our own name: refuses DNS rebinding.
    if (request.headers.host !== `127.0.0.1:${port}`) {
      sendText(
        response,
        403,
        `harness: refused a request for host ${JSON.stringify(request.headers.host ?? '')}; open http://127.0.0.1:${port}/`,
      );
      return;
    }
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path === HARNESS_EVENTS_PATH && request.method === 'GET') {
      // Main's pushed events: a stream that stays open until the page or the server goes.
      securityHeaders(response);
      response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
      response.write(': listening\n\n');
      listeners.add(response);
      request.on('close', () => listeners.delete(response));
      return;
    }
    if (path.startsWith('/api/')) {
      await handleApi(request, response, path.slice('/api/'.length));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      sendText(response, 405, `harness: ${request.method ?? ''} is not allowed here`);
      return;
    }
    await serveFile(request, response, path);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, encodedChannel: string): Promise<void> {
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      sendJson(response, 405, fail('invalid-input', `harness: the API takes POST, not ${request.method ?? ''}`));
      return;
    }
    const origin = `http://127.0.0.1:${port}`;
    const site = request.headers['sec-fetch-site'];
    if ((request.headers.origin !== undefined && request.headers.origin !== origin) || (site !== undefined && site !== 'same-origin')) {
      sendJson(response, 403, fail('forbidden', `harness: refused an API call from ${request.headers.origin ?? String(site)}`));
      return;
    }
    let channel: string;
    try {
      channel = decodeURIComponent(encodedChannel);
    } catch {
      channel = encodedChannel;
    }
    const handler = options.handlers.get(channel);
    if (!handler) {
      sendJson(response, 404, fail('not-found', `harness: there is no channel ${JSON.stringify(channel)}`));
      return;
    }
    if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      sendJson(response, 415, fail('invalid-input', 'harness: the API takes a JSON body (Content-Type: application/json)'));
      return;
    }
    const body = await readBody(request);
    if (body === null) {
      sendJson(response, 413, fail('invalid-input', `harness: the request body is larger than ${MAX_BODY_BYTES} bytes`));
      request.resume();
      response.on('finish', () => request.destroy());
      return;
    }
    let args: unknown;
    try {
      args = JSON.parse(body);
    } catch (error) {
      sendJson(response, 400, fail('invalid-input', `harness: the request body is not JSON: ${(error as Error).message}`));
      return;
    }
    if (!Array.isArray(args)) {
      sendJson(response, 400, fail('invalid-input', 'harness: the request body must be a JSON array of arguments'));
      return;
    }
    sendJson(response, 200, await handler(args));
  }

  async function serveFile(request: IncomingMessage, response: ServerResponse, rawPath: string): Promise<void> {
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      sendText(response, 400, 'harness: bad escape in path');
      return;
    }
    if (path === BRIDGE_PATH) {
      sendBody(request, response, 200, CONTENT_TYPES['.js'] ?? '', options.bridgeScript);
      return;
    }
    if (path === '/') path = '/index.html';
    // Refuse any attempt to climb out of the root, however it is spelled.
    const segments = path.split(/[\\/]/u);
    if (path.includes('\0') || path.includes('\\') || segments.includes('..')) {
      sendText(response, 403, `harness: refused path ${JSON.stringify(path)}`);
      return;
    }
    const file = await realpathInside(root, join(root, ...segments));
    if (file === null) {
      sendText(response, 404, `harness: no file ${path}`);
      return;
    }
    const contentType = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (file === join(root, 'index.html')) {
      sendBody(request, response, 200, contentType, injectBridge(await readFile(file, 'utf8')));
      return;
    }
    sendBody(request, response, 200, contentType, await readFile(file));
  }

  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    requests,
    broadcast: (event) => {
      for (const listener of listeners) listener.write(`data: ${JSON.stringify(event)}\n\n`);
    },
    close: async () => {
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Puts the bridge script before the app's first script, so `window.cuttings` exists first. */
export function injectBridge(html: string): string {
  const at = html.search(/<script\b/iu);
  if (at < 0) throw new Error('harness: index.html has no <script> to put the bridge before');
  return `${html.slice(0, at)}<script src="${BRIDGE_PATH.slice(1)}"></script>\n    ${html.slice(at)}`;
}

/** The real path of a regular file if it is inside root (following symlinks), else null. */
async function realpathInside(root: string, candidate: string): Promise<string | null> {
  try {
    const real = await realpath(candidate);
    if (!real.startsWith(root + sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

/** Reads a request body as UTF-8, or returns null once it passes MAX_BODY_BYTES. */
async function readBody(request: IncomingMessage): Promise<string | null> {
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function securityHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', PAGE_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cache-Control', 'no-store');
}

function sendBody(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
): void {
  securityHeaders(response);
  response.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  securityHeaders(response);
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(`${text}\n`);
}

function sendJson(response: ServerResponse, status: number, result: Result<unknown>): void {
  securityHeaders(response);
  const body = JSON.stringify(result);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}
