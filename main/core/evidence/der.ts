/**
 * DER, the binary encoding of ASN.1 that RFC 3161 timestamps, CMS signatures and X.509
 * certificates are written in: reading a value (tag, length, content) and the values inside
 * it, and writing the few kinds a timestamp request needs.
 *
 * Why our own rather than asn1js/pkijs: a timestamp request is five values, and verifying a
 * token needs a dozen fields of the response; reading them here is about 150 lines we can
 * test byte by byte, keeps the bytes a signature covers exactly as received (the CMS signed
 * attributes are verified over their own DER), and leaves the signature checks to node:crypto,
 * where pkijs would bring its own crypto engine over WebCrypto and three more packages.
 * Only DER is read: an indefinite length (BER) is refused, as a TSA's answer must be DER.
 */
import { CuttingsError } from '../../../common/errors';

/** A value read from DER: its tag and where its bytes are. */
export interface DerValue {
  /** The identifier octet: class (2 bits), constructed (1 bit), tag number (5 bits). */
  readonly tag: number;
  /** The whole encoding: identifier, length and content. */
  readonly bytes: Buffer;
  /** The content alone. */
  readonly content: Buffer;
}

/** Identifier octets Cuttings reads and writes. */
export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
} as const;

/** A context-specific tag `[n]`, constructed (EXPLICIT, or IMPLICIT over a constructed type) or not. */
export function contextTag(n: number, constructed: boolean): number {
  return 0x80 | (constructed ? 0x20 : 0) | n;
}

/** A DER problem: the message says what and where, for the caller to put in its own words. */
export class DerError extends Error {}

/** Reads the one DER value at `offset` of `bytes`. */
export function readDer(bytes: Buffer, offset = 0): DerValue {
  if (offset + 2 > bytes.length) throw new DerError(`it ends at byte ${bytes.length}, inside a value's header`);
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError(`byte ${offset} starts a multi-byte tag, which nothing here uses`);
  let length = bytes[offset + 1]!;
  let start = offset + 2;
  if (length === 0x80) throw new DerError(`byte ${offset + 1} is an indefinite length (BER), not DER`);
  if (length > 0x80) {
    const count = length & 0x7f;
    if (count > 4) throw new DerError(`byte ${offset + 1} claims a length of ${count} bytes`);
    if (start + count > bytes.length) throw new DerError(`it ends at byte ${bytes.length}, inside a length`);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i]!;
    start += count;
  }
  const end = start + length;
  if (end > bytes.length) throw new DerError(`a value at byte ${offset} claims ${length} bytes but only ${bytes.length - start} follow`);
  return { tag, bytes: bytes.subarray(offset, end), content: bytes.subarray(start, end) };
}

/** Reads a whole buffer as one DER value; bytes after it are an error. */
export function readDerWhole(bytes: Buffer): DerValue {
  const value = readDer(bytes);
  if (value.bytes.length !== bytes.length) throw new DerError(`${bytes.length - value.bytes.length} bytes follow the value`);
  return value;
}

/** The values inside a constructed value (a SEQUENCE, a SET, an EXPLICIT tag). */
export function childrenOf(value: DerValue): DerValue[] {
  if ((value.tag & 0x20) === 0) throw new DerError(`a value tagged 0x${value.tag.toString(16)} is not constructed`);
  const children: DerValue[] = [];
  for (let at = 0; at < value.content.length; ) {
    const child = readDer(value.content, at);
    children.push(child);
    at += child.bytes.length;
  }
  return children;
}

/** Checks a value's tag; `what` names it in the error. */
export function expectTag(value: DerValue | undefined, tag: number, what: string): DerValue {
  if (!value) throw new DerError(`${what} is missing`);
  if (value.tag !== tag) throw new DerError(`${what} has tag 0x${value.tag.toString(16)}, not 0x${tag.toString(16)}`);
  return value;
}

/** A non-negative INTEGER's value. */
export function readInteger(value: DerValue): bigint {
  if (value.tag !== TAG.integer) throw new DerError(`an INTEGER was expected, not tag 0x${value.tag.toString(16)}`);
  if (value.content.length === 0) throw new DerError('an INTEGER has no content');
  const hex = value.content.toString('hex');
  const unsigned = BigInt(`0x${hex}`);
  // Two's complement: a first bit set means negative.
  return (value.content[0]! & 0x80) === 0 ? unsigned : unsigned - (1n << BigInt(value.content.length * 8));
}

/** An OBJECT IDENTIFIER as dotted decimal (`2.16.840.1.101.3.4.2.1`). */
export function readOid(value: DerValue): string {
  if (value.tag !== TAG.oid) throw new DerError(`an OBJECT IDENTIFIER was expected, not tag 0x${value.tag.toString(16)}`);
  const arcs: bigint[] = [];
  let arc = 0n;
  for (const byte of value.content) {
    arc = (arc << 7n) | BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(arc);
      arc = 0n;
    }
  }
  if (arcs.length === 0) throw new DerError('an OBJECT IDENTIFIER is empty');
  const first = arcs[0]!;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}

/** A GeneralizedTime or UTCTime as a Date (fractions of a second kept, to the millisecond). */
export function readTime(value: DerValue): Date {
  const text = value.content.toString('latin1');
  const generalized = value.tag === TAG.generalizedTime;
  if (!generalized && value.tag !== TAG.utcTime) throw new DerError(`a time was expected, not tag 0x${value.tag.toString(16)}`);
  const match = generalized ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,9}))?Z$/u.exec(text) : /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/u.exec(text);
  if (!match) throw new DerError(`the time ${JSON.stringify(text)} is not in UTC as DER writes it`);
  const year = generalized ? Number(match[1]) : Number(match[1]) + (Number(match[1]) < 50 ? 2000 : 1900);
  const millis = match[7] ? Number(match[7].padEnd(3, '0').slice(0, 3)) : 0;
  return new Date(Date.UTC(year, Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6]), millis));
}

// ---- writing ----

function lengthBytes(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  return Buffer.from([0x80 | octets.length, ...octets]);
}

/** One value: its tag and its content. */
export function derValue(tag: number, content: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag]), lengthBytes(content.length), content]);
}

/** A SEQUENCE of the values given (each already encoded). */
export function derSequence(...values: Buffer[]): Buffer {
  return derValue(TAG.sequence, Buffer.concat(values));
}

/** A non-negative INTEGER. */
export function derInteger(value: bigint): Buffer {
  if (value < 0n) throw new DerError('negative INTEGERs are not written here');
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  // A leading 0x00 keeps a value whose first bit is set from reading as negative.
  if (Number.parseInt(hex.slice(0, 2), 16) & 0x80) hex = `00${hex}`;
  return derValue(TAG.integer, Buffer.from(hex, 'hex'));
}

/** An OBJECT IDENTIFIER from dotted decimal. */
export function derOid(oid: string): Buffer {
  const arcs = oid.split('.').map((arc) => BigInt(arc));
  if (arcs.length < 2) throw new DerError(`${oid} is not an OBJECT IDENTIFIER`);
  const bytes: number[] = [];
  for (const arc of [arcs[0]! * 40n + arcs[1]!, ...arcs.slice(2)]) {
    const septets: number[] = [Number(arc & 0x7fn)];
    for (let rest = arc >> 7n; rest > 0n; rest >>= 7n) septets.unshift(Number(rest & 0x7fn) | 0x80);
    bytes.push(...septets);
  }
  return derValue(TAG.oid, Buffer.from(bytes));
}

/** An OCTET STRING. */
export function derOctetString(bytes: Uint8Array): Buffer {
  return derValue(TAG.octetString, bytes);
}

/** NULL. */
export function derNull(): Buffer {
  return derValue(TAG.null, Buffer.alloc(0));
}

/** A BOOLEAN (DER writes TRUE as 0xff). */
export function derBoolean(value: boolean): Buffer {
  return derValue(TAG.boolean, Buffer.from([value ? 0xff : 0x00]));
}

/** Wraps a DER problem as the one line a user sees, naming the module and the thing read. */
export function derFailure(module: string, what: string, error: unknown): CuttingsError {
  if (error instanceof CuttingsError) return error;
  return new CuttingsError('bad-content', `${module}: ${what} is not valid DER: ${(error as Error).message}`);
}
