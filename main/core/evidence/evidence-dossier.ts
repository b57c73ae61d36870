/**
 * Everything the evidence report and its bundle say of one capture, gathered and checked
 * once: the capture as stored (text, reader HTML, original, images), its signed manifest and
 * the key that signed it, its timestamp decoded, the custody entries that name it with their
 * signatures checked, and the custody log's chain as a whole. The checks are the ones
 * `cuttings verify` makes (capture-check.ts, custody-check.ts), so the report can never call
 * verified what verify would not.
 */
import type { X509Certificate } from 'node:crypto';
import { readAsset } from '../storage/assets';
import type { ArticleRecord } from '../storage/article-record';
import { readCapture, readOriginal, type CapturedContent, type OriginalKind } from '../storage/captures';
import { checkCapture, type CaptureCheck } from './capture-check';
import { checkCustody, type CustodyReport } from './custody-check';
import { custodyEntriesFor, signedBytesOf, type CustodyEntry } from './custody-log';
import type { KnownKey, LibraryKeys } from './library-keys';
import { verifySignature } from './signing-key';
import { isVerified } from './timestamp-check';
import { readTimestamp } from './timestamp-queue';

/** One custody entry naming the capture, with the bytes its signature covers. */
export interface DossierEntry {
  entry: CustodyEntry;
  /** The entry without `sig`, canonical JSON: what was signed. */
  signedBytes: Buffer;
  signature: Buffer;
  key: KnownKey | null;
  signatureValid: boolean;
}

/** Everything the report shows of one capture. */
export interface EvidenceDossier {
  record: ArticleRecord;
  content: CapturedContent;
  original: { kind: OriginalKind; bytes: Buffer };
  /** The images the manifest names, as stored (missing ones are left out; the check names them). */
  images: { file: string; type: string; bytes: Buffer }[];
  check: CaptureCheck;
  /** The timestamp reply as stored, when there is one. */
  timestampReply: Buffer | null;
  /** Whether the capture waits for a timestamp. */
  waiting: boolean;
  entries: DossierEntry[];
  custody: CustodyReport;
  /** Every public key of the library, for the entries signed by keys other than the manifest's. */
  keys: readonly KnownKey[];
  /** When the report was made. */
  generated: Date;
}

/** What gathering reads besides the library's files. */
export interface DossierInput {
  root: string;
  record: ArticleRecord;
  keys: LibraryKeys;
  anchors: readonly X509Certificate[];
  waiting: boolean;
  now?: Date;
}

/** Gathers and checks a capture's evidence. */
export async function gatherDossier(input: DossierInput): Promise<EvidenceDossier> {
  const { root, record, keys } = input;
  const generated = input.now ?? new Date();
  const [content, original, timestampReply] = await Promise.all([readCapture(root, record.id), readOriginal(root, record.id), readTimestamp(root, record.id)]);
  const check = await checkCapture({ root, record, content, original: original.bytes, timestamp: timestampReply, keys, anchors: input.anchors, now: generated });
  const images: EvidenceDossier['images'] = [];
  for (const image of check.sealed?.manifest.images ?? []) {
    const asset = await readAsset(root, image.file);
    if (asset) images.push({ file: image.file, type: asset.type, bytes: asset.bytes });
  }
  const entries = (await custodyEntriesFor(root, new Set([record.id]))).map(({ entry }): DossierEntry => {
    const key = keys.get(entry.key) ?? null;
    const signedBytes = signedBytesOf(entry);
    const signature = Buffer.from(entry.sig, 'base64');
    return { entry, signedBytes, signature, key, signatureValid: key !== null && verifySignature(key.algorithm, key.publicKey, signedBytes, signature) };
  });
  const custody = await checkCustody(root, keys);
  return { record, content, original, images, check, timestampReply, waiting: input.waiting, entries, custody, keys: keys.list(), generated };
}

/** How far a capture's evidence holds: everything with a trusted timestamp, signed and intact without one, or not. */
export type EvidenceLevel = 'verified' | 'signed' | 'failed';

/** The verdict on a dossier, as the report's first lines give it: its level, and each reason it is not verified. */
export function dossierVerdict(dossier: EvidenceDossier): { level: EvidenceLevel; reasons: string[] } {
  const { check } = dossier;
  const failures: string[] = [];
  if (!check.sealed) failures.push('This capture was made before Cuttings signed captures: it has recorded hashes but no signed manifest.');
  failures.push(...check.problems);
  for (const { entry, signatureValid } of dossier.entries) if (!signatureValid) failures.push(`Custody entry ${entry.seq} does not verify with the key it names.`);
  failures.push(...dossier.custody.problems);
  if (failures.length > 0 || !check.sealed || !check.signatureValid) return { level: 'failed', reasons: failures };
  // Signed and intact: what is missing for the time to be proven too.
  if (check.timestamp && isVerified(check.timestamp)) return { level: 'verified', reasons: [] };
  if (check.timestamp?.trustProblem) return { level: 'signed', reasons: [check.timestamp.trustProblem] };
  return { level: 'signed', reasons: [dossier.waiting ? 'Its timestamp has not been received yet: the request waits for the TSA.' : 'It has no timestamp: no TSA was chosen for the library when it was captured.'] };
}
