/**
 * The roots a timestamp's chain may end at to be trusted: the Mozilla roots Node carries
 * (`tls.rootCertificates`: the big public TSAs chain to them) and the roots the user added to
 * this library (`<library>/evidence/tsa-roots.pem`: a TSA with a root of its own, such as
 * FreeTSA's, or a newsroom's in-house TSA). A root is added by the user's choice only, never
 * taken from a token: a token carrying its own root would otherwise vouch for itself.
 */
import { X509Certificate } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { rootCertificates } from 'node:tls';
import { join } from 'node:path';
import { CuttingsError } from '../../../common/errors';
import { writeFileDurably } from '../storage/durable-file';
import { certificatesFromPem, subjectOf } from './certificates';
import { evidenceFolder } from './library-keys';

let systemRoots: X509Certificate[] | null = null;

/** Node's bundled roots, read once. */
function bundledRoots(): X509Certificate[] {
  systemRoots ??= rootCertificates.flatMap((pem) => {
    try {
      return [new X509Certificate(pem)];
    } catch {
      return [];
    }
  });
  return systemRoots;
}

/** The file of the roots the user added to a library. */
export function addedRootsPath(root: string): string {
  return join(evidenceFolder(root), 'tsa-roots.pem');
}

/** The roots the user added to a library (none yet: an empty list). */
export async function addedRoots(root: string): Promise<X509Certificate[]> {
  let pem: string;
  try {
    pem = await readFile(addedRootsPath(root), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new CuttingsError('library', `timestamp: cannot read ${addedRootsPath(root)}: ${(error as Error).message}`);
  }
  try {
    return certificatesFromPem(pem);
  } catch (error) {
    throw new CuttingsError('library', `timestamp: ${addedRootsPath(root)} holds a certificate that does not parse (${(error as Error).message})`);
  }
}

/** Every root a library's timestamps may end at: Node's and the user's. */
export async function trustAnchors(root: string): Promise<X509Certificate[]> {
  return [...bundledRoots(), ...(await addedRoots(root))];
}

/**
 * Adds the CA certificates in `pem` (a file the user chose) to the library's trusted roots and
 * returns their subjects. Refuses text with no certificate, or a certificate that is not a
 * CA's, with one line saying which.
 */
export async function trustRoots(root: string, pem: string, source: string): Promise<string[]> {
  let certificates: X509Certificate[];
  try {
    certificates = certificatesFromPem(pem);
  } catch (error) {
    throw new CuttingsError('bad-content', `timestamp: ${source} holds a certificate that does not parse (${(error as Error).message})`);
  }
  if (certificates.length === 0) throw new CuttingsError('bad-content', `timestamp: ${source} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  const notCa = certificates.find((certificate) => !certificate.ca);
  if (notCa) throw new CuttingsError('bad-content', `timestamp: "${subjectOf(notCa)}" in ${source} is not a CA certificate; trust the TSA's root, not the TSA's own certificate`);
  const known = new Set((await addedRoots(root)).map((certificate) => certificate.fingerprint256));
  const fresh = certificates.filter((certificate) => !known.has(certificate.fingerprint256));
  if (fresh.length > 0) {
    const existing = await readFile(addedRootsPath(root), 'utf8').catch(() => '');
    await mkdir(evidenceFolder(root), { recursive: true });
    await writeFileDurably(addedRootsPath(root), `${existing}${fresh.map((certificate) => `# ${subjectOf(certificate)}\n${certificate.toString()}`).join('')}`);
  }
  return certificates.map(subjectOf);
}
