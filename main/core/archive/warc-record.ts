/**
 * One WARC 1.1 record (ISO 28500:2017) as bytes: the version line, the named fields, a blank
 * line, the block, two line breaks. Digests are SHA-256 written `sha256:<hex>`: WARC 1.1
 * allows any algorithm as `label:value`, hex is what Browsertrix, ArchiveWeb.page and
 * warcio.js write (and read), and it makes a payload digest the very string Cuttings keeps as
 * a capture's `originalSha256` or an image's name, so anyone can compare them by eye.
 */
import { createHash, randomUUID } from 'node:crypto';

/** The record types Cuttings writes. */
export type WarcRecordType = 'warcinfo' | 'request' | 'response' | 'resource' | 'metadata';

/** A record to write. */
export interface WarcRecordSpec {
  type: WarcRecordType;
  /** `<urn:uuid:…>`; a new one when absent. */
  id?: string;
  /** WARC-Date: ISO 8601 UTC (WARC 1.1 allows fractions of a second). */
  date: string;
  targetUri?: string;
  /** The block's media type (`application/http; msgtype=response`, `text/html`…). */
  contentType: string;
  /**
   * The block, in parts: for request and response records the HTTP head then the body, for
   * the others the body alone. `payloadFrom` says where the payload starts.
   */
  block: Uint8Array[];
  /** The index in `block` of the first part of the payload (1 after an HTTP head); absent for no payload digest. */
  payloadFrom?: number;
  /** The payload's SHA-256 when it is already known (a stored hash), saving a second hash of the bytes. */
  payloadSha256?: string;
  /** Further fields, in order (WARC-Concurrent-To, WARC-Refers-To, WARC-Truncated…). */
  fields?: [string, string][];
  /** For a record replay tools look up (a response, a resource): what the index says it serves. */
  serves?: { mime: string; status: number };
}

/** A record's bytes (before compression) and what an index needs of it. */
export interface EncodedRecord {
  id: string;
  bytes: Buffer;
  /** `sha256:<hex>` of the block. */
  blockDigest: string;
  /** `sha256:<hex>` of the payload, when the record has one. */
  payloadDigest?: string;
}

const CRLF = '\r\n';

/** A new record id: a random UUID as a URN, as WARC asks. */
export function newRecordId(): string {
  return `<urn:uuid:${randomUUID()}>`;
}

/** A SHA-256 (hex) as a WARC digest field's value. */
export function digestLabel(sha256Hex: string): string {
  return `sha256:${sha256Hex}`;
}

/** The SHA-256 (hex) of some parts, taken together. */
export function sha256Of(parts: readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/** Encodes a record; the block digest is always computed, the payload digest taken when known. */
export function encodeRecord(spec: WarcRecordSpec): EncodedRecord {
  const id = spec.id ?? newRecordId();
  const blockSha = sha256Of(spec.block);
  const payloadFrom = spec.payloadFrom;
  let payloadDigest: string | undefined;
  if (payloadFrom !== undefined) {
    payloadDigest = digestLabel(spec.payloadSha256 ?? (payloadFrom === 0 ? blockSha : sha256Of(spec.block.slice(payloadFrom))));
  }
  const length = spec.block.reduce((sum, part) => sum + part.byteLength, 0);
  const fields: [string, string][] = [
    ['WARC-Type', spec.type],
    ['WARC-Record-ID', id],
    ['WARC-Date', spec.date],
    ...(spec.targetUri !== undefined ? ([['WARC-Target-URI', spec.targetUri]] as [string, string][]) : []),
    ...(spec.fields ?? []),
    ['WARC-Block-Digest', digestLabel(blockSha)],
    ...(payloadDigest ? ([['WARC-Payload-Digest', payloadDigest]] as [string, string][]) : []),
    ['Content-Type', spec.contentType],
    ['Content-Length', String(length)],
  ];
  const head = `WARC/1.1${CRLF}${fields.map(([name, value]) => `${name}: ${value.replace(/[\r\n]+/gu, ' ')}`).join(CRLF)}${CRLF}${CRLF}`;
  const bytes = Buffer.concat([Buffer.from(head, 'utf8'), ...spec.block, Buffer.from(CRLF + CRLF, 'latin1')]);
  return { id, bytes, blockDigest: digestLabel(blockSha), ...(payloadDigest ? { payloadDigest } : {}) };
}

/** The fields of a `warcinfo` record's block (application/warc-fields). */
export function warcFields(fields: Record<string, string>): Buffer {
  return Buffer.from(Object.entries(fields).map(([name, value]) => `${name}: ${value.replace(/[\r\n]+/gu, ' ')}${CRLF}`).join(''), 'utf8');
}
