/**
 * The public keys a library knows, in `<library>/evidence/keys.json`: every key that signed a
 * capture or a custody entry here — the user's own (recorded at its first use), a
 * colleague's whose archive was imported. A signature is checked against the key its
 * manifest names by fingerprint; a fingerprint the library does not know verifies nothing.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CuttingsError } from '../../../common/errors';
import { writeFileDurably } from '../storage/durable-file';
import { fingerprintOf, type KeyAlgorithm } from './signing-key';

/** A public key the library knows. */
export interface KnownKey {
  /** SHA-256 of the public key's DER, hex. */
  fingerprint: string;
  algorithm: KeyAlgorithm;
  /** PEM (SubjectPublicKeyInfo). */
  publicKey: string;
  /** When the library first saw it, ISO 8601 UTC (absent in an archive's list of keys). */
  added: string;
  /** Whose it is, as far as the library knows (`root@newsroom-laptop, Cuttings command line`). */
  label: string;
}

interface KeysFile {
  format: 'cuttings.library-keys';
  version: 1;
  keys: KnownKey[];
}

/** The evidence folder of a library. */
export function evidenceFolder(root: string): string {
  return join(root, 'evidence');
}

/** A library's known public keys. */
export class LibraryKeys {
  private constructor(
    private readonly file: string,
    private keys: KnownKey[],
  ) {}

  /** Reads `<root>/evidence/keys.json` (none yet: no keys). A damaged file is an error naming it: it is never overwritten. */
  static async open(root: string): Promise<LibraryKeys> {
    const file = join(evidenceFolder(root), 'keys.json');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new LibraryKeys(file, []);
      throw new CuttingsError('library', `keys: cannot read ${file}: ${(error as Error).message}`);
    }
    const parsed = parseKeys(text);
    if (typeof parsed === 'string') throw new CuttingsError('library', `keys: ${file} is damaged (${parsed}); no signature can be checked until it is put back from a backup`);
    return new LibraryKeys(file, parsed);
  }

  /** Every key, first added first. */
  list(): readonly KnownKey[] {
    return this.keys;
  }

  /** The key with this fingerprint, if the library knows it. */
  get(fingerprint: string): KnownKey | undefined {
    return this.keys.find((key) => key.fingerprint === fingerprint);
  }

  /**
   * Records keys the library did not know (its own at first use, a colleague's on import).
   * The fingerprint is computed here from the PEM, never taken from the caller.
   */
  async add(keys: Omit<KnownKey, 'fingerprint' | 'added'>[], now = new Date()): Promise<void> {
    const fresh: KnownKey[] = [];
    for (const key of keys) {
      const fingerprint = fingerprintOf(key.publicKey);
      if (this.get(fingerprint) || fresh.some((other) => other.fingerprint === fingerprint)) continue;
      fresh.push({ fingerprint, algorithm: key.algorithm, publicKey: key.publicKey.trim(), added: now.toISOString(), label: key.label });
    }
    if (fresh.length === 0) return;
    const next = [...this.keys, ...fresh];
    await mkdir(join(this.file, '..'), { recursive: true });
    await writeFileDurably(this.file, `${JSON.stringify({ format: 'cuttings.library-keys', version: 1, keys: next } satisfies KeysFile, null, 2)}\n`);
    this.keys = next;
  }
}

/** The keys in a keys.json, or what is wrong with it. */
export function parseKeys(text: string): KnownKey[] | string {
  let parsed: KeysFile;
  try {
    parsed = JSON.parse(text) as KeysFile;
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
  if (parsed?.format !== 'cuttings.library-keys' || !Array.isArray(parsed.keys)) return 'not a list of keys';
  for (const [i, key] of parsed.keys.entries()) {
    if (typeof key?.publicKey !== 'string' || (key.algorithm !== 'ed25519' && key.algorithm !== 'ecdsa-p384')) return `key ${i + 1} has no public key or an unknown algorithm`;
    try {
      if (fingerprintOf(key.publicKey) !== key.fingerprint) return `key ${i + 1}'s fingerprint is not its public key's`;
    } catch {
      return `key ${i + 1}'s public key does not parse`;
    }
  }
  return parsed.keys;
}
