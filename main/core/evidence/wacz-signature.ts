/**
 * A WACZ's signature: the "anonymous signature" of WACZ Signing and Verification 0.1.0
 * (specs.webrecorder.net/wacz-auth/0.1.0), kept as `signedData` in datapackage-digest.json:
 *
 *   { "hash": "sha256:…",            the digest's own `hash`, the SHA-256 of datapackage.json
 *     "created": "2026-12-06T…Z",    when the WACZ was written
 *     "software": "Cuttings 1.4.0",
 *     "version": "0.1.0",            the version of the signing spec followed
 *     "signature": "…",              base64 of the signature of `hash` (its UTF-8 bytes)
 *     "publicKey": "…" }             base64 of the public key's SubjectPublicKeyInfo DER
 *
 * The key is ECDSA P-384, not the Ed25519 key that signs captures, because that is the only
 * kind ReplayWeb.page's verifier takes for an anonymous signature: wabac.js (replaywebpage
 * 2.5.3's sw.js) imports `publicKey` as `{ name: 'ECDSA', namedCurve: 'P-384' }` and checks
 * `signature` with `{ name: 'ECDSA', hash: 'SHA-256' }` over the UTF-8 of `hash`; WebCrypto
 * signatures are r‖s (IEEE P1363), which SigningKey.sign makes for ECDSA. An Ed25519 key
 * there fails to import and the package shows as not verified. So each user has a second key
 * (key-store.ts, `wacz-key.json`), recorded in the library beside the first.
 *
 * checkWaczSignature repeats the verifier's steps, and says which failed, so that Cuttings
 * (and its tests) reach the verdict ReplayWeb.page would.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { CuttingsError } from '../../../common/errors';
import { fingerprintOf, type SigningKey } from './signing-key';

/** The version of WACZ Signing and Verification these signatures follow. */
export const WACZ_SIGNING_VERSION = '0.1.0';

/** An anonymous signature, as datapackage-digest.json's `signedData` holds it. */
export interface WaczSignedData {
  hash: string;
  created: string;
  software: string;
  version: string;
  signature: string;
  publicKey: string;
}

/** Signs a WACZ's digest (`{ path, hash }` of datapackage.json) with the user's WACZ key: what to add beside `path` and `hash`. */
export function signWaczDigest(digest: { hash: string }, key: SigningKey, made: { created: Date; software: string }): { signedData: WaczSignedData } {
  if (key.algorithm !== 'ecdsa-p384') throw new CuttingsError('internal', `wacz: a WACZ is signed with an ECDSA P-384 key, not ${key.algorithm} (${key.path})`);
  return {
    signedData: {
      hash: digest.hash,
      created: made.created.toISOString(),
      software: made.software,
      version: WACZ_SIGNING_VERSION,
      signature: key.sign(Buffer.from(digest.hash, 'utf8')).toString('base64'),
      publicKey: key.publicKeyDer().toString('base64'),
    },
  };
}

/** What checkWaczSignature found. */
export type WaczSignatureVerdict =
  | { verified: true; fingerprint: string; created: string; software: string }
  /** `problem` names what failed, in one line. */
  | { verified: false; problem: string };

/**
 * Checks a WACZ's signature as ReplayWeb.page does, given datapackage-digest.json's bytes and
 * those of datapackage.json: the digest names datapackage.json's SHA-256, `signedData.hash` is
 * that digest, and the signature of it verifies with the P-384 `publicKey` it carries.
 */
export function checkWaczSignature(digestJson: Uint8Array, datapackage: Uint8Array): WaczSignatureVerdict {
  const refuse = (problem: string): WaczSignatureVerdict => ({ verified: false, problem: `wacz: ${problem}` });
  let digest: { path?: unknown; hash?: unknown; signedData?: Partial<Record<keyof WaczSignedData, unknown>> };
  try {
    digest = JSON.parse(Buffer.from(digestJson).toString('utf8')) as typeof digest;
  } catch (error) {
    return refuse(`datapackage-digest.json is not JSON: ${(error as Error).message}`);
  }
  const actual = `sha256:${createHash('sha256').update(datapackage).digest('hex')}`;
  if (digest?.path !== 'datapackage.json' || digest.hash !== actual) return refuse(`datapackage-digest.json does not give datapackage.json's SHA-256 (${actual})`);
  const signed = digest.signedData;
  if (!signed || typeof signed !== 'object') return refuse('datapackage-digest.json has no signedData: the package is not signed');
  if (signed.hash !== digest.hash) return refuse('the signature is of another hash than datapackage.json’s');
  if (typeof signed.signature !== 'string' || typeof signed.publicKey !== 'string') return refuse('signedData lacks its signature or public key');
  let key: ReturnType<typeof createPublicKey>;
  try {
    key = createPublicKey({ key: Buffer.from(signed.publicKey, 'base64'), format: 'der', type: 'spki' });
  } catch {
    return refuse('signedData.publicKey is not a public key');
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'secp384r1') return refuse('signedData.publicKey is not an ECDSA P-384 key (the only kind ReplayWeb.page verifies)');
  const good = verify('sha256', Buffer.from(signed.hash, 'utf8'), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signed.signature, 'base64'));
  if (!good) return refuse('the signature does not verify with signedData.publicKey (the digest or the signature was altered)');
  return { verified: true, fingerprint: fingerprintOf(key), created: String(signed.created ?? ''), software: String(signed.software ?? '') };
}
