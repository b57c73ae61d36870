/**
 * Checking one capture's evidence against what is stored: its manifest parses and names
 * this article; its signature verifies with the key it names, which the library knows; every
 * hash it holds is the hash of the bytes stored now (the original, the text, the reader HTML,
 * each image); it agrees with the catalog's provenance; and its timestamp, when it has one,
 * stamps this manifest and verifies (timestamp-check.ts). `cuttings verify` and the evidence
 * report both use it, so that the report never calls verified what verify would not.
 */
import type { X509Certificate } from 'node:crypto';
import { readAsset } from '../storage/assets';
import type { ArticleRecord } from '../storage/article-record';
import type { CapturedContent } from '../storage/captures';
import { httpExchangeBytes, readSealedManifest, sha256Hex, type SealedManifest } from './capture-manifest';
import type { KnownKey, LibraryKeys } from './library-keys';
import { formatFingerprint, verifySignature } from './signing-key';
import { checkTimestampReply, isVerified, type TimestampVerdict } from './timestamp-check';

/** One hash of the manifest checked against the bytes stored. */
export interface HashCheck {
  /** What was hashed: `original (html)`, `text`, `reader HTML`, `image <file>`. */
  what: string;
  /** The file name the bundle gives it. */
  file: string;
  expected: string;
  /** The hash of what is stored now; null when it is missing. */
  actual: string | null;
}

/** What checking a capture's evidence found. */
export interface CaptureCheck {
  /** The signed manifest; null for a capture made before signing. */
  sealed: SealedManifest | null;
  /** The key the manifest names, when the library knows it. */
  key: KnownKey | null;
  signatureValid: boolean;
  hashes: HashCheck[];
  /** The timestamp reply's check; null when there is no timestamp. */
  timestamp: TimestampVerdict | null;
  /** Each thing wrong, one line each, naming the article. */
  problems: string[];
}

/** What a capture's check reads. */
export interface CaptureCheckInput {
  root: string;
  record: ArticleRecord;
  content: CapturedContent;
  original: Buffer;
  /** The stored timestamp reply, or null. */
  timestamp: Buffer | null;
  keys: LibraryKeys;
  anchors: readonly X509Certificate[];
  now?: Date;
}

/** Checks one capture's evidence. */
export async function checkCapture(input: CaptureCheckInput): Promise<CaptureCheck> {
  const { record, content } = input;
  const where = `article ${record.id} ("${record.title}")`;
  const check: CaptureCheck = { sealed: null, key: null, signatureValid: false, hashes: [], timestamp: null, problems: [] };
  try {
    check.sealed = readSealedManifest(content);
  } catch (error) {
    check.problems.push(`${where}: ${(error as Error).message}`);
    return check;
  }
  const sealed = check.sealed;
  if (!sealed) return check;
  const { manifest } = sealed;

  check.key = input.keys.get(manifest.key) ?? null;
  if (!check.key) check.problems.push(`${where}: its manifest is signed by key ${formatFingerprint(manifest.key)}, which this library does not know`);
  else {
    check.signatureValid = verifySignature(check.key.algorithm, check.key.publicKey, sealed.bytes, sealed.signature);
    if (!check.signatureValid) check.problems.push(`${where}: its manifest's signature does not verify with key ${formatFingerprint(manifest.key)} (the manifest or the signature was altered)`);
  }
  if (manifest.article !== record.id) check.problems.push(`${where}: its manifest describes article ${manifest.article}`);

  const kind = manifest.original?.kind ?? 'txt';
  check.hashes.push(
    { what: `the original as received (${kind})`, file: `original.${kind}`, expected: manifest.original?.sha256, actual: sha256Hex(input.original) },
    { what: 'the text', file: 'text.txt', expected: manifest.text?.sha256, actual: sha256Hex(Buffer.from(content.text, 'utf8')) },
    { what: 'the reader HTML', file: 'reader.html', expected: manifest.readerHtml?.sha256, actual: sha256Hex(Buffer.from(content.html, 'utf8')) },
  );
  if (manifest.http) {
    check.hashes.push({ what: 'the HTTP exchange (requests and response headers)', file: 'http.json', expected: manifest.http.sha256, actual: content.http ? sha256Hex(httpExchangeBytes(content.http)) : null });
  }
  for (const image of manifest.images ?? []) {
    const asset = await readAsset(input.root, image.file);
    check.hashes.push({ what: `the image ${image.file}`, file: `images/${image.file}`, expected: image.sha256, actual: asset ? sha256Hex(asset.bytes) : null });
  }
  for (const hash of check.hashes) {
    if (hash.actual === null) check.problems.push(`${where}: ${hash.what} is missing`);
    else if (hash.actual !== hash.expected) check.problems.push(`${where}: ${hash.what} does not match the SHA-256 in its signed manifest`);
  }

  const p = record.provenance;
  const disagree = [
    manifest.captured !== p.captured && 'capture time',
    manifest.original?.sha256 !== p.originalSha256 && "original's SHA-256",
    manifest.text?.sha256 !== p.textSha256 && "text's SHA-256",
    (manifest.finalUrl ?? null) !== (p.finalUrl ?? null) && 'final address',
    (manifest.httpStatus ?? null) !== (p.httpStatus ?? null) && 'HTTP status',
  ].filter(Boolean);
  if (disagree.length > 0) check.problems.push(`${where}: its catalog provenance differs from its signed manifest (${disagree.join(', ')})`);

  if (input.timestamp) {
    check.timestamp = checkTimestampReply(input.timestamp, sealed.bytes, { anchors: input.anchors, now: input.now });
    for (const problem of check.timestamp.problems) check.problems.push(`${where}: ${problem}`);
  }
  return check;
}

/** Whether a capture's evidence is whole: signed, every hash matching, and its timestamp (if any) verified. */
export function captureVerified(check: CaptureCheck): boolean {
  return check.sealed !== null && check.problems.length === 0 && check.signatureValid && (check.timestamp === null || isVerified(check.timestamp));
}
