/**
 * The HTTP response inside a WARC `response` record, read back: status line, headers, and
 * the body with its transfer encoding (chunked) and content encoding (gzip, deflate, br)
 * undone, as other tools store the bytes as they came off the wire (wget, for one, keeps a
 * chunked body chunked). Decoding stops at {@link MAX_DECODED_BYTES}, so that a compression
 * bomb in an archive is a failed page, not a full disk.
 */
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import type { HttpHeader } from '../storage/http-exchange';

/** The most a body is decoded to (an article page is far smaller; fetching stops at 20 MB). */
export const MAX_DECODED_BYTES = 64 * 1024 ** 2;

/** A parsed response. */
export interface HttpResponseBlock {
  httpVersion: string;
  status: number;
  statusText: string;
  headers: HttpHeader[];
  /** The body as the server meant it: de-chunked and decoded. */
  body: Buffer;
}

/** The first value of a header, by name in any case. */
export function headerValue(headers: readonly HttpHeader[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([key]) => key.toLowerCase() === lower)?.[1];
}

/** Parses a response record's block; throws an Error saying what is wrong (the caller names the record). */
export function parseHttpResponse(block: Buffer): HttpResponseBlock {
  const end = block.indexOf('\r\n\r\n');
  const split = end >= 0 ? end + 4 : block.indexOf('\n\n') >= 0 ? block.indexOf('\n\n') + 2 : -1;
  if (split < 0) throw new Error('its HTTP head has no end');
  const lines = block.toString('latin1', 0, split).split(/\r?\n/u).filter((line) => line !== '');
  const status = /^HTTP\/(\d(?:\.\d)?) (\d{3})(?: (.*))?$/u.exec(lines[0] ?? '');
  if (!status) throw new Error(`its first line is not an HTTP status line (${JSON.stringify((lines[0] ?? '').slice(0, 40))})`);
  const headers: HttpHeader[] = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  let body = block.subarray(split);
  if ((headerValue(headers, 'transfer-encoding') ?? '').toLowerCase().includes('chunked')) body = dechunk(body);
  const encoding = (headerValue(headers, 'content-encoding') ?? 'identity').trim().toLowerCase();
  return { httpVersion: status[1]!, status: Number(status[2]), statusText: status[3] ?? '', headers, body: decode(body, encoding) };
}

/** A chunked body joined; a body that is not validly chunked is taken as it is (some tools store it de-chunked with the header kept). */
function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd < 0) return body;
    const size = Number.parseInt(body.toString('latin1', at, lineEnd).split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size < 0) return body;
    if (size === 0) return Buffer.concat(parts);
    const start = lineEnd + 2;
    if (start + size > body.length) return parts.length > 0 ? Buffer.concat([...parts, body.subarray(start)]) : body;
    parts.push(body.subarray(start, start + size));
    at = start + size + 2;
  }
}

function decode(body: Buffer, encoding: string): Buffer {
  if (body.length === 0 || encoding === 'identity' || encoding === '') return body;
  const limit = { maxOutputLength: MAX_DECODED_BYTES };
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(body, limit);
    if (encoding === 'br') return brotliDecompressSync(body, limit);
    if (encoding === 'deflate') return body[0] === 0x78 ? inflateSync(body, limit) : inflateRawSync(body, limit);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new Error(`its body decodes to more than ${MAX_DECODED_BYTES / 1024 ** 2} MB`);
    // Stored already decoded, with the header kept: the bytes are the body.
    if (encoding === 'gzip' && !(body[0] === 0x1f && body[1] === 0x8b)) return body;
    throw new Error(`its body could not be decoded (${encoding}: ${(error as Error).message})`);
  }
  throw new Error(`its body is encoded with ${encoding}, which Cuttings cannot decode`);
}
