/**
 * The `metadata` record Cuttings writes after each cutting's records in a WARC: what a
 * researcher added to the capture (title, tags, note, highlights) and its provenance, in JSON
 * of the media type below, with `WARC-Refers-To` naming the cutting's page record. It also
 * carries the capture as stored (reader HTML, text, the metadata as extracted), so that a
 * WACZ exported by Cuttings comes back into another library exactly: same ids, texts, tags,
 * notes and hashes (import/web-archive.ts). Other tools pass it by: ReplayWeb.page and pywb
 * index only metadata records whose address starts `metadata://`.
 */
import type { ArticleRecord } from '../storage/article-record';
import type { CapturedContent, OriginalKind } from '../storage/captures';

/** The metadata record's Content-Type. */
export const CUTTING_METADATA_TYPE = 'application/vnd.cuttings.cutting+json';

/** The `format` member of a cutting's metadata. */
export const CUTTING_METADATA_FORMAT = 'cuttings.cutting';

/** The version of the metadata's shape this Cuttings writes and reads. */
export const CUTTING_METADATA_VERSION = 1;

/** Why a page leaves as a `resource` record though it was fetched by address. */
export const NO_HTTP_KEPT = 'not kept: captured before Cuttings kept the HTTP request and response headers; the page is a resource record';

/** One cutting's metadata record. */
export interface CuttingMetadata {
  format: typeof CUTTING_METADATA_FORMAT;
  schemaVersion: typeof CUTTING_METADATA_VERSION;
  /** The catalog record as it is now: title, address, tags, note, highlights, provenance. */
  record: ArticleRecord;
  /** The capture as stored: reader HTML, text, metadata as extracted, the HTTP exchanges. */
  capture: CapturedContent;
  /** The original (the bytes as received): its kind, and the record that holds it. */
  original: { kind: OriginalKind; record: string };
  /** The images the reader HTML shows, each with the record that holds it. */
  images: { asset: string; record: string; url: string }[];
  /**
   * `kept` when the page's request and response are in the WARC as they were; for a page
   * fetched before Cuttings kept them, {@link NO_HTTP_KEPT}; `none` for what was not fetched.
   */
  http: string;
  /**
   * The public key that signed the capture's manifest (`capture.evidence`), as the exporting
   * library knew it, so that the manifest verifies in the library it is imported into.
   */
  signer?: CuttingSigner;
}

/** A signing key as a cutting's metadata names it (the shape of evidence/keys.json's entries). */
export interface CuttingSigner {
  fingerprint: string;
  algorithm: 'ed25519' | 'ecdsa-p384';
  /** PEM (SubjectPublicKeyInfo). */
  publicKey: string;
  label: string;
}
