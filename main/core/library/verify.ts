/**
 * `cuttings verify`: checks a library against itself — every catalog shard parses, every
 * article's capture is there and its stored hashes match, its evidence holds (the signed
 * manifest's signature and hashes, its timestamp: evidence/capture-check.ts), the custody log
 * is whole and records every capture (evidence/custody-check.ts), and the search index
 * snapshot covers exactly the catalog. It reads only; problems are reported, never repaired.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from '../clip/clip-item';
import { checkCapture } from '../evidence/capture-check';
import { checkCustody } from '../evidence/custody-check';
import { readChosenTsa } from '../evidence/library-evidence';
import { LibraryKeys } from '../evidence/library-keys';
import { readTimestamp, TimestampQueue } from '../evidence/timestamp-queue';
import { trustAnchors } from '../evidence/trust-store';
import { textSketch } from '../duplicates/text-fingerprint';
import { loadSnapshot } from '../search/search-snapshot';
import { expandCoverage } from '../search/snapshot-coverage';
import { assetReferences, readAsset } from '../storage/assets';
import { listCaptureIds, readCapture, readOriginal } from '../storage/captures';
import { scanAssets } from '../storage/scan-capture';
import { Catalog } from '../storage/catalog';
import type { ArticleReader } from './article-access';

/** What verify found. */
export interface VerifyReport {
  articles: number;
  /** Each problem, naming the file or article. A library with none is sound. */
  problems: string[];
  /** Things worth knowing that are not damage (an index that will catch up, say). */
  notes: string[];
}

/** Checks the library; `onProgress` hears how many articles have been checked. */
export async function verifyLibrary(library: ArticleReader, onProgress?: (done: number, total: number) => void): Promise<VerifyReport> {
  const root = library.path;
  const problems: string[] = [];
  const notes: string[] = [];

  // Shards are read again from disk: the library in memory may have skipped damaged ones.
  const { catalog, damaged } = await Catalog.load(join(root, 'catalog'));
  for (const shard of damaged) problems.push(`catalog: ${shard.path} is damaged: ${shard.reason}`);

  // Evidence: the keys that signed, and the roots timestamps may chain to.
  let keys: LibraryKeys | null = null;
  try {
    keys = await LibraryKeys.open(root);
  } catch (error) {
    problems.push((error as Error).message);
  }
  const anchors = await trustAnchors(root).catch((error: unknown) => {
    problems.push((error as Error).message);
    return [];
  });
  /** Each signed capture's manifest hash, for the custody log's cross-check. */
  const sealed = new Map<string, string>();
  let unsealed = 0;

  const records = catalog.all();
  for (const [i, record] of records.entries()) {
    const where = `article ${record.id} ("${record.title}")`;
    try {
      const content = await readCapture(root, record.id);
      if (sha256(Buffer.from(content.text, 'utf8')) !== record.provenance.textSha256) {
        problems.push(`${where}: its text does not match the SHA-256 recorded when it was captured`);
      } else if (record.provenance.textSketch !== undefined && textSketch(content.text) !== record.provenance.textSketch) {
        // The duplicate finder trusts the stored sketch; one that no longer fits the text would hide duplicates.
        problems.push(`${where}: its text sketch (for finding duplicates) does not match its text`);
      }
      // Captures are write-once: the provenance stored with the capture must be the catalog's.
      if (content.record && JSON.stringify(content.record.provenance) !== JSON.stringify(record.provenance)) {
        problems.push(`${where}: its provenance in the catalog differs from the one stored with its capture`);
      }
      // Images are named by their SHA-256: a missing or altered one is damage.
      // A scan's page images and further files as received are assets too (storage/scan-capture.ts).
      for (const name of [...assetReferences(content.html), ...(content.scan ? scanAssets(content.scan) : [])]) {
        const asset = await readAsset(root, name);
        if (!asset) problems.push(`${where}: its image assets/${name} is missing`);
        else if (`${sha256(asset.bytes)}.${name.split('.')[1]}` !== name) problems.push(`${where}: its image assets/${name} does not match its SHA-256`);
      }
      const original = await readOriginal(root, record.id);
      if (sha256(original.bytes) !== record.provenance.originalSha256) {
        problems.push(`${where}: the original as received does not match its recorded SHA-256`);
      }
      if (keys) {
        const evidence = await checkCapture({ root, record, content, original: original.bytes, timestamp: await readTimestamp(root, record.id), keys, anchors });
        problems.push(...evidence.problems);
        if (evidence.sealed) sealed.set(record.id, evidence.sealed.sha256);
        else unsealed++;
      }
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
    }
    if (onProgress && (i % 1000 === 0 || i === records.length - 1)) onProgress(i + 1, records.length);
  }

  if (keys) {
    const custody = await checkCustody(root, keys).catch((error: unknown) => {
      problems.push((error as Error).message);
      return null;
    });
    if (custody) {
      problems.push(...custody.problems);
      notes.push(...custody.notes);
      for (const [id, manifest] of sealed) {
        const recorded = custody.captured.get(id);
        if (!recorded) problems.push(`article ${id}: no custody log entry records its capture (manifest ${manifest.slice(0, 12)}…)`);
        else if (!recorded.has(manifest)) problems.push(`article ${id}: its manifest is not the one the custody log recorded at its capture (it was replaced)`);
      }
      // What the log says was captured and never deleted must still be here.
      const inCatalog = new Set(records.map((record) => record.id));
      const onDisk = new Set(await listCaptureIds(root).catch(() => [] as string[]));
      for (const id of custody.captured.keys()) {
        if (inCatalog.has(id) || custody.deleted.has(id) || custody.abandoned.has(id)) continue;
        if (onDisk.has(id)) notes.push(`article ${id}: the custody log records its capture, but the add did not finish (its capture is not in the catalog)`);
        else problems.push(`article ${id}: the custody log records its capture, but it is not in the library and no entry records its deletion`);
      }
      for (const id of custody.deleted) {
        if (inCatalog.has(id)) notes.push(`article ${id}: the custody log records its deletion, but it is still in the library (a deletion that did not finish; delete it again)`);
      }
    }
  }
  if (unsealed > 0) notes.push(`${unsealed} article(s) were captured before Cuttings signed captures: they have hashes but no signed manifest`);
  // Without a TSA chosen, captures are not timestamped, by the user's choice: nothing to say.
  const waiting = (await readChosenTsa(root)) ? await new TimestampQueue(root).count().catch(() => 0) : 0;
  if (waiting > 0) notes.push(`${waiting} capture(s) wait for a timestamp (\`cuttings timestamp\` sends them)`);

  const known = new Set(records.map((record) => record.id));
  const shards = await readdir(join(root, 'articles')).catch(() => [] as string[]);
  const orphans = (await listCaptureIds(root, shards)).filter((id) => !known.has(id));
  if (orphans.length > 0) {
    notes.push(`${orphans.length} capture(s) in articles/ are not in the catalog (an add that did not finish): ${orphans.slice(0, 5).join(', ')}${orphans.length > 5 ? ', …' : ''}`);
  }

  const loaded = await loadSnapshot(root);
  if (!loaded) {
    notes.push('the search index has no usable snapshot; it is built on the next search (or run `cuttings reindex`)');
  } else {
    const snapshot = { index: loaded.index, coverage: expandCoverage(loaded.coverage) };
    const versions = catalog.shardVersions();
    const behind = Object.keys({ ...versions, ...snapshot.coverage.shardVersions }).filter((shard) => versions[shard] !== snapshot.coverage.shardVersions[shard]);
    for (const shard of Object.keys(versions)) {
      if (behind.includes(shard)) continue;
      for (const id of catalog.idsInShard(shard)) {
        if (!snapshot.index.has(id)) problems.push(`index: article ${id} is in the catalog but not in the search index`);
      }
      for (const id of Object.keys(snapshot.coverage.indexed[shard] ?? {})) {
        if (!known.has(id)) problems.push(`index: article ${id} is in the search index but not in the catalog`);
      }
    }
    if (behind.length > 0) notes.push(`the search index is behind the catalog in ${behind.length} shard(s); it catches up on the next search`);
  }
  return { articles: records.length, problems, notes };
}
