/**
 * What timestamp verification needs of X.509 certificates beyond node:crypto's
 * X509Certificate: the issuer name and serial number as DER (a CMS signer names its
 * certificate by them), whether the extended key usage is critical (RFC 3161 §2.3 asks a TSA's
 * to be), distinguished names for people, and building a chain up to a trusted root.
 */
import { X509Certificate } from 'node:crypto';
import { childrenOf, contextTag, expectTag, readDerWhole, readOid, TAG, type DerValue } from './der';

/** A certificate with the parts of its DER that CMS matches on. */
export interface Certificate {
  x509: X509Certificate;
  /** The whole certificate, DER. */
  der: Buffer;
  /** The issuer Name, DER. */
  issuerDer: Buffer;
  /** The serial number's content octets. */
  serial: Buffer;
  /** Whether the extended key usage extension is marked critical (undefined: there is none). */
  ekuCritical?: boolean;
  /** The subject key identifier, when the certificate has one (a CMS signer may be named by it). */
  subjectKeyId: Buffer | null;
}

const EXTENDED_KEY_USAGE = '2.5.29.37';
const SUBJECT_KEY_IDENTIFIER = '2.5.29.14';

/** Reads a certificate from DER. Throws if it is not one. */
export function readCertificate(der: Buffer): Certificate {
  const x509 = new X509Certificate(der);
  const [tbs] = childrenOf(readDerWhole(der));
  const fields = childrenOf(expectTag(tbs, TAG.sequence, 'tbsCertificate'));
  // [0] version is optional (absent for v1 certificates).
  const offset = fields[0]?.tag === contextTag(0, true) ? 1 : 0;
  const serial = expectTag(fields[offset], TAG.integer, 'serialNumber').content;
  const issuerDer = expectTag(fields[offset + 2], TAG.sequence, 'issuer').bytes;
  let ekuCritical: boolean | undefined;
  let subjectKeyId: Buffer | null = null;
  const extensions = fields.find((field) => field.tag === contextTag(3, true));
  if (extensions) {
    for (const extension of childrenOf(childrenOf(extensions)[0]!)) {
      // Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
      const parts = childrenOf(extension);
      const oid = readOid(parts[0]!);
      const critical = parts[1]?.tag === TAG.boolean && parts[1].content[0] !== 0;
      const value = parts[parts.length - 1]!;
      if (oid === EXTENDED_KEY_USAGE) ekuCritical = critical;
      if (oid === SUBJECT_KEY_IDENTIFIER) subjectKeyId = expectTag(readDerWhole(value.content), TAG.octetString, 'the subject key identifier').content;
    }
  }
  return { x509, der, issuerDer, serial, ekuCritical, subjectKeyId };
}

const NAME_ATTRIBUTES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

/** A distinguished name (DER) as one line: `CN=Example TSA, O=Example, C=GB`. */
export function nameToString(name: DerValue): string {
  const parts: string[] = [];
  for (const rdn of childrenOf(name)) {
    for (const attribute of childrenOf(rdn)) {
      const [type, value] = childrenOf(attribute);
      const oid = readOid(type!);
      parts.push(`${NAME_ATTRIBUTES[oid] ?? oid}=${decodeString(value!)}`);
    }
  }
  return parts.join(', ');
}

/** A directory string's text (UTF8String, PrintableString, IA5String, T61String, BMPString). */
function decodeString(value: DerValue): string {
  // BMPString: UTF-16, big-endian.
  if (value.tag === 0x1e) return Buffer.from(value.content).swap16().toString('utf16le');
  return value.content.toString(value.tag === TAG.utf8String ? 'utf8' : 'latin1');
}

/** A certificate's subject in one line, in the order it is written (`CN=Example TSA, O=Example`). */
export function subjectOf(certificate: X509Certificate): string {
  return certificate.subject.split('\n').join(', ');
}

/** Where building a chain ended. */
export type ChainOutcome =
  | { kind: 'trusted'; chain: X509Certificate[] }
  | { kind: 'untrusted-root'; chain: X509Certificate[] }
  | { kind: 'incomplete'; chain: X509Certificate[] };

/**
 * Builds the chain from `leaf` up through `pool` (the token's certificates) and `anchors`
 * (the trusted roots): each link's issuer is named by it and its signature verifies with the
 * issuer's key, and every issuer above the leaf is a CA. Ends `trusted` at an anchor,
 * `untrusted-root` at a self-signed certificate that is not one, `incomplete` where no issuer
 * is found.
 */
export function buildChain(leaf: X509Certificate, pool: readonly X509Certificate[], anchors: readonly X509Certificate[]): ChainOutcome {
  const anchorPrints = new Set(anchors.map((anchor) => anchor.fingerprint256));
  const candidates = [...pool, ...anchors];
  const chain = [leaf];
  let current = leaf;
  for (let depth = 0; depth < 10; depth++) {
    if (anchorPrints.has(current.fingerprint256)) return { kind: 'trusted', chain };
    const issuer = candidates.find(
      (candidate) => candidate.fingerprint256 !== current.fingerprint256 && candidate.ca && current.checkIssued(candidate) && safeVerify(current, candidate),
    );
    if (!issuer) {
      const selfSigned = current.checkIssued(current) && safeVerify(current, current);
      return { kind: selfSigned ? 'untrusted-root' : 'incomplete', chain };
    }
    chain.push(issuer);
    current = issuer;
  }
  return { kind: 'incomplete', chain };
}

function safeVerify(certificate: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return certificate.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** Reads every certificate in PEM text (a bundle), skipping none silently: a bad one throws. */
export function certificatesFromPem(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/gu) ?? [];
  return blocks.map((block) => new X509Certificate(block));
}
