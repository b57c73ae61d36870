/**
 * The user's signing keys, kept outside any library in the user's profile, one JSON file a
 * key, readable by its owner only:
 *
 *   <keys>/signing-key.json            Ed25519: capture manifests and custody log entries
 *   <keys>/wacz-key.json               ECDSA P-384: signatures of exported WACZ packages
 *   <keys>/<name>.<scheme>.json        the same, protected by a KeyProtector (the desktop
 *                                      app's OS keychain: electron-safe-storage)
 *
 * Each file: `{ format, version, algorithm, protection, created, publicKey (PEM), privateKey
 * (base64 of the PKCS#8 DER, or of what the protector made of it) }`. A key is made at first
 * use. A file that other users can read or write, or that is damaged, is refused with one
 * line saying so and never replaced: captures already signed name its public key, and a new
 * key made silently would look like someone else signing.
 *
 * Where `<keys>` is: `$CUTTINGS_KEYS`, else the platform's config folder (defaultKeyFolder).
 */
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CuttingsError } from '../../../common/errors';
import { syncFolder } from '../storage/durable-file';
import { NODE_KEY_TYPES, SigningKey, type KeyAlgorithm } from './signing-key';

/** How a private key is kept at rest. The desktop app passes the OS keychain's (Electron safeStorage); the CLI keeps none but the file's permissions. */
export interface KeyProtector {
  /** Named in the key file: `none`, or e.g. `electron-safe-storage`. */
  readonly scheme: string;
  /** Turns the private key's DER into what is stored. */
  protect(secret: Buffer): Buffer | Promise<Buffer>;
  /** Turns what is stored back into the private key's DER; throws (or rejects) if it cannot. */
  unprotect(stored: Buffer): Buffer | Promise<Buffer>;
}

/** No protection but the file's owner-only permissions. */
export const FILE_PERMISSIONS_ONLY: KeyProtector = { scheme: 'none', protect: (secret) => secret, unprotect: (stored) => stored };

/** Where the keys are and how they are protected. */
export interface KeyFolder {
  folder: string;
  protector: KeyProtector;
}

/** What each key is for, with its file's name and kind. */
export const KEY_PURPOSES = {
  signing: { file: 'signing-key', algorithm: 'ed25519' },
  wacz: { file: 'wacz-key', algorithm: 'ecdsa-p384' },
} as const satisfies Record<string, { file: string; algorithm: KeyAlgorithm }>;

/** What a key signs. */
export type KeyPurpose = keyof typeof KEY_PURPOSES;

const KEY_FORMAT = 'cuttings.signing-key';

interface KeyFile {
  format: typeof KEY_FORMAT;
  version: 1;
  algorithm: KeyAlgorithm;
  protection: string;
  created: string;
  publicKey: string;
  privateKey: string;
}

/**
 * The folder of the user's keys when `CUTTINGS_KEYS` does not name one: beside the desktop
 * app's settings on each platform (`~/.config/cuttings/keys` on Linux and the BSDs, honouring
 * XDG_CONFIG_HOME; `~/Library/Application Support/Cuttings/keys`; `%APPDATA%\Cuttings\keys`).
 */
export function defaultKeyFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CUTTINGS_KEYS) return env.CUTTINGS_KEYS;
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Cuttings', 'keys');
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Cuttings', 'keys');
    default:
      return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'cuttings', 'keys');
  }
}

/** The file of a key for `purpose` under `keys`. */
export function keyFilePath(keys: KeyFolder, purpose: KeyPurpose): string {
  const scheme = keys.protector.scheme === 'none' ? '' : `.${keys.protector.scheme}`;
  return join(keys.folder, `${KEY_PURPOSES[purpose].file}${scheme}.json`);
}

/**
 * The user's key for `purpose`, made (and written, owner-only) if there is none yet. Throws a
 * CuttingsError naming the file when it may not be used: readable or writable by other users,
 * owned by another user, damaged, or protected in a way this process cannot undo.
 */
export async function loadOrCreateKey(keys: KeyFolder, purpose: KeyPurpose): Promise<SigningKey> {
  const path = keyFilePath(keys, purpose);
  try {
    return await loadKey(path, keys.protector, KEY_PURPOSES[purpose].algorithm);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const created = await createKey(path, keys, KEY_PURPOSES[purpose].algorithm);
  // Another process (the app and the CLI at once) may have made it first: use theirs.
  return created ?? loadKey(path, keys.protector, KEY_PURPOSES[purpose].algorithm);
}

/** Reads a key file, refusing one with loose permissions or damaged content. */
async function loadKey(path: string, protector: KeyProtector, algorithm: KeyAlgorithm): Promise<SigningKey> {
  const info = await stat(path);
  // Windows has no POSIX modes; its profile folder is the user's own.
  if (process.platform !== 'win32') {
    if (typeof process.getuid === 'function' && info.uid !== process.getuid()) {
      throw new CuttingsError('library', `keys: ${path} belongs to another user (uid ${info.uid}); a signing key must be the user's own`);
    }
    if ((info.mode & 0o077) !== 0) {
      const mode = (info.mode & 0o777).toString(8);
      throw new CuttingsError('library', `keys: ${path} can be read or changed by other users (mode ${mode}); make it the owner's only with chmod 600 ${path}`);
    }
  }
  const damaged = (reason: string) =>
    new CuttingsError('library', `keys: ${path} is damaged (${reason}); it is not replaced, as captures signed with it name its public key: move it aside to make a new key`);
  let file: KeyFile;
  try {
    file = JSON.parse(await readFile(path, 'utf8')) as KeyFile;
  } catch (error) {
    throw damaged(`not JSON: ${(error as Error).message}`);
  }
  if (typeof file !== 'object' || file === null || file.format !== KEY_FORMAT) throw damaged('not a Cuttings key file');
  if (file.version !== 1) throw damaged(`version ${JSON.stringify(file.version)}, where this Cuttings reads 1`);
  if (file.algorithm !== algorithm) throw damaged(`it holds an ${JSON.stringify(file.algorithm)} key, not ${algorithm}`);
  if (file.protection !== protector.scheme) {
    throw new CuttingsError(
      'library',
      `keys: ${path} is protected by ${JSON.stringify(file.protection)}, which this program cannot open (it uses ${JSON.stringify(protector.scheme)})`,
    );
  }
  if (typeof file.privateKey !== 'string' || typeof file.publicKey !== 'string') throw damaged('its keys are missing');
  let key: SigningKey;
  try {
    const der = await protector.unprotect(Buffer.from(file.privateKey, 'base64'));
    const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    const expected = NODE_KEY_TYPES[algorithm];
    if (privateKey.asymmetricKeyType !== expected.type) throw new Error(`it is an ${privateKey.asymmetricKeyType} key`);
    if (expected.curve && privateKey.asymmetricKeyDetails?.namedCurve !== expected.curve) throw new Error(`its curve is ${privateKey.asymmetricKeyDetails?.namedCurve}`);
    key = new SigningKey(algorithm, privateKey, file.protection, path);
  } catch (error) {
    throw damaged(`its private key cannot be read: ${(error as Error).message}`);
  }
  if (key.publicKeyPem.trim() !== file.publicKey.trim()) throw damaged('its public key is not the private key’s');
  return key;
}

/** Makes a key and writes its file exclusively, owner-only and durably; null if the file appeared meanwhile. */
async function createKey(path: string, keys: KeyFolder, algorithm: KeyAlgorithm): Promise<SigningKey | null> {
  const { privateKey } = algorithm === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: NODE_KEY_TYPES[algorithm].curve! });
  const key = new SigningKey(algorithm, privateKey, keys.protector.scheme, path);
  const file: KeyFile = {
    format: KEY_FORMAT,
    version: 1,
    algorithm,
    protection: keys.protector.scheme,
    created: new Date().toISOString(),
    publicKey: key.publicKeyPem,
    privateKey: (await keys.protector.protect(privateKey.export({ type: 'pkcs8', format: 'der' }))).toString('base64'),
  };
  try {
    await mkdir(keys.folder, { recursive: true, mode: 0o700 });
    // 'wx': created here or not at all, so two processes never both write a key.
    const handle = await open(path, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(file, null, 2)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await syncFolder(keys.folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw new CuttingsError('library', `keys: cannot make a signing key in ${keys.folder}: ${(error as Error).message}`);
  }
  return key;
}
