/**
 * `cuttings import crawl.warc.gz | site.wacz`: web archives made by other tools (wget,
 * Browsertrix, ArchiveWeb.page, js-wacz…) and by Cuttings itself.
 *
 * The whole archive is read first (archive/warc-reader.ts; a WACZ is checked and its WARCs
 * copied out by wacz-file.ts), every payload that may be wanted put aside in a temporary
 * folder — so a truncated file, a record claiming 10 GB or a hash that does not match refuses
 * the archive, in one line, before anything is stored. Then:
 *
 *   - each cutting Cuttings wrote (its metadata record, archive/cutting-metadata.ts) comes
 *     back exactly, as from a Cuttings archive: same id, record, capture, original, tags,
 *     note and highlights, its images into the asset store, every hash checked;
 *   - every other HTML page — a `response` with a 2xx status or a `resource` of an HTML type
 *     — becomes a cutting, clipped like any page, its images taken from the archive's own
 *     records (nothing is fetched), its provenance naming the archive, the record's id and
 *     its WARC-Date. A WACZ's pages/pages.jsonl, when it has one, decides which are pages
 *     (a listed address that redirected counts by where it led). Duplicates are caught as in
 *     every import (run-import.ts): the same address, text or page bytes.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { CuttingsError } from '../../../common/errors';
import { CUTTING_METADATA_FORMAT, CUTTING_METADATA_TYPE, CUTTING_METADATA_VERSION, type CuttingMetadata } from '../archive/cutting-metadata';
import { headerValue, parseHttpResponse } from '../archive/http-block';
import { readWarc, type WarcReadOptions } from '../archive/warc-reader';
import { decodeText } from '../capture/decode-text';
import { sha256 } from '../clip/clip-item';
import type { ArticleStore, RestoreItem } from '../library/article-access';
import { parseKeys, type KnownKey } from '../evidence/library-keys';
import { checkHighlightsInText } from '../notes/stored-annotations';
import { ASSET_NAME, storeAsset } from '../storage/assets';
import type { OriginalKind } from '../storage/captures';
import { checkRecord } from './archive';
import type { ImportCandidate, ImportReport } from './import-candidate';
import { KnownArticles, runImport } from './run-import';
import { openWacz, type WaczPage } from './wacz-file';
import type { ZipLimits } from './zip-reader';

/** Options for importing a web archive. */
export interface WebArchiveImportOptions {
  onProgress?: (done: number, total: number) => void;
  zipLimits?: ZipLimits;
  /** Record size limit (tests lower it). */
  warc?: WarcReadOptions;
}

/** A record's payload put aside, with what it serves. */
interface Payload {
  /** `record 3 of crawl.warc.gz`. */
  label: string;
  id: string;
  date: string;
  url: string;
  status: number;
  /** The media type served, lower case, without parameters. */
  mime: string;
  charset: string | null;
  file: string;
  sha256: string;
}

/** What reading the archive found. */
interface Found {
  payloads: Payload[];
  byId: Map<string, Payload>;
  /** The first 2xx image (or other resource) at each address. */
  byUrl: Map<string, Payload>;
  /** Where each redirect in the archive leads. */
  redirects: Map<string, string>;
  /** The files holding Cuttings' metadata records. */
  metadata: { label: string; file: string }[];
  /** Records seen, by type, for the message when there is nothing to import. */
  counts: Map<string, number>;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
/** Cuttings restored a batch at a time, as the archive import does. */
const RESTORE_BATCH = 500;
/** Pages clipped and stored together: each carries its images, so fewer than a plain import's 1,000. */
const PAGE_BATCH = 50;

/** Imports the WARC or WACZ at `path`. */
export async function importWebArchive(library: ArticleStore, path: string, format: 'warc' | 'wacz', options: WebArchiveImportOptions = {}): Promise<ImportReport> {
  const name = basename(path);
  const folder = await mkdtemp(join(tmpdir(), 'cuttings-web-archive-'));
  try {
    let warcs = [{ name, path }];
    let pages: WaczPage[] | null = null;
    let notes: string[] = [];
    if (format === 'wacz') ({ warcs, pages, notes } = await openWacz(path, name, folder, options.zipLimits));
    const found = await readArchive(warcs, format === 'wacz' ? name : null, folder, options.warc);
    const restores = await restorable(found);
    const claimed = new Set(restores.flatMap((restore) => restore.records));
    const listed = pages ? listedUrls(pages, found.redirects) : null;
    const pagePayloads = found.payloads.filter((payload) => HTML_TYPES.has(payload.mime) && payload.status >= 200 && payload.status < 300 && !claimed.has(payload.id) && (!listed || listed.has(payload.url)));
    if (restores.length === 0 && pagePayloads.length === 0) throw nothingToImport(format, name, found, pages);
    const total = restores.length + pagePayloads.length;
    const report = await restoreCuttings(library, restores, found, (done) => options.onProgress?.(done, total));
    const candidates = pageCandidates(pagePayloads, found, name);
    const pageReport = await runImport(library, format, candidates, { total: pagePayloads.length, batchSize: PAGE_BATCH, onProgress: (done) => options.onProgress?.(restores.length + done, total) });
    return {
      format,
      imported: report.imported + pageReport.imported,
      urlOnly: 0,
      duplicates: [...report.duplicates, ...pageReport.duplicates],
      failed: [...report.failed, ...pageReport.failed],
      unfetched: [],
      ...(notes.length > 0 ? { notes } : {}),
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Reads every record of the WARCs, putting aside the payloads and metadata an import may want. */
async function readArchive(warcs: { name: string; path: string }[], wacz: string | null, folder: string, options?: WarcReadOptions): Promise<Found> {
  const found: Found = { payloads: [], byId: new Map(), byUrl: new Map(), redirects: new Map(), metadata: [], counts: new Map() };
  let saved = 0;
  for (const warc of warcs) {
    // In a WACZ the WARC is named by its place in it (`site.wacz: archive/data.warc.gz`).
    const fileName = wacz ? `${wacz}: ${warc.name}` : warc.name;
    const wanted = (type: string, contentType: string) => type === 'response' || type === 'resource' || (type === 'metadata' && contentType.startsWith(CUTTING_METADATA_TYPE));
    for await (const { head, block } of readWarc(warc.path, fileName, (record) => wanted(record.type, record.contentType), options)) {
      found.counts.set(head.type, (found.counts.get(head.type) ?? 0) + 1);
      if (!block) continue;
      const label = `record ${head.number} of ${fileName}`;
      const file = join(folder, `payload-${++saved}`);
      if (head.type === 'metadata') {
        await writeFile(file, block);
        found.metadata.push({ label, file });
        continue;
      }
      if (!head.url) continue;
      let status = 200;
      let contentType = head.contentType;
      let body = block;
      if (head.type === 'response') {
        try {
          const response = parseHttpResponse(block);
          status = response.status;
          contentType = headerValue(response.headers, 'content-type') ?? '';
          body = response.body;
          const location = headerValue(response.headers, 'location');
          if (status >= 300 && status < 400 && location) found.redirects.set(head.url, resolveUrl(location, head.url));
        } catch {
          // A response that cannot be read is no page; the records around it still are.
          continue;
        }
      }
      const [type = '', ...parameters] = contentType.split(';');
      const charset = parameters.map((parameter) => /^\s*charset\s*=\s*"?([^";\s]+)/iu.exec(parameter)?.[1]).find(Boolean) ?? null;
      await writeFile(file, body);
      const payload: Payload = { label, id: head.id, date: head.date, url: head.url, status, mime: type.trim().toLowerCase(), charset, file, sha256: sha256(body) };
      found.payloads.push(payload);
      found.byId.set(payload.id, payload);
      if (status >= 200 && status < 300 && !found.byUrl.has(payload.url)) found.byUrl.set(payload.url, payload);
    }
  }
  return found;
}

/** A cutting of Cuttings' own, ready to restore, and the records it takes. */
interface Restorable {
  label: string;
  metadata: CuttingMetadata;
  records: string[];
}

/** The Cuttings metadata records, read; one that does not parse is refused with the archive. */
async function restorable(found: Found): Promise<Restorable[]> {
  const restores: Restorable[] = [];
  for (const { label, file } of found.metadata) {
    let metadata: CuttingMetadata;
    try {
      metadata = JSON.parse(await readFile(file, 'utf8')) as CuttingMetadata;
    } catch (error) {
      throw new CuttingsError('bad-content', `warc: ${label} is a Cuttings metadata record that does not parse (${(error as Error).message})`);
    }
    if (metadata?.format !== CUTTING_METADATA_FORMAT) continue;
    if (metadata.schemaVersion > CUTTING_METADATA_VERSION) {
      throw new CuttingsError('bad-content', `warc: ${label} was written with cutting metadata version ${metadata.schemaVersion}; this Cuttings reads up to ${CUTTING_METADATA_VERSION}: update Cuttings to import it`);
    }
    const records = [metadata.original?.record, ...(metadata.images ?? []).map((image) => image.record)].filter((id): id is string => typeof id === 'string');
    restores.push({ label, metadata, records });
  }
  return restores;
}

/** Puts Cuttings' own cuttings back, each whole or failed with its reason; the same id already in the library is a duplicate. */
async function restoreCuttings(library: ArticleStore, restores: Restorable[], found: Found, onProgress: (done: number) => void): Promise<ImportReport> {
  const report: ImportReport = { format: 'restore', imported: 0, urlOnly: 0, duplicates: [], failed: [], unfetched: [] };
  if (restores.length === 0) return report;
  await library.prepareSearch();
  const known = await KnownArticles.of(library);
  let batch: RestoreItem[] = [];
  let done = 0;
  // The keys that signed the cuttings' manifests, learnt before the captures they signed are stored.
  const signers = new Map<string, KnownKey>();
  const flush = async () => {
    await library.learnKeys([...signers.values()]);
    if (batch.length > 0) report.imported += (await library.restoreBatch(batch)).length;
    batch = [];
    onProgress(done);
  };
  for (const restore of restores) {
    done++;
    let label = restore.label;
    try {
      const record = checkRecord(restore.metadata.record);
      label = `cutting ${record.id} (${JSON.stringify(record.title)})`;
      const duplicate = known.duplicateReason({ id: record.id });
      if (duplicate) {
        report.duplicates.push({ item: label, reason: duplicate });
        continue;
      }
      const item = await restoreItem(restore.metadata, record, found, library.path);
      const signer = restore.metadata.signer;
      if (signer) {
        const keys = parseKeys(JSON.stringify({ format: 'cuttings.library-keys', version: 1, keys: [signer] }));
        if (typeof keys === 'string') throw new Error(`the key that signed it is not usable (${keys})`);
        signers.set(keys[0]!.fingerprint, keys[0]!);
      }
      known.remember({ id: record.id });
      batch.push(item);
    } catch (error) {
      report.failed.push({ item: label, message: (error as Error).message });
    }
    if (batch.length >= RESTORE_BATCH) await flush();
  }
  await flush();
  return report;
}

/** One of Cuttings' own cuttings checked against every hash it carries, its images stored. */
async function restoreItem(metadata: CuttingMetadata, record: ReturnType<typeof checkRecord>, found: Found, root: string): Promise<RestoreItem> {
  const content = metadata.capture;
  if (typeof content?.text !== 'string' || typeof content.html !== 'string' || content.id !== record.id) throw new Error('its metadata record carries no capture of it');
  if (sha256(Buffer.from(content.text, 'utf8')) !== record.provenance.textSha256) throw new Error('its text does not match the SHA-256 recorded when it was captured');
  checkHighlightsInText(record.highlights ?? [], content.text);
  const kind = metadata.original?.kind;
  // A scan's page images and further files are assets the WARC export does not carry: such a
  // cutting comes back whole only from a .cuttings archive.
  if (content.scan !== undefined) throw new Error(`it is a scan (${String(kind)}), whose page images a web archive does not carry; import it from a .cuttings archive`);
  if (!(['html', 'txt', 'pdf', 'mhtml'] as readonly OriginalKind[]).includes(kind)) throw new Error(`its original's kind ${JSON.stringify(kind)} is not one Cuttings keeps`);
  const originalPayload = found.byId.get(metadata.original.record);
  if (!originalPayload) throw new Error(`the record of its original, ${metadata.original.record}, is not in the archive`);
  if (originalPayload.sha256 !== record.provenance.originalSha256) throw new Error('its original does not match the SHA-256 recorded when it was captured');
  for (const image of metadata.images ?? []) {
    const payload = found.byId.get(image.record);
    if (!ASSET_NAME.test(image.asset) || !payload) throw new Error(`its image ${image.asset} is not in the archive`);
    if (`${payload.sha256}.${image.asset.split('.')[1]}` !== image.asset) throw new Error(`its image ${image.asset} does not match its SHA-256`);
    await storeAsset(root, await readFile(payload.file), image.asset.split('.')[1]!);
  }
  return { record, content, original: await readFile(originalPayload.file), kind };
}

/** The addresses pages.jsonl lists, with where each led when the archive holds its redirect. */
function listedUrls(pages: WaczPage[], redirects: Map<string, string>): Set<string> {
  const listed = new Set<string>();
  for (const page of pages) {
    let url = page.url;
    listed.add(url);
    for (let hops = 0; hops < 10 && redirects.has(url); hops++) {
      url = redirects.get(url)!;
      listed.add(url);
    }
  }
  return listed;
}

/** Each page as an item to clip: its bytes, its address, its images from the archive and its provenance. */
async function* pageCandidates(pages: Payload[], found: Found, archive: string): AsyncGenerator<ImportCandidate> {
  const images = {
    // The archive's own image at that address (after its redirects), read when the clipper asks.
    get: async (url: string) => {
      let at = url;
      for (let hops = 0; hops < 10 && !found.byUrl.has(at) && found.redirects.has(at); hops++) at = found.redirects.get(at)!;
      const payload = found.byUrl.get(at);
      return payload && payload.mime.startsWith('image/') ? readFile(payload.file) : null;
    },
  };
  for (const page of pages) {
    const bytes = await readFile(page.file);
    const label = `${page.label} (${page.url})`;
    if (bytes.length === 0) {
      yield { label, error: 'the page is empty' };
      continue;
    }
    yield {
      label,
      url: page.url,
      originalSha256: page.sha256,
      item: {
        kind: 'html',
        request: { html: decodeText(bytes, page.charset) },
        original: bytes,
        originalKind: 'html',
        method: 'import',
        name: page.url,
        pageUrl: page.url,
        images: { embedded: images, fetchRemote: false },
        provenance: {
          originalUrl: page.url,
          finalUrl: page.url,
          httpStatus: page.status,
          contentType: page.mime,
          archived: { archive, recordId: page.id, date: page.date },
        },
      },
    };
  }
}

/** The one line for an archive with nothing to import. */
function nothingToImport(format: 'warc' | 'wacz', name: string, found: Found, pages: WaczPage[] | null): CuttingsError {
  const total = [...found.counts.values()].reduce((sum, count) => sum + count, 0);
  const kinds = [...found.counts.entries()].map(([type, count]) => `${count} ${type || 'untyped'}`).join(', ');
  if (pages && pages.length > 0) {
    return new CuttingsError('bad-content', `wacz: ${name}'s pages.jsonl lists ${pages.length} page${pages.length === 1 ? '' : 's'}, none of them an HTML page in its WARCs (${kinds}); nothing was imported`);
  }
  return new CuttingsError('bad-content', `${format}: ${name} holds no HTML pages (${total} record${total === 1 ? '' : 's'}${kinds ? `: ${kinds}` : ''}); nothing was imported`);
}

function resolveUrl(location: string, base: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}
