/**
 * The evidence bundle: the files a third party needs to check a capture with standard tools
 * only, and the exact commands (`sha256sum`, `openssl pkeyutl -verify`, `openssl ts
 * -verify`) that check it. The report prints the same commands; the bundle's README.txt
 * holds them too.
 *
 *   manifest.json  manifest.sig     the signed manifest, exactly as signed, and its signature (raw, 64 bytes)
 *   signing-key.pem                 the public key that signed it
 *   original.<kind>  text.txt  reader.html  images/<sha256>.<ext>  http.json (a fetched page)
 *                                   what the manifest's hashes are of
 *   SHA256SUMS                      those hashes, as the manifest gives them, for `sha256sum -c`
 *   timestamp.tsr                   the TSA's reply as received
 *   tsa-chain.pem  tsa-root.pem     the certificates the token carries, and the root its chain ends at
 *   custody/entry-<n>.json .sig     each custody entry naming the capture, as signed, and its signature
 *   keys/<fingerprint>.pem          any other key that signed one of those entries
 *   report.pdf                      the report
 *   README.txt                      what each file is, and the commands
 *
 * It is written into a new (or empty) folder; files are written whole, and a folder that
 * holds anything already is refused rather than mixed with.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CuttingsError } from '../../../common/errors';
import type { EvidenceDossier } from './evidence-dossier';
import { httpExchangeBytes } from './capture-manifest';
import { formatFingerprint } from './signing-key';

/** One step of the third party's verification. */
export interface VerificationStep {
  /** What it checks, in a sentence. */
  what: string;
  command: string;
  /** What it prints when the check holds. */
  expect: string;
}

/** The file name a key gets in the bundle (the manifest's own is signing-key.pem). */
function keyFile(dossier: EvidenceDossier, fingerprint: string): string {
  return fingerprint === dossier.check.sealed?.manifest.key ? 'signing-key.pem' : `keys/${fingerprint.slice(0, 16)}.pem`;
}

/** The commands that verify the bundle, run in its folder, in the order to run them. */
export function verificationSteps(dossier: EvidenceDossier): VerificationStep[] {
  const sealed = dossier.check.sealed;
  if (!sealed) return [];
  const steps: VerificationStep[] = [
    { what: 'The files are the ones the manifest names: each hash in SHA256SUMS is the one manifest.json gives (compare them: the report lists both).', command: 'sha256sum -c SHA256SUMS', expect: 'OK for each file' },
    { what: `The public key is the one the manifest names: its fingerprint is ${formatFingerprint(sealed.manifest.key)}.`, command: 'openssl pkey -pubin -in signing-key.pem -outform DER | sha256sum', expect: `${sealed.manifest.key}  -` },
    { what: 'The manifest was signed with that key and not changed since (Ed25519).', command: 'openssl pkeyutl -verify -pubin -inkey signing-key.pem -rawin -in manifest.json -sigfile manifest.sig', expect: 'Signature Verified Successfully' },
  ];
  if (dossier.timestampReply) {
    steps.push(
      { what: 'The timestamp, decoded: when the TSA saw the manifest’s hash.', command: 'openssl ts -reply -in timestamp.tsr -text', expect: 'Status: Granted, and the time' },
      {
        what: 'The TSA stamped this very manifest, and its signature chains to the root in tsa-root.pem (check that root’s fingerprint against the one the TSA publishes).',
        command: 'openssl ts -verify -data manifest.json -in timestamp.tsr -CAfile tsa-root.pem -untrusted tsa-chain.pem',
        expect: 'Verification: OK',
      },
      { what: 'The root the TSA’s chain ends at.', command: 'openssl x509 -in tsa-root.pem -noout -subject -fingerprint -sha256', expect: 'its subject and SHA-256 fingerprint' },
    );
  }
  for (const { entry } of dossier.entries) {
    steps.push({
      what: `Custody entry ${entry.seq} (${entry.event}, ${entry.at}) was signed as it stands.`,
      command: `openssl pkeyutl -verify -pubin -inkey ${keyFile(dossier, entry.key)} -rawin -in custody/entry-${entry.seq}.json -sigfile custody/entry-${entry.seq}.sig`,
      expect: 'Signature Verified Successfully',
    });
  }
  return steps;
}

/** The bundle's files, by path inside it (the report's PDF is added by the caller). */
export function bundleFiles(dossier: EvidenceDossier): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const { check, content } = dossier;
  const sealed = check.sealed;
  if (!sealed) {
    throw new CuttingsError('bad-content', `evidence: article ${dossier.record.id} was captured before Cuttings signed captures; it has no signed manifest to bundle`);
  }
  files.set('manifest.json', sealed.bytes);
  files.set('manifest.sig', sealed.signature);
  const keys = new Map(dossier.keys.map((key) => [key.fingerprint, key]));
  const manifestKey = keys.get(sealed.manifest.key);
  if (manifestKey) files.set('signing-key.pem', Buffer.from(`${manifestKey.publicKey.trim()}\n`));
  files.set(`original.${dossier.original.kind}`, dossier.original.bytes);
  files.set('text.txt', Buffer.from(content.text, 'utf8'));
  files.set('reader.html', Buffer.from(content.html, 'utf8'));
  if (content.http && sealed.manifest.http) files.set('http.json', httpExchangeBytes(content.http));
  for (const image of dossier.images) files.set(`images/${image.file}`, image.bytes);
  files.set('SHA256SUMS', Buffer.from(check.hashes.map((hash) => `${hash.expected}  ${hash.file}\n`).join('')));
  if (dossier.timestampReply) {
    files.set('timestamp.tsr', dossier.timestampReply);
    const chain = check.timestamp?.token?.certificates ?? [];
    if (chain.length > 0) files.set('tsa-chain.pem', Buffer.from(chain.map((certificate) => certificate.toString()).join('')));
    const top = check.timestamp?.chain[check.timestamp.chain.length - 1];
    if (top?.ca) files.set('tsa-root.pem', Buffer.from(top.toString()));
  }
  for (const entry of dossier.entries) {
    files.set(`custody/entry-${entry.entry.seq}.json`, entry.signedBytes);
    files.set(`custody/entry-${entry.entry.seq}.sig`, entry.signature);
    const path = keyFile(dossier, entry.entry.key);
    const key = keys.get(entry.entry.key);
    if (key && !files.has(path)) files.set(path, Buffer.from(`${key.publicKey.trim()}\n`));
  }
  files.set('README.txt', Buffer.from(readme(dossier)));
  return files;
}

function readme(dossier: EvidenceDossier): string {
  const steps = verificationSteps(dossier);
  return [
    `Evidence for the cutting ${dossier.record.id}: "${dossier.record.title}"`,
    `Written by Cuttings on ${dossier.generated.toISOString()}.`,
    '',
    'These files let anyone check, with sha256sum and openssl alone, that the files here are',
    'the ones captured, that the manifest describing them was signed by the key named, when a',
    'timestamping authority saw it, and the custody log entries that record what happened to it.',
    'Run each command in this folder; each should print what follows it.',
    '',
    ...steps.flatMap((step, i) => [`${i + 1}. ${step.what}`, `   $ ${step.command}`, `   expect: ${step.expect}`, '']),
    'manifest.json is canonical JSON (RFC 8785); it is exactly the bytes signed and timestamped.',
    'Each custody/entry-N.json is the log entry without its signature, canonical JSON, exactly',
    'the bytes signed; the whole log is checked, link by link, by `cuttings verify`.',
    '',
  ].join('\n');
}

/** Writes the bundle into `dir`, which must be new or empty. */
export async function writeBundle(dir: string, files: Map<string, Buffer>): Promise<void> {
  const existing = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new CuttingsError('invalid-input', `evidence: cannot use ${dir} for the bundle: ${error.message}`);
  });
  if (existing.length > 0) throw new CuttingsError('invalid-input', `evidence: ${dir} is not empty; give a new or empty folder for the bundle`);
  try {
    for (const [path, bytes] of files) {
      const target = join(dir, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, bytes);
    }
  } catch (error) {
    throw new CuttingsError('library', `evidence: cannot write the bundle in ${dir}: ${(error as Error).message}`);
  }
}
