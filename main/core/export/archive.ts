/**
 * The Cuttings archive: a lossless, re-importable copy of the selected articles as one zip.
 *
 *   manifest.json                  format, schemaVersion, the export time, and every other
 *                                  file with its size and SHA-256 (written last)
 *   catalog.jsonl                  each article's catalog record (metadata, tags, provenance),
 *                                  one a line, in id order
 *   articles/<id>/article.json     the capture exactly as stored (reader HTML, text, metadata)
 *   articles/<id>/original.<kind>  the bytes as received (`html` or `txt`), unzipped, so that
 *                                  their SHA-256 is the one in the article's provenance
 *   articles/<id>/timestamp.tsr    the RFC 3161 timestamp of its signed manifest, when it has one
 *   evidence/keys.json             the public keys that signed these captures' manifests (kept
 *                                  in article.json), so that they verify where they go
 *
 * Everything but `exported` depends only on the articles: export, import into an empty
 * library and export again gives the same manifest apart from that time (a test pins it).
 * The user's notes and highlights are in catalog.jsonl's records (`note`, `highlights`, as
 * the catalog keeps them; since schemaVersion 2). The library keeps no assets yet; when it
 * does they go under assets/.
 */
import { createHash } from 'node:crypto';
import { signingKeyOfStored } from '../evidence/capture-manifest';
import { LibraryKeys } from '../evidence/library-keys';
import { readTimestampSync } from '../evidence/timestamp-queue';
import { APP_VERSION } from '../storage/app-version';
import type { ArticleRecord } from '../storage/article-record';
import type { ArticleReader } from '../library/article-access';
import { readStoredCaptureSync } from '../storage/captures';
import type { ExportOptions } from './export-options';
import { writeFileAtomically } from './output-file';
import { readInOrder } from './read-articles';
import { SCHEMA_VERSION } from './schema';
import { ZipWriter } from './zip-writer';

/** The `format` member of an archive's manifest. */
export const ARCHIVE_FORMAT_NAME = 'cuttings.archive';

/** One file named in the manifest. */
export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** manifest.json. */
export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT_NAME;
  schemaVersion: number;
  /** When the archive was written, ISO 8601 UTC: the one member that differs between two exports of the same articles. */
  exported: string;
  /** The Cuttings that wrote it. */
  app: string;
  articles: number;
  files: ManifestFile[];
}

/** Exports the records, with their captures and originals, as a Cuttings archive at `path`. */
export async function exportArchive(library: ArticleReader, records: readonly ArticleRecord[], path: string, options: ExportOptions = {}): Promise<ArchiveManifest> {
  const now = options.now ?? new Date();
  const ordered = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const files: ManifestFile[] = [];
  // Filled in as the files are added; written last, and returned.
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT_NAME,
    schemaVersion: SCHEMA_VERSION,
    exported: now.toISOString(),
    app: `Cuttings ${APP_VERSION}`,
    articles: ordered.length,
    files,
  };
  await writeFileAtomically(path, async (sink) => {
    // Level 1: text compresses nearly as well and several times faster than at 6.
    const zip = new ZipWriter(sink, now, 1);
    const add = async (name: string, data: Uint8Array) => {
      files.push({ path: name, bytes: data.byteLength, sha256: createHash('sha256').update(data).digest('hex') });
      await zip.add(name, data);
    };
    await add('catalog.jsonl', Buffer.from(ordered.map((record) => `${JSON.stringify(record)}\n`).join(''), 'utf8'));
    const signers = new Set<string>();
    let done = 0;
    // article.json as its bytes on disk: the archive carries the capture, not a re-encoding of it.
    const readStored = (record: ArticleRecord) => readStoredCaptureSync(library.path, record.id);
    for await (const [record, stored] of readInOrder(ordered, readStored, options.signal)) {
      await add(`articles/${record.id}/article.json`, stored.raw);
      await add(`articles/${record.id}/original.${stored.original.kind}`, stored.original.bytes);
      const timestamp = readTimestampSync(library.path, record.id);
      if (timestamp) await add(`articles/${record.id}/timestamp.tsr`, timestamp);
      const signer = signingKeyOfStored(stored.raw);
      if (signer) signers.add(signer);
      if (++done % 200 === 0) options.onProgress?.(done, ordered.length);
    }
    // The keys that signed these captures, as the library knows them (without when it learnt
    // them, which is the library's, not the articles'), in fingerprint order.
    if (signers.size > 0) {
      const known = await LibraryKeys.open(library.path);
      const keys = [...signers].sort().flatMap((fingerprint) => {
        const key = known.get(fingerprint);
        return key ? [{ fingerprint, algorithm: key.algorithm, publicKey: key.publicKey, label: key.label }] : [];
      });
      await add('evidence/keys.json', Buffer.from(`${JSON.stringify({ format: 'cuttings.library-keys', version: 1, keys }, null, 1)}\n`));
    }
    await zip.add('manifest.json', `${JSON.stringify(manifest, null, 1)}\n`);
    await zip.end();
    options.onProgress?.(ordered.length, ordered.length);
  });
  return manifest;
}
