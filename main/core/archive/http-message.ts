/**
 * The HTTP messages a WARC `request` or `response` record holds, written back from what a
 * capture kept (storage/http-exchange.ts): the request line and headers as sent, the status
 * line and headers as received.
 *
 * One change, because the capture keeps a body decoded (its SHA-256 is the one in the
 * cutting's provenance, and the WARC's payload digest must be that hash): a response's
 * `Content-Encoding` and `Transfer-Encoding` no longer describe the bytes in the record, so
 * they are written as `X-Cuttings-Orig-Content-Encoding` and `…-Transfer-Encoding`, and
 * `Content-Length` is set to the length of the bytes that follow (the one received, if it
 * differs, as `X-Cuttings-Orig-Content-Length`). Replay tools then serve the body as it is,
 * and nothing the server said is lost. Browsertrix and ArchiveWeb.page, which also store
 * decoded bodies, do the same with their own prefix.
 */
import type { HttpHeader, ReceivedResponse, SentRequest } from '../storage/http-exchange';

/** The prefix of a received header renamed because the record's body is decoded. */
export const ORIGINAL_HEADER_PREFIX = 'X-Cuttings-Orig-';

const CRLF = '\r\n';

/** A request's head as sent: `GET /path?q HTTP/1.1`, its headers, a blank line. */
export function requestHead(request: SentRequest): Buffer {
  const url = new URL(request.url);
  const lines = [`${request.method} ${url.pathname}${url.search} HTTP/${request.httpVersion}`, ...request.headers.map(headerLine)];
  return Buffer.from(`${lines.join(CRLF)}${CRLF}${CRLF}`, 'latin1');
}

/**
 * A response's head as received, for a record whose body is `bodyLength` decoded bytes (null
 * when the body was not kept: a redirect's, whose record is then marked truncated).
 */
export function responseHead(response: ReceivedResponse, bodyLength: number | null): Buffer {
  const headers: HttpHeader[] = [];
  let lengthWritten = false;
  for (const [name, value] of response.headers) {
    const lower = name.toLowerCase();
    if (bodyLength !== null && (lower === 'content-encoding' || lower === 'transfer-encoding')) {
      headers.push([`${ORIGINAL_HEADER_PREFIX}${name}`, value]);
    } else if (bodyLength !== null && lower === 'content-length') {
      // In its place, with the length of the bytes in the record; the received one kept if it differs.
      if (value.trim() !== String(bodyLength)) headers.push([`${ORIGINAL_HEADER_PREFIX}${name}`, value]);
      if (!lengthWritten) headers.push([name, String(bodyLength)]);
      lengthWritten = true;
    } else {
      headers.push([name, value]);
    }
  }
  if (bodyLength !== null && !lengthWritten) headers.push(['Content-Length', String(bodyLength)]);
  const status = `HTTP/${response.httpVersion} ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  return Buffer.from(`${[status, ...headers.map(headerLine)].join(CRLF)}${CRLF}${CRLF}`, 'latin1');
}

/** Whether a redirect's response said it had a body (which the capture did not keep). */
export function hadBody(response: ReceivedResponse): boolean {
  for (const [name, value] of response.headers) {
    const lower = name.toLowerCase();
    if (lower === 'transfer-encoding') return true;
    if (lower === 'content-length') return Number(value) > 0;
  }
  // Neither: the body ran to the end of the connection, if there was one.
  return response.status !== 204 && response.status !== 304;
}

/** `Name: value`, with any line break in a value (never valid HTTP, but never trusted either) folded to a space. */
function headerLine([name, value]: HttpHeader): string {
  return `${name}: ${value.replace(/[\r\n]+/gu, ' ')}`;
}
