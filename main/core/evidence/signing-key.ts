/**
 * A key pair that signs: Ed25519 for what Cuttings signs itself (capture manifests, custody
 * log entries), ECDSA P-384 for WACZ packages (the key type ReplayWeb.page's verifier
 * accepts, see wacz-signature.ts). The private half never leaves this object; the public half
 * is named by its fingerprint, the SHA-256 of its SubjectPublicKeyInfo DER, which anyone can
 * recompute with `openssl pkey -pubin -in key.pem -outform DER | sha256sum`.
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** The kinds of key Cuttings makes. */
export type KeyAlgorithm = 'ed25519' | 'ecdsa-p384';

/** What Node calls each kind (`asymmetricKeyType`, and the curve for EC keys). */
export const NODE_KEY_TYPES: Record<KeyAlgorithm, { type: 'ed25519' | 'ec'; curve?: string }> = {
  ed25519: { type: 'ed25519' },
  'ecdsa-p384': { type: 'ec', curve: 'secp384r1' },
};

/** A loaded private key and what is public about it. */
export class SigningKey {
  /** The public key, PEM (SubjectPublicKeyInfo). */
  readonly publicKeyPem: string;
  /** SHA-256 of the public key's DER, 64 hex digits. */
  readonly fingerprint: string;

  constructor(
    readonly algorithm: KeyAlgorithm,
    private readonly privateKey: KeyObject,
    /** How the private key is kept at rest (`none`, or the protector's scheme). */
    readonly protection: string,
    /** The file it was read from. */
    readonly path: string,
  ) {
    const publicKey = createPublicKey(privateKey);
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.fingerprint = fingerprintOf(publicKey);
  }

  /** The public key as DER (SubjectPublicKeyInfo). */
  publicKeyDer(): Buffer {
    return createPublicKey(this.privateKey).export({ type: 'spki', format: 'der' });
  }

  /**
   * Signs `data`: Ed25519 over the bytes themselves (what `openssl pkeyutl -verify -rawin`
   * checks), ECDSA P-384 over their SHA-256 with the signature as r‖s (IEEE P1363, what
   * WebCrypto makes and checks).
   */
  sign(data: Uint8Array): Buffer {
    if (this.algorithm === 'ed25519') return sign(null, data, this.privateKey);
    return sign('sha256', data, { key: this.privateKey, dsaEncoding: 'ieee-p1363' });
  }
}

/** The fingerprint of a public key (a KeyObject or PEM): SHA-256 of its SubjectPublicKeyInfo DER, hex. */
export function fingerprintOf(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** A fingerprint as people read it: `SHA256:ab12 cd34 …`, sixteen groups of four. */
export function formatFingerprint(fingerprint: string): string {
  return `SHA256:${fingerprint.match(/.{1,4}/gu)?.join(' ') ?? fingerprint}`;
}

/** Whether `signature` is a valid signature of `data` by the public key (PEM) of `algorithm`, as SigningKey.sign makes them. */
export function verifySignature(algorithm: KeyAlgorithm, publicKeyPem: string, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    const key = createPublicKey(publicKeyPem);
    if (algorithm === 'ed25519') return key.asymmetricKeyType === 'ed25519' && verify(null, data, key, signature);
    return key.asymmetricKeyType === 'ec' && verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    // A malformed key or signature verifies nothing.
    return false;
  }
}
