/**
 * The HTTP pieces every address of the loopback endpoint shares: who is asking (the Host and
 * Origin checks), reading a capped body, and answering in JSON — `{ ok: false, error }` with
 * one line for every refusal. Apart from the routes so that each route reads as its checks.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EXTENSION_ORIGIN } from '../../../common/browser-protocol';
import { CuttingsError, oneLineMessage } from '../../../common/errors';
import type { ErrorCode } from '../../../common/result';

/** Whether the Host header names the loopback address and port (a DNS-rebinding page names its own host). */
export function hostIsLoopback(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Whether an Origin is a web page's (http or https). */
export function isWebOrigin(origin: string): boolean {
  return /^https?:\/\/[^/]+$/iu.test(origin);
}

/** Whether an Origin is a browser extension's. */
export function isExtensionOrigin(origin: string): boolean {
  return EXTENSION_ORIGIN.test(origin);
}

/** Whether a given token is the expected one, compared in constant time. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The request's media type, lower case, without parameters. */
export function mediaType(request: IncomingMessage): string {
  return (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Reads a body up to `limit` bytes; null if it is longer (reading stops there). */
export function readLimited(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      request.resume();
      resolve(null);
      return;
    }
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

/** The one-line refusal for a body over the cap. */
export function tooLarge(limit: number): string {
  return `browser endpoint: the body is larger than ${Math.round(limit / (1024 * 1024))} MB, the most it accepts`;
}

/** A body parsed as a JSON object, or what is wrong with it as a string. */
export function parseJsonObject(body: Buffer): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (error) {
    return `the body is not valid JSON (${oneLineMessage(error)})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'the body must be a JSON object';
  return value as Record<string, unknown>;
}

/** Answers with a JSON body; `allowOrigin` is echoed for CORS (a web page's or an extension's). */
export function send(response: ServerResponse, status: number, body: unknown, allowOrigin?: string): void {
  if (response.headersSent) return;
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
    ...(allowOrigin ? { 'access-control-allow-origin': allowOrigin, vary: 'Origin' } : {}),
  });
  response.end(json);
}

/**
 * Refuses a request with one line. The body is not read: stop reading it, and close the
 * connection so the rest is dropped.
 */
export function refuse(request: IncomingMessage, response: ServerResponse, status: number, error: string, allowOrigin?: string): void {
  request.resume();
  response.setHeader('connection', 'close');
  send(response, status, { ok: false, error }, allowOrigin);
}

const STATUS_OF: Record<ErrorCode, number> = {
  'invalid-input': 400,
  forbidden: 403,
  'not-found': 404,
  'bad-content': 422,
  network: 502,
  library: 500,
  internal: 500,
};

/** The HTTP status and line for an error thrown while serving: a CuttingsError says its own; anything else is a bug. */
export function failureOf(error: unknown): { status: number; message: string } {
  if (error instanceof CuttingsError) return { status: STATUS_OF[error.code], message: error.message };
  return { status: 500, message: `internal: ${(error as Error).message}` };
}
