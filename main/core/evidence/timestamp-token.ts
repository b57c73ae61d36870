/**
 * RFC 3161 on the wire: the request Cuttings sends a timestamping authority (TSA), and the
 * reply and token it reads back, field by field (DER, der.ts). Verifying a token is
 * timestamp-check.ts; sending the request is tsa-client.ts.
 *
 *   TimeStampReq  ::= SEQUENCE { version 1, messageImprint, nonce, certReq TRUE }
 *   TimeStampResp ::= SEQUENCE { status PKIStatusInfo, timeStampToken ContentInfo OPTIONAL }
 *   the token: a CMS SignedData (RFC 5652) whose content is a TSTInfo — the imprint of what
 *   was stamped, the time (genTime), the serial number, the nonce, the TSA's name — signed
 *   by the TSA over signed attributes that hold the TSTInfo's digest and name the signing
 *   certificate (ESS, RFC 5035).
 *
 * We ask with a nonce (so that an old answer replayed is caught) and certReq TRUE (so that
 * the token carries the TSA's certificate, and the bundle can hand it to `openssl ts -verify`).
 */
import { X509Certificate, randomBytes } from 'node:crypto';
import {
  childrenOf,
  contextTag,
  derBoolean,
  derInteger,
  derNull,
  derOctetString,
  derOid,
  derSequence,
  DerError,
  expectTag,
  readDerWhole,
  readInteger,
  readOid,
  readTime,
  TAG,
  type DerValue,
} from './der';
import { nameToString } from './certificates';

/** OBJECT IDENTIFIERs of the hash functions a token may use, and Node's names for them. */
export const HASH_BY_OID: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

const SHA256 = '2.16.840.1.101.3.4.2.1';
export const OID = {
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

/** A request ready to send, and what its answer must match. */
export interface TimestampRequest {
  der: Buffer;
  /** The SHA-256 stamped. */
  hash: Buffer;
  nonce: bigint;
}

/** The request for a timestamp of `hash` (a SHA-256), with a fresh 64-bit nonce. */
export function timestampRequest(hash: Buffer, nonce: bigint = BigInt(`0x${randomBytes(8).toString('hex')}`)): TimestampRequest {
  if (hash.length !== 32) throw new Error('a timestamp request here stamps a SHA-256 (32 bytes)');
  const der = derSequence(derInteger(1n), derSequence(derSequence(derOid(SHA256), derNull()), derOctetString(hash)), derInteger(nonce), derBoolean(true));
  return { der, hash, nonce };
}

/** PKIStatus values (RFC 3161 §2.4.2). */
const STATUS_NAMES = ['granted', 'grantedWithMods', 'rejection', 'waiting', 'revocationWarning', 'revocationNotification'];
/** PKIFailureInfo bits. */
const FAILURE_BITS: Record<number, string> = { 0: 'badAlg', 2: 'badRequest', 5: 'badDataFormat', 14: 'timeNotAvailable', 15: 'unacceptedPolicy', 16: 'unacceptedExtension', 17: 'addInfoNotAvailable', 25: 'systemFailure' };

/** A TSA's reply: its status and, when granted, the token (a CMS ContentInfo, DER). */
export interface TimestampReply {
  status: number;
  /** `granted`, `rejection`… */
  statusName: string;
  /** The TSA's own words and failure bits, if any. */
  statusText: string[];
  token: Buffer | null;
}

/** Reads a TimeStampResp. Throws a DerError saying what is wrong with it. */
export function parseTimestampReply(bytes: Buffer): TimestampReply {
  const [statusInfo, token] = childrenOf(expectTag(readDerWhole(bytes), TAG.sequence, 'the reply'));
  const [status, ...rest] = childrenOf(expectTag(statusInfo, TAG.sequence, 'the status'));
  const value = Number(readInteger(expectTag(status, TAG.integer, 'the status')));
  const statusText: string[] = [];
  for (const part of rest) {
    if (part.tag === TAG.sequence) statusText.push(...childrenOf(part).map((text) => text.content.toString('utf8')));
    if (part.tag === TAG.bitString) {
      // The first content octet counts the unused bits; the bits follow, most significant first.
      part.content.subarray(1).forEach((byte, i) => {
        for (let bit = 0; bit < 8; bit++) if (byte & (0x80 >> bit)) statusText.push(FAILURE_BITS[i * 8 + bit] ?? `failure bit ${i * 8 + bit}`);
      });
    }
  }
  return { status: value, statusName: STATUS_NAMES[value] ?? `status ${value}`, statusText, token: token ? token.bytes : null };
}

/** What a token says it stamped, and when. */
export interface TstInfo {
  policy: string;
  /** Node's name for the imprint's hash (`sha256`), or the OID when unknown. */
  hashAlgorithm: string;
  hashedMessage: Buffer;
  serial: bigint;
  genTime: Date;
  /** `±1 s`, `±0.5 s`… when the TSA says. */
  accuracy: string | null;
  nonce: bigint | null;
  /** The TSA's name as the token gives it, when it does. */
  tsaName: string | null;
}

/** The signer of a token, as its SignerInfo describes it. */
export interface TokenSigner {
  /** IssuerAndSerialNumber, when the signer is named that way. */
  issuerDer: Buffer | null;
  serial: Buffer | null;
  /** SubjectKeyIdentifier, when named that way. */
  subjectKeyId: Buffer | null;
  digestAlgorithm: string;
  /** The signed attributes re-tagged as a SET: the bytes the signature covers. */
  signedAttributes: Buffer | null;
  contentType: string | null;
  messageDigest: Buffer | null;
  /** ESS signing certificate: the hash algorithm and hash of each certificate named (the first is the signer's). */
  signingCertificates: { algorithm: string; hash: Buffer }[];
  signatureAlgorithm: string;
  /** RSASSA-PSS parameters when signatureAlgorithm is PSS. */
  pss: { hash: string; saltLength: number } | null;
  signature: Buffer;
}

/** A token read: its TSTInfo, the DER that was signed, the certificates it carries and its signer. */
export interface TimestampToken {
  der: Buffer;
  contentType: string;
  /** The TSTInfo's DER (the encapsulated content, whose digest the signer signed). */
  content: Buffer;
  info: TstInfo;
  certificates: X509Certificate[];
  signer: TokenSigner;
}

/** Reads a token (ContentInfo with SignedData over a TSTInfo). Throws a DerError saying what is wrong. */
export function parseTimestampToken(der: Buffer): TimestampToken {
  const [type, wrapped] = childrenOf(expectTag(readDerWhole(der), TAG.sequence, 'the token'));
  if (readOid(expectTag(type, TAG.oid, 'the token type')) !== OID.signedData) throw new DerError('the token is not CMS SignedData');
  const signedData = childrenOf(expectTag(childrenOf(expectTag(wrapped, contextTag(0, true), 'the signed data'))[0], TAG.sequence, 'the signed data'));
  const [, , encapsulated, ...more] = signedData;
  const [eType, eWrapped] = childrenOf(expectTag(encapsulated, TAG.sequence, 'the content'));
  const contentType = readOid(expectTag(eType, TAG.oid, 'the content type'));
  const content = expectTag(childrenOf(expectTag(eWrapped, contextTag(0, true), 'the content'))[0], TAG.octetString, 'the content').content;
  const certificates: X509Certificate[] = [];
  let signerInfos: DerValue | undefined;
  for (const part of more) {
    if (part.tag === contextTag(0, true)) for (const certificate of childrenOf(part)) if (certificate.tag === TAG.sequence) certificates.push(new X509Certificate(certificate.bytes));
    if (part.tag === TAG.set) signerInfos = part;
  }
  const signers = childrenOf(expectTag(signerInfos, TAG.set, 'the signer infos'));
  if (signers.length !== 1) throw new DerError(`the token has ${signers.length} signers, where a timestamp has one`);
  return { der, contentType, content, info: parseTstInfo(content), certificates, signer: parseSigner(signers[0]!) };
}

function algorithmOf(value: DerValue | undefined, what: string): { oid: string; params: DerValue | undefined } {
  const [oid, params] = childrenOf(expectTag(value, TAG.sequence, what));
  return { oid: readOid(expectTag(oid, TAG.oid, what)), params };
}

function hashName(oid: string): string {
  return HASH_BY_OID[oid] ?? oid;
}

function parseTstInfo(content: Buffer): TstInfo {
  const fields = childrenOf(expectTag(readDerWhole(content), TAG.sequence, 'the TSTInfo'));
  const [, policy, imprint, serial, genTime, ...optional] = fields;
  const [algorithm, hashed] = childrenOf(expectTag(imprint, TAG.sequence, 'the message imprint'));
  let accuracy: string | null = null;
  let nonce: bigint | null = null;
  let tsaName: string | null = null;
  for (const field of optional) {
    if (field.tag === TAG.sequence) accuracy = readAccuracy(field);
    else if (field.tag === TAG.integer) nonce = readInteger(field);
    else if (field.tag === contextTag(0, true)) tsaName = readGeneralName(childrenOf(field)[0]);
  }
  return {
    policy: readOid(expectTag(policy, TAG.oid, 'the policy')),
    hashAlgorithm: hashName(algorithmOf(algorithm, 'the imprint algorithm').oid),
    hashedMessage: expectTag(hashed, TAG.octetString, 'the hashed message').content,
    serial: readInteger(expectTag(serial, TAG.integer, 'the serial number')),
    genTime: readTime(expectTag(genTime, TAG.generalizedTime, 'the time')),
    accuracy,
    nonce,
    tsaName,
  };
}

function readAccuracy(value: DerValue): string {
  let seconds = 0;
  for (const part of childrenOf(value)) {
    const n = Number(readInteger({ ...part, tag: TAG.integer }));
    if (part.tag === TAG.integer) seconds += n;
    else if (part.tag === contextTag(0, false)) seconds += n / 1000;
    else if (part.tag === contextTag(1, false)) seconds += n / 1_000_000;
  }
  return `±${seconds} s`;
}

function readGeneralName(value: DerValue | undefined): string | null {
  if (!value) return null;
  // directoryName [4] EXPLICIT Name; the others (a URI, a DNS name) are IMPLICIT strings.
  if (value.tag === contextTag(4, true)) return nameToString(childrenOf(value)[0]!);
  if ((value.tag & 0x20) === 0) return value.content.toString('utf8');
  return null;
}

function parseSigner(value: DerValue): TokenSigner {
  const [, sid, digestAlgorithm, ...rest] = childrenOf(expectTag(value, TAG.sequence, 'the signer info'));
  let issuerDer: Buffer | null = null;
  let serial: Buffer | null = null;
  let subjectKeyId: Buffer | null = null;
  if (sid?.tag === TAG.sequence) {
    const [issuer, number] = childrenOf(sid);
    issuerDer = expectTag(issuer, TAG.sequence, 'the signer issuer').bytes;
    serial = expectTag(number, TAG.integer, 'the signer serial').content;
  } else if (sid?.tag === contextTag(0, false)) {
    subjectKeyId = sid.content;
  } else throw new DerError('the signer is not named');
  let at = 0;
  let signedAttributes: Buffer | null = null;
  let contentType: string | null = null;
  let messageDigest: Buffer | null = null;
  const signingCertificates: TokenSigner['signingCertificates'] = [];
  if (rest[0]?.tag === contextTag(0, true)) {
    const attributes = rest[0];
    // The signature covers the attributes as a SET OF (tag 0x31), not as the [0] they are sent under.
    signedAttributes = Buffer.concat([Buffer.from([TAG.set]), attributes.bytes.subarray(1)]);
    for (const attribute of childrenOf(attributes)) {
      const [type, values] = childrenOf(attribute);
      const first = childrenOf(expectTag(values, TAG.set, 'an attribute value'))[0];
      const oid = readOid(type!);
      if (oid === OID.contentType) contentType = readOid(first!);
      else if (oid === OID.messageDigest) messageDigest = expectTag(first, TAG.octetString, 'the message digest').content;
      else if (oid === OID.signingCertificate || oid === OID.signingCertificateV2) {
        const [ids] = childrenOf(expectTag(first, TAG.sequence, 'the signing certificate'));
        for (const id of childrenOf(expectTag(ids, TAG.sequence, 'the certificate ids'))) {
          const parts = childrenOf(id);
          // ESSCertIDv2 may name its hash (default SHA-256); ESSCertID's is always SHA-1.
          if (oid === OID.signingCertificate) signingCertificates.push({ algorithm: 'sha1', hash: expectTag(parts[0], TAG.octetString, 'a certificate hash').content });
          else {
            const named = parts[0]?.tag === TAG.sequence;
            signingCertificates.push({
              algorithm: named ? hashName(algorithmOf(parts[0], 'a certificate hash algorithm').oid) : 'sha256',
              hash: expectTag(parts[named ? 1 : 0], TAG.octetString, 'a certificate hash').content,
            });
          }
        }
      }
    }
    at = 1;
  }
  const signatureAlgorithm = algorithmOf(rest[at], 'the signature algorithm');
  const signature = expectTag(rest[at + 1], TAG.octetString, 'the signature').content;
  return {
    issuerDer,
    serial,
    subjectKeyId,
    digestAlgorithm: hashName(algorithmOf(digestAlgorithm, 'the digest algorithm').oid),
    signedAttributes,
    contentType,
    messageDigest,
    signingCertificates,
    signatureAlgorithm: signatureAlgorithm.oid,
    pss: signatureAlgorithm.oid === '1.2.840.113549.1.1.10' ? readPss(signatureAlgorithm.params) : null,
    signature,
  };
}

/** RSASSA-PSS-params: hashAlgorithm [0] (default SHA-1), saltLength [2] (default 20). */
function readPss(params: DerValue | undefined): { hash: string; saltLength: number } {
  let hash = 'sha1';
  let saltLength = 20;
  if (params?.tag === TAG.sequence) {
    for (const part of childrenOf(params)) {
      if (part.tag === contextTag(0, true)) hash = hashName(algorithmOf(childrenOf(part)[0], 'the PSS hash').oid);
      if (part.tag === contextTag(2, true)) saltLength = Number(readInteger(childrenOf(part)[0]!));
    }
  }
  return { hash, saltLength };
}
