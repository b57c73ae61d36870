import { createHash, generateKeyPairSync, webcrypto } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FILE_PERMISSIONS_ONLY, loadOrCreateKey } from '../../../../main/core/evidence/key-store';
import { SigningKey } from '../../../../main/core/evidence/signing-key';
import { checkWaczSignature, signWaczDigest, type WaczSignedData } from '../../../../main/core/evidence/wacz-signature';
import { makeTempFolder } from '../../../paths';

let folder: { path: string; remove: () => Promise<void> };
let key: SigningKey;
const datapackage = Buffer.from('{"profile":"data-package","resources":[]}\n');
const hash = `sha256:${createHash('sha256').update(datapackage).digest('hex')}`;
const created = new Date('2026-12-06T18:00:00.000Z');

beforeEach(async () => {
  folder = await makeTempFolder();
  key = await loadOrCreateKey({ folder: join(folder.path, 'keys'), protector: FILE_PERMISSIONS_ONLY }, 'wacz');
});
afterEach(() => folder.remove());

/** datapackage-digest.json as the WACZ writer makes it, signed. */
function signedDigest(): { path: string; hash: string; signedData: WaczSignedData } {
  return { path: 'datapackage.json', hash, ...signWaczDigest({ hash }, key, { created, software: 'Cuttings test' }) };
}
const bytesOf = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2));

/**
 * ReplayWeb.page's check of an anonymous signature, step by step as wabac.js (replaywebpage
 * 2.5.3's sw.js) makes it with WebCrypto: the key imported as P-384 SPKI, the signature
 * checked as ECDSA with SHA-256 over the UTF-8 of `hash`.
 */
async function replayWebPageVerifies(signedData: WaczSignedData): Promise<boolean> {
  const publicKey = await webcrypto.subtle.importKey('spki', Buffer.from(signedData.publicKey, 'base64'), { name: 'ECDSA', namedCurve: 'P-384' }, true, ['verify']);
  return webcrypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, Buffer.from(signedData.signature, 'base64'), new TextEncoder().encode(signedData.hash));
}

describe('a WACZ’s anonymous signature', () => {
  it('has the fields the spec lists and no others, and ReplayWeb.page’s WebCrypto check accepts it', async () => {
    const digest = signedDigest();
    expect(Object.keys(digest.signedData).sort()).toEqual(['created', 'hash', 'publicKey', 'signature', 'software', 'version']);
    expect(digest.signedData).toMatchObject({ hash, created: '2026-12-06T18:00:00.000Z', software: 'Cuttings test', version: '0.1.0' });
    expect(Buffer.from(digest.signedData.signature, 'base64')).toHaveLength(96);
    expect(await replayWebPageVerifies(digest.signedData)).toBe(true);
    expect(checkWaczSignature(bytesOf(digest), datapackage)).toEqual({ verified: true, fingerprint: key.fingerprint, created: '2026-12-06T18:00:00.000Z', software: 'Cuttings test' });
  });

  it('fails, naming what, when datapackage.json, the hash, the signature or the key was changed', async () => {
    const digest = signedDigest();
    expect(checkWaczSignature(bytesOf(digest), Buffer.from(`${datapackage.toString()} `))).toMatchObject({ verified: false, problem: expect.stringMatching(/^wacz: datapackage-digest\.json does not give datapackage\.json's SHA-256/u) });
    const otherHash = `sha256:${'0'.repeat(64)}`;
    expect(checkWaczSignature(bytesOf({ ...digest, signedData: { ...digest.signedData, hash: otherHash } }), datapackage)).toEqual({ verified: false, problem: 'wacz: the signature is of another hash than datapackage.json’s' });
    const signature = Buffer.from(digest.signedData.signature, 'base64');
    signature[10] = signature[10]! ^ 1;
    const altered = { ...digest.signedData, signature: signature.toString('base64') };
    expect(checkWaczSignature(bytesOf({ ...digest, signedData: altered }), datapackage)).toEqual({ verified: false, problem: 'wacz: the signature does not verify with signedData.publicKey (the digest or the signature was altered)' });
    expect(await replayWebPageVerifies(altered)).toBe(false);
    expect(checkWaczSignature(bytesOf({ path: 'datapackage.json', hash }), datapackage)).toEqual({ verified: false, problem: 'wacz: datapackage-digest.json has no signedData: the package is not signed' });
    expect(checkWaczSignature(Buffer.from('{"path":'), datapackage)).toMatchObject({ verified: false, problem: expect.stringMatching(/^wacz: datapackage-digest\.json is not JSON: /u) });
  });

  it('is refused when made with an Ed25519 key, which ReplayWeb.page cannot import', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const ed25519 = new SigningKey('ed25519', privateKey, 'none', 'memory');
    expect(() => signWaczDigest({ hash }, ed25519, { created, software: 'Cuttings test' })).toThrow('wacz: a WACZ is signed with an ECDSA P-384 key, not ed25519 (memory)');
    const forged = { ...signedDigest().signedData, publicKey: ed25519.publicKeyDer().toString('base64'), signature: ed25519.sign(Buffer.from(hash)).toString('base64') };
    expect(checkWaczSignature(bytesOf({ path: 'datapackage.json', hash, signedData: forged }), datapackage)).toEqual({ verified: false, problem: 'wacz: signedData.publicKey is not an ECDSA P-384 key (the only kind ReplayWeb.page verifies)' });
    await expect(replayWebPageVerifies(forged)).rejects.toThrow();
  });
});
