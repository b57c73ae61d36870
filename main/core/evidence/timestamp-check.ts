/**
 * Verifying an RFC 3161 timestamp as `openssl ts -verify -data FILE -in REPLY -CAfile ROOTS`
 * does, in-process: the reply granted a token; the token's message imprint is the hash of
 * the data; its nonce is the request's (when checking an answer just received); the signed
 * attributes hold the TSTInfo's digest and name the signing certificate (ESS); the signature
 * verifies with that certificate's key; the certificate is for timestamping (extended key
 * usage, critical) and was valid when the token was made; and its chain reaches a trusted
 * root with every certificate valid now — openssl checks the chain at the time of
 * verification, so a TSA certificate that has since expired fails here as it fails there.
 *
 * Everything wrong is named in one line each (`timestamp: …`); the first is what a user sees.
 * A chain that ends at a root not trusted here is told apart from damage: the token may well
 * be sound, but nothing is marked verified until its root is trusted.
 */
import { constants, createHash, verify, type X509Certificate } from 'node:crypto';
import { buildChain, readCertificate, subjectOf } from './certificates';
import { parseTimestampReply, parseTimestampToken, OID, type TimestampToken } from './timestamp-token';

/** What checking a timestamp found. */
export interface TimestampVerdict {
  /** Each thing that makes the token prove nothing, one line each; empty when sound. */
  problems: string[];
  /** The token as read, when it could be. */
  token: TimestampToken | null;
  /** The TSA's certificate and those above it, as far as they were found. */
  chain: X509Certificate[];
  /** Whether the chain ends at a root trusted here. */
  trusted: boolean;
  /** Why it is not trusted, when it is not (and is otherwise sound). */
  trustProblem: string | null;
}

/** What a timestamp is checked against. */
export interface TimestampCheckOptions {
  /** The trusted roots (trust-store.ts). */
  anchors: readonly X509Certificate[];
  /** When "now" is: certificates must be valid then. */
  now?: Date;
  /** The nonce the request carried, when checking an answer just received. */
  nonce?: bigint;
}

const EKU_TIMESTAMPING = '1.3.6.1.5.5.7.3.8';

/** Whether a verdict says the timestamp is sound and its TSA trusted. */
export function isVerified(verdict: TimestampVerdict): boolean {
  return verdict.problems.length === 0 && verdict.trusted;
}

/** Checks a TSA's reply (a .tsr, as stored) against the data it should stamp. */
export function checkTimestampReply(reply: Buffer, data: Buffer, options: TimestampCheckOptions): TimestampVerdict {
  const verdict: TimestampVerdict = { problems: [], token: null, chain: [], trusted: false, trustProblem: null };
  let tokenDer: Buffer | null;
  try {
    const parsed = parseTimestampReply(reply);
    if (parsed.status > 1) {
      verdict.problems.push(`timestamp: the TSA refused: ${parsed.statusName}${parsed.statusText.length > 0 ? ` (${parsed.statusText.join('; ')})` : ''}`);
      return verdict;
    }
    tokenDer = parsed.token;
  } catch (error) {
    verdict.problems.push(`timestamp: the TSA's answer is not an RFC 3161 timestamp reply (${(error as Error).message})`);
    return verdict;
  }
  if (!tokenDer) {
    verdict.problems.push('timestamp: the TSA granted the request but sent no token');
    return verdict;
  }
  return checkToken(tokenDer, data, options, verdict);
}

function checkToken(der: Buffer, data: Buffer, options: TimestampCheckOptions, verdict: TimestampVerdict): TimestampVerdict {
  const now = options.now ?? new Date();
  let token: TimestampToken;
  try {
    token = parseTimestampToken(der);
  } catch (error) {
    verdict.problems.push(`timestamp: the token does not read as a CMS SignedData timestamp (${(error as Error).message})`);
    return verdict;
  }
  verdict.token = token;
  const { info, signer } = token;
  if (token.contentType !== OID.tstInfo) verdict.problems.push(`timestamp: the token holds ${token.contentType}, not a TSTInfo`);

  // 1. The imprint: is it this data's hash?
  if (!['sha256', 'sha384', 'sha512'].includes(info.hashAlgorithm)) {
    verdict.problems.push(`timestamp: the token's imprint uses ${info.hashAlgorithm}, which is not accepted (SHA-256, -384 or -512)`);
  } else {
    const expected = createHash(info.hashAlgorithm).update(data).digest();
    if (!expected.equals(info.hashedMessage)) {
      verdict.problems.push(
        `timestamp: the token is for another hash: it stamps ${info.hashedMessage.toString('hex')}, the manifest's ${info.hashAlgorithm.toUpperCase()} is ${expected.toString('hex')}`,
      );
    }
  }
  if (options.nonce !== undefined && info.nonce !== options.nonce) verdict.problems.push("timestamp: the token's nonce is not the request's (an old answer replayed?)");

  // 2. The signer's certificate, named by the SignerInfo and carried in the token.
  const certificates = token.certificates.map((x509) => readCertificate(x509.raw));
  const signerCertificate = certificates.find((certificate) =>
    signer.issuerDer && signer.serial
      ? certificate.serial.equals(signer.serial) && certificate.issuerDer.equals(signer.issuerDer)
      : signer.subjectKeyId !== null && certificate.subjectKeyId?.equals(signer.subjectKeyId) === true,
  );
  if (!signerCertificate) {
    verdict.problems.push("timestamp: the token does not carry its signer's certificate, so its signature cannot be checked");
    return verdict;
  }
  const tsa = signerCertificate.x509;
  const tsaName = `"${subjectOf(tsa)}"`;

  // 3. The signed attributes: what was signed is this TSTInfo, by this certificate.
  if (!signer.signedAttributes || !signer.messageDigest) {
    verdict.problems.push('timestamp: the token has no signed attributes (RFC 3161 requires them)');
    return verdict;
  }
  if (signer.contentType !== OID.tstInfo) verdict.problems.push('timestamp: the signed content type is not a TSTInfo');
  if (!HASHES.has(signer.digestAlgorithm) || !createHash(signer.digestAlgorithm).update(token.content).digest().equals(signer.messageDigest)) {
    verdict.problems.push("timestamp: the token's signed digest does not match its content (the token was altered)");
  }
  const essId = signer.signingCertificates[0];
  if (!essId) verdict.problems.push('timestamp: the token does not name its signing certificate (ESS signing-certificate attribute)');
  else if (!HASHES.has(essId.algorithm) || !createHash(essId.algorithm).update(tsa.raw).digest().equals(essId.hash)) {
    verdict.problems.push(`timestamp: the token's signing-certificate attribute does not name ${tsaName}`);
  }

  // 4. The signature.
  if (!verifySignerSignature(token, tsa)) verdict.problems.push(`timestamp: the token's signature does not verify with the key of ${tsaName} (the token was altered)`);

  // 5. The certificate: for timestamping, valid when the token was made.
  if (!tsa.keyUsage?.includes(EKU_TIMESTAMPING)) verdict.problems.push(`timestamp: ${tsaName} is not a timestamping certificate (no extended key usage timeStamping)`);
  else if (signerCertificate.ekuCritical !== true) verdict.problems.push(`timestamp: ${tsaName}'s extended key usage is not critical, as RFC 3161 requires`);
  if (info.genTime < new Date(tsa.validFrom) || info.genTime > new Date(tsa.validTo)) {
    verdict.problems.push(`timestamp: ${tsaName} was not valid when the token was made (${info.genTime.toISOString()}; valid ${isoDay(tsa.validFrom)} to ${isoDay(tsa.validTo)})`);
  }

  // 6. The chain, checked now (as openssl does).
  const outcome = buildChain(tsa, token.certificates, options.anchors);
  verdict.chain = outcome.chain;
  for (const certificate of outcome.chain) {
    if (new Date(certificate.validTo) < now) verdict.problems.push(`timestamp: the certificate "${subjectOf(certificate)}" expired on ${isoDay(certificate.validTo)}; openssl ts -verify refuses the token now`);
    else if (new Date(certificate.validFrom) > now) verdict.problems.push(`timestamp: the certificate "${subjectOf(certificate)}" is not valid until ${isoDay(certificate.validFrom)}`);
  }
  const top = outcome.chain[outcome.chain.length - 1]!;
  if (outcome.kind === 'trusted') verdict.trusted = true;
  else if (outcome.kind === 'untrusted-root') {
    verdict.trustProblem = `timestamp: the TSA's chain ends at "${subjectOf(top)}" (SHA-256 fingerprint ${top.fingerprint256}), which is not trusted here; trust it in Settings or with \`cuttings timestamp --trust FILE\` if it is the TSA's root`;
  } else verdict.trustProblem = `timestamp: the issuer of "${subjectOf(top)}" is neither in the token nor among the trusted roots`;
  return verdict;
}

const HASHES = new Set(['sha1', 'sha224', 'sha256', 'sha384', 'sha512']);

/** The signature algorithms a TSA may sign with, by OID: the hash (null: the digest algorithm's) and the key kind. */
const SIGNATURE_ALGORITHMS: Record<string, { hash: string | null; kind: 'rsa' | 'ecdsa' | 'eddsa' }> = {
  '1.2.840.113549.1.1.1': { hash: null, kind: 'rsa' },
  '1.2.840.113549.1.1.5': { hash: 'sha1', kind: 'rsa' },
  '1.2.840.113549.1.1.11': { hash: 'sha256', kind: 'rsa' },
  '1.2.840.113549.1.1.12': { hash: 'sha384', kind: 'rsa' },
  '1.2.840.113549.1.1.13': { hash: 'sha512', kind: 'rsa' },
  '1.2.840.113549.1.1.14': { hash: 'sha224', kind: 'rsa' },
  '1.2.840.10045.2.1': { hash: null, kind: 'ecdsa' },
  '1.2.840.10045.4.1': { hash: 'sha1', kind: 'ecdsa' },
  '1.2.840.10045.4.3.1': { hash: 'sha224', kind: 'ecdsa' },
  '1.2.840.10045.4.3.2': { hash: 'sha256', kind: 'ecdsa' },
  '1.2.840.10045.4.3.3': { hash: 'sha384', kind: 'ecdsa' },
  '1.2.840.10045.4.3.4': { hash: 'sha512', kind: 'ecdsa' },
  '1.3.101.112': { hash: null, kind: 'eddsa' },
  '1.3.101.113': { hash: null, kind: 'eddsa' },
};

/** Whether the SignerInfo's signature over the signed attributes verifies with `certificate`'s key. */
function verifySignerSignature(token: TimestampToken, certificate: X509Certificate): boolean {
  const { signer } = token;
  const data = signer.signedAttributes!;
  try {
    if (signer.pss) {
      return verify(signer.pss.hash, data, { key: certificate.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: signer.pss.saltLength }, signer.signature);
    }
    const algorithm = SIGNATURE_ALGORITHMS[signer.signatureAlgorithm];
    if (!algorithm) return false;
    if (algorithm.kind === 'eddsa') return verify(null, data, certificate.publicKey, signer.signature);
    const hash = algorithm.hash ?? signer.digestAlgorithm;
    if (algorithm.kind === 'rsa') return verify(hash, data, { key: certificate.publicKey, padding: constants.RSA_PKCS1_PADDING }, signer.signature);
    return verify(hash, data, certificate.publicKey, signer.signature);
  } catch {
    return false;
  }
}

function isoDay(date: string): string {
  return new Date(date).toISOString().slice(0, 10);
}
