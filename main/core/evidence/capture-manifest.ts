/**
 * A capture's manifest: what was captured and how, as hashes and facts, in canonical JSON
 * (RFC 8785, canonical-json.ts), signed with the user's Ed25519 key when the capture is
 * written. It is stored in the capture itself (storage/captures.ts, `evidence`), so it is
 * written once, with what it describes, and never rewritten.
 *
 * What it holds: the SHA-256 of the original bytes as received, of the extracted text, of the
 * reader HTML, of each image and of the HTTP exchange of a fetched page; the addresses (given, asked for, after redirects, canonical),
 * the HTTP status and media type; the capture time; how it came in (URL, browser, file, paste,
 * standard input, import) and what happened (captured, re-captured, corrected, imported); the
 * version of Cuttings; and the fingerprint of the key that signs it. Tags and notes are the
 * user's organising, not evidence, and are not in it.
 *
 * The signature is over the manifest's bytes exactly (what `openssl pkeyutl -verify -rawin`
 * checks); its SHA-256 is what a timestamping authority is asked to stamp.
 */
import { createHash } from 'node:crypto';
import type { Provenance } from '../../../common/article';
import { CuttingsError } from '../../../common/errors';
import { APP_VERSION } from '../storage/app-version';
import { assetReferences } from '../storage/assets';
import type { CapturedContent, OriginalKind } from '../storage/captures';
import { canonicalBytes } from './canonical-json';
import type { SigningKey } from './signing-key';

/** The `format` of a manifest. */
export const MANIFEST_FORMAT = 'cuttings.capture-manifest';

/** What happened to make a capture: the custody log's word for it too. */
export type CaptureEvent = 'captured' | 'recaptured' | 'corrected' | 'imported';

/** A capture's manifest. Optional members are left out when unknown. */
export interface CaptureManifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  /** The article's id. */
  article: string;
  event: CaptureEvent;
  /** How it came in. */
  method: Provenance['method'];
  /** Capture time, ISO 8601 UTC. */
  captured: string;
  /** `Cuttings <version>`. */
  app: string;
  /** Fingerprint of the signing key (SHA-256 of its public key's DER, hex). */
  key: string;
  title: string;
  url?: string;
  originalUrl?: string;
  finalUrl?: string;
  canonicalUrl?: string;
  httpStatus?: number;
  contentType?: string;
  fileName?: string;
  /** The first capture this one is a version of. */
  versionOf?: string;
  original: { sha256: string; kind: OriginalKind };
  text: { sha256: string };
  readerHtml: { sha256: string };
  /**
   * The HTTP requests sent and response heads received for a fetched page and its images
   * (CapturedContent.http), as canonical JSON (httpExchangeBytes): their SHA-256.
   */
  http?: { sha256: string };
  /** Each image kept with the capture: its SHA-256 and its name in the library's assets/. */
  images: { sha256: string; file: string }[];
}

export type { StoredEvidence } from '../storage/captures';

/** SHA-256 of bytes, hex. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The event a capture is, from its provenance: a version is a re-capture, an import an import. */
export function eventOf(provenance: Provenance, override?: CaptureEvent): CaptureEvent {
  if (override) return override;
  if (provenance.method === 'import') return 'imported';
  return provenance.versionOf ? 'recaptured' : 'captured';
}

/** The manifest of a capture about to be written, for `key`. */
export function buildManifest(content: CapturedContent, kind: OriginalKind, key: SigningKey, event?: CaptureEvent): CaptureManifest {
  const record = content.record;
  if (!record) throw new CuttingsError('internal', `evidence: the capture of ${content.id} has no record to describe`);
  const p = record.provenance;
  return {
    format: MANIFEST_FORMAT,
    version: 1,
    article: content.id,
    event: eventOf(p, event),
    method: p.method,
    captured: p.captured,
    app: `Cuttings ${APP_VERSION}`,
    key: key.fingerprint,
    title: record.title,
    ...(record.url ? { url: record.url } : {}),
    ...(p.originalUrl ? { originalUrl: p.originalUrl } : {}),
    ...(p.finalUrl ? { finalUrl: p.finalUrl } : {}),
    ...(p.canonicalUrl ? { canonicalUrl: p.canonicalUrl } : {}),
    ...(p.httpStatus !== undefined ? { httpStatus: p.httpStatus } : {}),
    ...(p.contentType ? { contentType: p.contentType } : {}),
    ...(p.fileName ? { fileName: p.fileName } : {}),
    ...(p.versionOf ? { versionOf: p.versionOf } : {}),
    original: { sha256: p.originalSha256, kind },
    text: { sha256: p.textSha256 },
    readerHtml: { sha256: sha256Hex(content.html) },
    ...(content.http ? { http: { sha256: sha256Hex(httpExchangeBytes(content.http)) } } : {}),
    // An asset's name is its SHA-256 (storage/assets.ts): the name is the hash.
    images: assetReferences(content.html).map((file) => ({ sha256: file.split('.')[0]!, file })),
  };
}

/**
 * A capture's HTTP exchanges as the manifest hashes them and the bundle holds them: canonical
 * JSON of the member as stored (read back through JSON, so that what is hashed at capture is
 * what is read from disk later).
 */
export function httpExchangeBytes(http: NonNullable<CapturedContent['http']>): Buffer {
  return canonicalBytes(JSON.parse(JSON.stringify(http)));
}

/** Signs a capture: its content with the signed manifest added, ready to write. */
export function sealCapture(content: CapturedContent, kind: OriginalKind, key: SigningKey, event?: CaptureEvent): CapturedContent {
  const bytes = canonicalBytes(buildManifest(content, kind, key, event));
  return { ...content, evidence: { manifest: bytes.toString('utf8'), signature: key.sign(bytes).toString('base64') } };
}

/** A capture's signed manifest, read back: the bytes signed, the manifest they hold, the signature. */
export interface SealedManifest {
  bytes: Buffer;
  manifest: CaptureManifest;
  signature: Buffer;
  /** SHA-256 of the bytes, hex: what the custody log and a timestamp name. */
  sha256: string;
}

/** Reads a capture's evidence; null for a capture made before signing. Throws `evidence: …` for one that does not parse. */
export function readSealedManifest(content: Pick<CapturedContent, 'id' | 'evidence'>): SealedManifest | null {
  const evidence = content.evidence;
  if (!evidence) return null;
  if (typeof evidence.manifest !== 'string' || typeof evidence.signature !== 'string') {
    throw new CuttingsError('bad-content', `evidence: article ${content.id}'s manifest or signature is missing`);
  }
  const bytes = Buffer.from(evidence.manifest, 'utf8');
  let manifest: CaptureManifest;
  try {
    manifest = JSON.parse(evidence.manifest) as CaptureManifest;
  } catch (error) {
    throw new CuttingsError('bad-content', `evidence: article ${content.id}'s manifest does not parse (${(error as Error).message})`);
  }
  if (manifest?.format !== MANIFEST_FORMAT || manifest.version !== 1) throw new CuttingsError('bad-content', `evidence: article ${content.id}'s manifest is not a Cuttings capture manifest`);
  return { bytes, manifest, signature: Buffer.from(evidence.signature, 'base64'), sha256: sha256Hex(bytes) };
}

/** Where a sealed capture's evidence starts in its stored JSON: `evidence` is its last member (sealCapture adds it last). */
const EVIDENCE_MEMBER = '"evidence":{"manifest":';

/**
 * The fingerprint of the key that signed a capture, read from the capture's stored JSON
 * without parsing the rest (the archive export reads thousands). Inside the JSON every quote
 * of the article's own text is escaped, so the member's name unescaped can only be the member.
 */
export function signingKeyOfStored(raw: Buffer): string | null {
  const at = raw.lastIndexOf(EVIDENCE_MEMBER);
  if (at < 0) return null;
  try {
    const evidence = JSON.parse(raw.toString('utf8', at + '"evidence":'.length, raw.length - 1)) as CapturedContent['evidence'];
    return readSealedManifest({ id: '', evidence })?.manifest.key ?? null;
  } catch {
    return null;
  }
}
