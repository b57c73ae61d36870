/**
 * The evidence report: one PDF that says what a cutting is and why it can be trusted, for a
 * lawyer, an editor or a court, without trusting Cuttings. In order:
 *   1. the verdict, and each check with its outcome (signature, hashes, timestamp, custody);
 *   2. the provenance: addresses, HTTP status, how and when it was captured, by what;
 *   3. every hash, as the manifest gives it and as the stored bytes give it now;
 *   4. the signature: the key's fingerprint, its public key, the signature;
 *   5. the timestamp, decoded: the TSA, the time, serial, policy, imprint, the chain;
 *   6. the custody entries that name the cutting;
 *   7. the exact commands a third party runs on the bundle (evidence-bundle.ts);
 *   8. the cutting as captured: its text and its images.
 */
import { APP_VERSION } from '../storage/app-version';
import { subjectOf } from './certificates';
import { verificationSteps } from './evidence-bundle';
import { dossierVerdict, type EvidenceDossier } from './evidence-dossier';
import { PdfFlow } from './pdf-flow';
import { formatFingerprint } from './signing-key';

const EVENT_WORDS: Record<string, string> = {
  captured: 'captured',
  recaptured: 'captured again (a new version)',
  corrected: 'corrected (a new version)',
  imported: 'imported',
  exported: 'exported',
  deleted: 'deleted',
  abandoned: 'written but never stored',
  edited: 'details edited after capture',
};

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Writes the report of a dossier as PDF bytes. */
export async function evidenceReportPdf(dossier: EvidenceDossier): Promise<Uint8Array> {
  const { record, check } = dossier;
  const sealed = check.sealed;
  const manifest = sealed?.manifest;
  const pdf = await PdfFlow.create({
    title: `Evidence report: ${record.title}`,
    subject: `Cutting ${record.id}, captured ${record.provenance.captured}`,
    creator: `Cuttings ${APP_VERSION}`,
    created: dossier.generated,
  });

  // 1. The verdict.
  pdf.heading(`Evidence report: ${record.title}`, 1);
  pdf.paragraph(`Cutting ${record.id} · report written ${dossier.generated.toISOString()} by Cuttings ${APP_VERSION}`, { color: undefined, size: 8.5 });
  pdf.space(4);
  const verdict = dossierVerdict(dossier);
  const headline = {
    verified: 'VERIFIED: signed at capture, every file matches its hash, timestamped by a trusted TSA, custody log whole.',
    signed: 'SIGNED AND INTACT, BUT THE TIME IS NOT PROVEN: every file matches its signed hash, custody log whole.',
    failed: 'NOT VERIFIED: see what failed below.',
  }[verdict.level];
  pdf.mark(verdict.level === 'verified' ? 'pass' : verdict.level === 'signed' ? 'warn' : 'fail', headline);
  for (const reason of verdict.reasons) pdf.paragraph(`• ${reason}`, { indent: 18, size: 9 });

  pdf.heading('Checks');
  if (sealed) {
    pdf.mark(check.signatureValid ? 'pass' : 'fail', check.signatureValid ? `The manifest's Ed25519 signature verifies with key ${formatFingerprint(manifest!.key)}${check.key ? ` (${check.key.label})` : ''}.` : `The manifest's signature does NOT verify${check.key ? '' : ': its key is not known to the library'}.`);
    const bad = check.hashes.filter((hash) => hash.actual !== hash.expected);
    pdf.mark(bad.length === 0 ? 'pass' : 'fail', bad.length === 0 ? `All ${check.hashes.length} files match the hashes in the signed manifest.` : `${bad.length} of ${check.hashes.length} files do NOT match the signed manifest: ${bad.map((hash) => hash.what).join(', ')}.`);
  } else pdf.mark('fail', 'This capture has no signed manifest (it was captured before Cuttings signed captures).');
  const ts = check.timestamp;
  if (!ts) pdf.mark('warn', dossier.waiting ? 'No timestamp yet: the request waits for the TSA.' : 'No timestamp: no TSA was chosen for the library.');
  else if (ts.problems.length > 0) pdf.mark('fail', `The timestamp does NOT verify: ${ts.problems[0]}`);
  else if (!ts.trusted) pdf.mark('warn', `The timestamp is sound, but ${ts.trustProblem ?? 'its TSA is not trusted here'}`);
  else pdf.mark('pass', `Timestamped ${ts.token!.info.genTime.toISOString()} by ${ts.token!.info.tsaName ?? subjectOf(ts.chain[0]!)}, whose certificate chains to a trusted root.`);
  const custodyOk = dossier.custody.problems.length === 0 && dossier.entries.every((entry) => entry.signatureValid);
  pdf.mark(custodyOk ? 'pass' : 'fail', custodyOk ? `The custody log (${plural(dossier.custody.entries, 'entry', 'entries')}) is whole: every entry signed, each linked to the one before; ${plural(dossier.entries.length, 'entry', 'entries')} name this cutting.` : `The custody log is NOT whole: ${[...dossier.custody.problems, ...dossier.entries.filter((entry) => !entry.signatureValid).map((entry) => `entry ${entry.entry.seq} does not verify`)].join('; ')}.`);

  // 2. Provenance.
  pdf.heading('Provenance');
  const p = record.provenance;
  const optional = (label: string, value: string | number | undefined, mono = false): [string, string, boolean][] => (value === undefined || value === '' ? [] : [[label, String(value), mono]]);
  pdf.rows([
    ['Title', record.title, false],
    // The details may have been edited since (the custody entries below say when and from what); the manifest keeps the title signed at capture.
    ...(manifest && manifest.title !== record.title ? ([['Title as captured', manifest.title, false]] as [string, string, boolean][]) : []),
    ['Cutting id', record.id, true],
    ['How it came in', `${manifest?.event ? EVENT_WORDS[manifest.event] : 'captured'} by ${p.method}${p.fileName ? ` (file ${p.fileName})` : ''}`, false],
    ['Captured', `${p.captured} (UTC)`, false],
    ['Address given', record.url ?? '—', false],
    ...optional('Address asked for', p.originalUrl),
    ...optional('Address after redirects', p.finalUrl),
    ...optional('Canonical address', p.canonicalUrl),
    ...optional('HTTP status', p.httpStatus),
    ...optional('Media type', p.contentType),
    ...optional('A version of', p.versionOf, true),
    ['Source', record.source ?? '—', false],
    ['Author', record.author ?? '—', false],
    ['Published', record.published ?? '—', false],
    ['Captured with', manifest?.app ?? `Cuttings ${p.appVersion}`, false],
  ]);

  // 3. Hashes.
  pdf.heading('Hashes (SHA-256)');
  if (sealed) {
    pdf.rows([['manifest.json', sealed.sha256, true]]);
    // Labelled by their names in the bundle (and in SHA256SUMS).
    for (const hash of check.hashes) {
      const label = hash.file.startsWith('images/') ? 'an image' : hash.file;
      const name = hash.file.startsWith('images/') ? `${hash.file}\n` : '';
      pdf.rows([[label, `${name}${hash.expected} in the manifest${hash.actual === hash.expected ? ' — matches the stored file' : hash.actual ? `\n${hash.actual} stored now — DOES NOT MATCH` : ' — the file is MISSING'}`, true]]);
    }
  } else {
    pdf.rows([
      ['the original', p.originalSha256, true],
      ['the text', p.textSha256, true],
    ]);
  }

  // 4. Signature.
  if (sealed) {
    pdf.heading('Signature');
    pdf.rows([
      ['Algorithm', 'Ed25519 over the bytes of manifest.json (canonical JSON, RFC 8785)'],
      ['Key fingerprint', `${formatFingerprint(manifest!.key)}\n(SHA-256 of the public key's DER)`, true],
      ['Key', check.key ? `${check.key.label}; known to the library since ${check.key.added}` : 'not known to this library'],
      ['Signature', sealed.signature.toString('base64'), true],
    ]);
    if (check.key) pdf.code(check.key.publicKey.trim(), 0);
  }

  // 5. Timestamp.
  pdf.heading('Timestamp (RFC 3161)');
  if (ts?.token) {
    const info = ts.token.info;
    pdf.rows([
      ['Time', `${info.genTime.toISOString()}${info.accuracy ? ` (${info.accuracy})` : ''}`],
      ['TSA', info.tsaName ?? subjectOf(ts.chain[0]!)],
      ['Serial number', info.serial.toString(16), true],
      ['Policy', info.policy, true],
      ['Stamped hash', `${info.hashAlgorithm.toUpperCase()} ${info.hashedMessage.toString('hex')}`, true],
      ['Nonce', info.nonce === null ? '—' : info.nonce.toString(16), true],
      ...ts.chain.map((certificate, i) => [i === 0 ? 'TSA certificate' : i === ts.chain.length - 1 ? 'Root' : 'Intermediate', `${subjectOf(certificate)}\nvalid ${certificate.validFrom} to ${certificate.validTo}\nSHA-256 ${certificate.fingerprint256}`, true] as const),
      ['Outcome', ts.problems.length > 0 ? ts.problems.join('\n') : ts.trusted ? 'verified: the imprint is this manifest’s hash, the signature and chain hold' : (ts.trustProblem ?? '')],
    ]);
  } else if (ts) pdf.paragraph(ts.problems.join('\n'));
  else pdf.paragraph(dossier.waiting ? 'None yet: the request waits for the TSA and is sent when it answers.' : 'None: no TSA was chosen for the library.');

  // 6. Custody.
  pdf.heading('Custody log');
  pdf.paragraph(`The entries of the library's custody log that name this cutting. Each is signed, and names the hash of the entry before it, so that an entry removed, changed or moved breaks the chain (${plural(dossier.custody.entries, 'entry', 'entries')} in all).`, { size: 8.5 });
  for (const { entry, signatureValid } of dossier.entries) {
    pdf.rows([
      [
        `Entry ${entry.seq}`,
        `${entry.at} — ${EVENT_WORDS[entry.event] ?? entry.event}${entry.detail ? `: ${entry.detail}` : ''}${entry.items.length > 1 ? ` (with ${entry.items.length - 1} other cutting${entry.items.length > 2 ? 's' : ''})` : ''}\nsigned by ${formatFingerprint(entry.key)}: ${signatureValid ? 'verifies' : 'DOES NOT VERIFY'}\nfollows ${entry.prev}`,
        false,
      ],
    ]);
  }

  // 7. Commands.
  const steps = verificationSteps(dossier);
  if (steps.length > 0) {
    pdf.heading('How to verify it yourself');
    pdf.paragraph('Export the bundle (cuttings evidence ID -o report.pdf --bundle DIR, or the reader’s Evidence button) and run these commands in its folder. They need nothing but sha256sum and openssl.', { size: 9 });
    steps.forEach((step, i) => {
      pdf.paragraph(`${i + 1}. ${step.what}`, { size: 9 });
      pdf.code(`$ ${step.command}`);
      pdf.paragraph(`expect: ${step.expect}`, { size: 8, indent: 12 });
      pdf.space(3);
    });
  }

  // 8. The cutting as captured.
  pdf.pageBreak();
  pdf.heading('The cutting as captured', 1);
  pdf.paragraph(`Its text exactly as stored (text.txt in the bundle, SHA-256 ${check.hashes.find((hash) => hash.file === 'text.txt')?.actual ?? p.textSha256}).`, { size: 8.5 });
  pdf.space(4);
  pdf.paragraph(dossier.content.text, { size: 10 });
  if (dossier.images.length > 0) {
    pdf.heading('Images');
    for (const image of dossier.images) {
      const shown = await pdf.image(image.bytes, image.type, `${image.file} (images/${image.file} in the bundle)`);
      if (!shown) pdf.paragraph(`${image.file}: ${image.type} cannot be shown in a PDF; it is in the bundle as images/${image.file}.`, { size: 8.5 });
    }
  }
  return pdf.save(`Cuttings evidence report · ${record.id}`);
}
