/**
 * Fetches one web page for clipping, with the limits a desktop app needs against the open
 * web: http and https only, one total time limit, a cap on the bytes read (counted after
 * gzip/deflate/br decoding, so a compression bomb stops at the cap), and at most
 * {@link MAX_REDIRECTS} redirects, followed by hand so that each hop is checked and a loop
 * is named as one. Built on node:http(s) rather than fetch(): it gives the socket errors
 * (DNS, refused, unreachable) by code, and lets the body be cut off mid-stream.
 *
 * Every failure is a {@link FetchError} whose message names the URL and the reason. Every
 * request is sent with its headers spelled out (Host and Connection too), so that what the
 * capture keeps of it (storage/http-exchange.ts) is what went on the wire, and each response's
 * head is kept as received (Node's rawHeaders: order, case and repeats).
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { Transform } from 'node:stream';
import { CuttingsError } from '../../../common/errors';
import type { HttpExchange, HttpExchanges, HttpHeader } from '../storage/http-exchange';

/** Redirects followed before giving up (browsers allow 20; an article needs few). */
export const MAX_REDIRECTS = 5;
/** Default total time for a fetch, redirects included. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Default cap on a page's decoded body. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** A redirect's body is kept (for the WARC) when it is no longer than this; it is rarely more than a line. */
const REDIRECT_BODY_BYTES = 64 * 1024;

/** Options for {@link fetchPage}; the defaults suit the app and the CLI. */
export interface FetchPageOptions {
  /** Total time allowed, all redirects included: `{ timeoutMs: 30_000 }`. */
  timeoutMs?: number;
  /** Most bytes read of the body, after decoding: `{ maxBytes: 20 * 1024 * 1024 }`. */
  maxBytes?: number;
  /** The User-Agent sent; some sites refuse requests without one. */
  userAgent?: string;
  /** Name resolution, for tests that need a DNS failure without a network (node:net's). */
  lookup?: LookupFunction;
}

/** A page as received. */
export interface FetchedPage {
  /** The address asked for. */
  requestedUrl: string;
  /** The address the body came from, after redirects. */
  finalUrl: string;
  /** The final response's HTTP status (2xx). */
  status: number;
  /** The media type, lower case, without parameters (`text/html`); '' when none was sent. */
  contentType: string;
  /** The `charset` parameter of Content-Type, if any. */
  charset: string | null;
  /** The body, content-encoding removed: the bytes the page is made of. */
  body: Buffer;
  /** Each address redirected through, in order (not including the first). */
  redirects: string[];
  /** Every request sent and the head of its response, redirects first, the body's last. */
  exchanges: HttpExchanges;
}

/** A fetch that failed; the message names the URL and why. */
export class FetchError extends CuttingsError {
  constructor(
    readonly url: string,
    readonly reason: string,
    /** The HTTP status, when the server answered. */
    readonly status?: number,
  ) {
    super('network', `fetch: ${url}: ${reason}`);
    this.name = 'FetchError';
  }
}

/**
 * Fetches `url`, following redirects, and resolves to its body. Rejects with a FetchError
 * for a bad address, a network failure, a timeout, an HTTP error status, too many
 * redirects or a loop, or a body over the cap.
 * `await fetchPage('https://example.org/story', { timeoutMs: 10_000 })`.
 */
export async function fetchPage(url: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const requestedUrl = checkHttpUrl(url, url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const redirects: string[] = [];
  const exchanges: HttpExchange[] = [];
  const seen = new Set([requestedUrl]);
  let current = requestedUrl;
  try {
    for (;;) {
      const { response, exchange } = await get(current, options, controller.signal, timeoutMs);
      exchanges.push(exchange);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304) {
        const body = await readBody(response, current, REDIRECT_BODY_BYTES, controller.signal, timeoutMs).catch(() => null);
        if (body) exchange.redirectBody = body.toString('base64');
        const location = response.headers.location;
        if (!location) throw new FetchError(current, `redirect (HTTP ${status}) without a Location header`, status);
        const next = checkHttpUrl(resolveLocation(location, current), current);
        if (seen.has(next)) throw new FetchError(requestedUrl, `redirect loop: ${[...redirects, next].join(' → ')} leads back to an address already visited`);
        if (redirects.length >= MAX_REDIRECTS) throw new FetchError(requestedUrl, `more than ${MAX_REDIRECTS} redirects (last to ${next})`);
        seen.add(next);
        redirects.push(next);
        current = next;
        continue;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        throw new FetchError(current, `the server answered HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`, status);
      }
      const { type, charset } = parseContentType(response.headers['content-type']);
      const body = await readBody(response, current, options.maxBytes ?? DEFAULT_MAX_BYTES, controller.signal, timeoutMs);
      return { requestedUrl, finalUrl: current, status, contentType: type, charset, body, redirects, exchanges };
    }
  } finally {
    clearTimeout(timer);
  }
}

/** Parses and checks an address: http or https, or a FetchError naming it. */
function checkHttpUrl(raw: string, context: string): string {
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    throw new FetchError(raw, 'not a valid web address');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    const where = raw === context ? '' : ` (redirected from ${context})`;
    throw new FetchError(raw, `only http and https addresses can be fetched, not ${parsed.protocol}${where}`);
  }
  return parsed.href;
}

function resolveLocation(location: string, base: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    throw new FetchError(base, `redirect to an invalid address ${JSON.stringify(location)}`);
  }
}

/** The headers of every request, in the order sent; Node adds none of its own when Host and Connection are given. */
function requestHeaders(parsed: URL, options: FetchPageOptions): HttpHeader[] {
  return [
    ['Host', parsed.host],
    ['User-Agent', options.userAgent ?? 'Mozilla/5.0 (compatible; Cuttings; +offline news archive)'],
    ['Accept', 'text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.1'],
    ['Accept-Encoding', 'gzip, deflate, br'],
    ['Accept-Language', 'en;q=0.9, *;q=0.5'],
    ['Connection', 'close'],
  ];
}

/** Pairs Node's flat rawHeaders list (name, value, name, value…) as received. */
function pairHeaders(raw: string[]): HttpHeader[] {
  const headers: HttpHeader[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) headers.push([raw[i]!, raw[i + 1]!]);
  return headers;
}

/** Sends one GET and resolves to the response head, with the exchange as sent and received; the body is left unread. */
function get(url: string, options: FetchPageOptions, signal: AbortSignal, timeoutMs: number): Promise<{ response: IncomingMessage; exchange: HttpExchange }> {
  const parsed = new URL(url);
  const request = parsed.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers = requestHeaders(parsed, options);
  const sent = new Date().toISOString();
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(timeoutError(url, timeoutMs));
      return;
    }
    const req = request(
      parsed,
      {
        method: 'GET',
        signal,
        ...(options.lookup ? { lookup: options.lookup } : {}),
        // An array keeps the names' case and order on the wire (an object would too, but not say so).
        headers: headers.flat(),
      },
      (response) =>
        resolve({
          response,
          exchange: {
            sent,
            request: { method: 'GET', url: parsed.href, httpVersion: '1.1', headers },
            response: { httpVersion: response.httpVersion, status: response.statusCode ?? 0, statusText: response.statusMessage ?? '', headers: pairHeaders(response.rawHeaders) },
          },
        }),
    );
    req.on('error', (error) => reject(signal.aborted ? timeoutError(url, timeoutMs) : networkError(url, error)));
    req.end();
  });
}

/**
 * Reads the body, decoding its Content-Encoding, and stops as soon as more than `maxBytes`
 * arrive either before or after decoding.
 */
function readBody(response: IncomingMessage, url: string, maxBytes: number, signal: AbortSignal, timeoutMs: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    return Promise.reject(oversized(url, maxBytes, `it declares ${declared} bytes`));
  }
  let decoder: Transform | null;
  try {
    decoder = makeDecoder(response.headers['content-encoding'], url);
  } catch (error) {
    response.destroy();
    return Promise.reject(error);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let decoded = 0;
    let settled = false;
    const stop = (error: Error | null) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (error) {
        response.destroy();
        decoder?.destroy();
        reject(error);
      } else {
        resolve(Buffer.concat(chunks));
      }
    };
    const onAbort = () => stop(timeoutError(url, timeoutMs));
    signal.addEventListener('abort', onAbort);
    response.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) stop(oversized(url, maxBytes, 'the body is longer'));
    });
    response.on('error', (error) => stop(signal.aborted ? timeoutError(url, timeoutMs) : networkError(url, error)));
    response.on('aborted', () => stop(new FetchError(url, 'the connection closed before the whole page arrived')));
    const output = decoder ?? response;
    if (decoder) {
      decoder.on('error', (error) => stop(new FetchError(url, `the body could not be decoded (${response.headers['content-encoding']}: ${error.message})`)));
      response.pipe(decoder);
    }
    output.on('data', (chunk: Buffer) => {
      if (settled) return;
      decoded += chunk.length;
      if (decoded > maxBytes) {
        stop(oversized(url, maxBytes, decoder ? 'it decompresses to more' : 'the body is longer'));
        return;
      }
      chunks.push(chunk);
    });
    output.on('end', () => stop(null));
  });
}

function makeDecoder(encoding: string | undefined, url: string): Transform | null {
  const name = (encoding ?? 'identity').trim().toLowerCase();
  if (name === '' || name === 'identity') return null;
  if (name === 'gzip' || name === 'x-gzip') return createGunzip();
  // HTTP's "deflate" is zlib-wrapped, but some servers send raw deflate; the first byte tells.
  if (name === 'deflate') return createInflateSniffing();
  if (name === 'br') return createBrotliDecompress();
  throw new FetchError(url, `the body is encoded with ${name}, which Cuttings cannot decode`);
}

/** An inflater that picks zlib or raw deflate from the stream's first byte (0x78 = zlib). */
function createInflateSniffing(): Transform {
  let inner: Transform | null = null;
  const outer: Transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (!inner) {
        inner = (chunk[0] ?? 0) === 0x78 ? createInflate() : createInflateRaw();
        inner.on('data', (data: Buffer) => outer.push(data));
        inner.on('error', (error: Error) => outer.destroy(error));
      }
      inner.write(chunk, callback);
    },
    flush(callback) {
      if (!inner) return callback();
      inner.once('end', () => callback());
      inner.end();
    },
  });
  return outer;
}

/** `text/html; charset=UTF-8` → `{ type: 'text/html', charset: 'utf-8' }`. */
export function parseContentType(header: string | undefined): { type: string; charset: string | null } {
  if (!header) return { type: '', charset: null };
  const [type = '', ...parameters] = header.split(';');
  let charset: string | null = null;
  for (const parameter of parameters) {
    const match = /^\s*charset\s*=\s*"?([^";\s]+)"?/iu.exec(parameter);
    if (match) charset = match[1]!.toLowerCase();
  }
  return { type: type.trim().toLowerCase(), charset };
}

function oversized(url: string, maxBytes: number, detail: string): FetchError {
  return new FetchError(url, `the page is larger than ${formatBytes(maxBytes)}, the most Cuttings fetches (${detail}); nothing was stored`);
}

function timeoutError(url: string, timeoutMs: number): FetchError {
  return new FetchError(url, `timed out after ${timeoutMs / 1000} s`);
}

/** Names a socket error the way a person would. */
function networkError(url: string, error: Error): FetchError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const host = new URL(url).host;
  const reasons: Record<string, string> = {
    ENOTFOUND: `DNS lookup failed: no such host ${host}`,
    EAI_AGAIN: `DNS lookup failed for ${host} (no answer from the name server; is the computer offline?)`,
    ECONNREFUSED: `${host} refused the connection (host unreachable: nothing is listening there)`,
    EHOSTUNREACH: `host ${host} is unreachable`,
    ENETUNREACH: `host ${host} is unreachable (no route to its network; is the computer offline?)`,
    ECONNRESET: `${host} closed the connection`,
    ETIMEDOUT: `connecting to ${host} timed out`,
    CERT_HAS_EXPIRED: `${host}'s certificate has expired`,
    DEPTH_ZERO_SELF_SIGNED_CERT: `${host}'s certificate is self-signed`,
    ERR_TLS_CERT_ALTNAME_INVALID: `${host}'s certificate is for another name`,
  };
  return new FetchError(url, reasons[code] ?? `${error.message}${code ? ` (${code})` : ''}`);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
