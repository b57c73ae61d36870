import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultKeyFolder, FILE_PERMISSIONS_ONLY, keyFilePath, loadOrCreateKey, type KeyFolder, type KeyProtector } from '../../../../main/core/evidence/key-store';
import { fingerprintOf, formatFingerprint, verifySignature } from '../../../../main/core/evidence/signing-key';
import { makeTempFolder } from '../../../paths';

let folder: { path: string; remove: () => Promise<void> };
let keys: KeyFolder;

beforeEach(async () => {
  folder = await makeTempFolder();
  keys = { folder: join(folder.path, 'keys'), protector: FILE_PERMISSIONS_ONLY };
});
afterEach(() => folder.remove());

describe('the user’s signing key', () => {
  it('is made at first use, owner-only, and is the same key the next time', async () => {
    const key = await loadOrCreateKey(keys, 'signing');
    expect(key.algorithm).toBe('ed25519');
    expect(key.fingerprint).toMatch(/^[0-9a-f]{64}$/u);
    expect(fingerprintOf(key.publicKeyPem)).toBe(key.fingerprint);
    expect(formatFingerprint(key.fingerprint)).toMatch(/^SHA256:([0-9a-f]{4} ){15}[0-9a-f]{4}$/u);
    const path = keyFilePath(keys, 'signing');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(keys.folder)).mode & 0o777).toBe(0o700);
    expect((await loadOrCreateKey(keys, 'signing')).fingerprint).toBe(key.fingerprint);
    const signature = key.sign(Buffer.from('manifest'));
    expect(verifySignature('ed25519', key.publicKeyPem, Buffer.from('manifest'), signature)).toBe(true);
    expect(verifySignature('ed25519', key.publicKeyPem, Buffer.from('manifesto'), signature)).toBe(false);
  });

  it('is made once when two callers ask at the same time', async () => {
    const [a, b, c] = await Promise.all([loadOrCreateKey(keys, 'signing'), loadOrCreateKey(keys, 'signing'), loadOrCreateKey(keys, 'signing')]);
    expect(new Set([a.fingerprint, b.fingerprint, c.fingerprint]).size).toBe(1);
  });

  it('for WACZ packages is ECDSA P-384, signing as WebCrypto does (r‖s, 96 bytes)', async () => {
    const key = await loadOrCreateKey(keys, 'wacz');
    expect(key.algorithm).toBe('ecdsa-p384');
    const signature = key.sign(Buffer.from('sha256:abc'));
    expect(signature).toHaveLength(96);
    expect(verifySignature('ecdsa-p384', key.publicKeyPem, Buffer.from('sha256:abc'), signature)).toBe(true);
    expect(key.fingerprint).not.toBe((await loadOrCreateKey(keys, 'signing')).fingerprint);
  });

  it('is refused, in one line, when other users may read it, and is not replaced', async () => {
    const key = await loadOrCreateKey(keys, 'signing');
    const path = keyFilePath(keys, 'signing');
    await chmod(path, 0o644);
    await expect(loadOrCreateKey(keys, 'signing')).rejects.toThrow(`keys: ${path} can be read or changed by other users (mode 644); make it the owner's only with chmod 600 ${path}`);
    await chmod(path, 0o600);
    expect((await loadOrCreateKey(keys, 'signing')).fingerprint).toBe(key.fingerprint);
  });

  it('is refused, in one line, when its file is damaged, and is not replaced', async () => {
    await loadOrCreateKey(keys, 'signing');
    const path = keyFilePath(keys, 'signing');
    const good = await readFile(path, 'utf8');
    await writeFile(path, good.slice(0, 80));
    await expect(loadOrCreateKey(keys, 'signing')).rejects.toThrow(new RegExp(`^keys: ${path} is damaged \\(not JSON: .+\\); it is not replaced`, 'u'));
    expect(await readFile(path, 'utf8')).toBe(good.slice(0, 80));
    const file = JSON.parse(good) as { privateKey: string; publicKey: string };
    await writeFile(path, JSON.stringify({ ...file, privateKey: Buffer.from('not a key').toString('base64') }));
    await expect(loadOrCreateKey(keys, 'signing')).rejects.toThrow(/is damaged \(its private key cannot be read: .+\)/u);
    const other = await loadOrCreateKey({ folder: join(folder.path, 'other'), protector: FILE_PERMISSIONS_ONLY }, 'signing');
    await writeFile(path, JSON.stringify({ ...file, publicKey: other.publicKeyPem }));
    await expect(loadOrCreateKey(keys, 'signing')).rejects.toThrow('is damaged (its public key is not the private key’s)');
  });

  it('is kept protected by a protector (the app’s OS keychain), in a file of its own', async () => {
    // A stand-in for Electron's safeStorage: what the core asks of any protector.
    const xor = (bytes: Buffer) => Buffer.from(bytes.map((byte) => byte ^ 0x5a));
    const protector: KeyProtector = { scheme: 'test-keychain', protect: xor, unprotect: xor };
    const protectedKeys = { folder: keys.folder, protector };
    const key = await loadOrCreateKey(protectedKeys, 'signing');
    expect(keyFilePath(protectedKeys, 'signing')).toBe(join(keys.folder, 'signing-key.test-keychain.json'));
    const stored = JSON.parse(await readFile(keyFilePath(protectedKeys, 'signing'), 'utf8')) as { protection: string; privateKey: string };
    expect(stored.protection).toBe('test-keychain');
    expect((await loadOrCreateKey(protectedKeys, 'signing')).fingerprint).toBe(key.fingerprint);
    // The plain key beside it is another key; a protected file read without its protector is refused.
    expect((await loadOrCreateKey(keys, 'signing')).fingerprint).not.toBe(key.fingerprint);
    await writeFile(keyFilePath(keys, 'signing'), await readFile(keyFilePath(protectedKeys, 'signing')));
    await chmod(keyFilePath(keys, 'signing'), 0o600);
    await expect(loadOrCreateKey(keys, 'signing')).rejects.toThrow('is protected by "test-keychain", which this program cannot open (it uses "none")');
  });

  it('lives in CUTTINGS_KEYS, else beside the app’s settings on each platform', () => {
    expect(defaultKeyFolder({ CUTTINGS_KEYS: '/x/keys', HOME: '/home/a' }, 'linux')).toBe('/x/keys');
    expect(defaultKeyFolder({ HOME: '/home/a' }, 'linux')).toBe('/home/a/.config/cuttings/keys');
    expect(defaultKeyFolder({ HOME: '/home/a', XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/cuttings/keys');
    expect(defaultKeyFolder({ HOME: '/Users/a' }, 'darwin')).toBe('/Users/a/Library/Application Support/Cuttings/keys');
    expect(defaultKeyFolder({ HOME: 'C:\\Users\\a', APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('Cuttings');
  });
});
