/**
 * Writes a WACZ 1.1.1 (Webrecorder's Web Archive Collection Zipped) as one stream:
 *
 *   archive/data-00001.warc.gz   the cuttings' WARC records (cutting-records.ts), a new file
 *                                 past {@link WARC_FILE_BYTES}; each starts with a warcinfo
 *   indexes/index.cdxj            every response and resource record, sorted (cdxj-index.ts)
 *   pages/pages.jsonl             one page per cutting: id, address, capture time, title
 *   datapackage.json              every file above with its size and SHA-256, and who made it
 *   datapackage-digest.json       the SHA-256 of datapackage.json
 *
 * Everything is stored, not deflated (stored-zip.ts), so that ReplayWeb.page reads a record
 * by its offset. Memory stays flat: records go out as they are made, the index is sorted in
 * runs on disk, the pages wait in a file, both in `folder` (the caller's temporary folder).
 *
 * datapackage-digest.json is written last and alone, by {@link digestOf}: a signature (WACZ
 * Signing and Verification: `signedData`) is added there and nowhere else, through
 * `options.signDigest`, without touching the rest of the writer.
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { cdxjLine, SortedLines } from './cdxj-index';
import { cuttingRecords, type StoredCutting } from './cutting-records';
import { StoredZipWriter, type ZipEntryResult, type ZipEntrySink } from './stored-zip';
import { warcinfoRecord } from './warcinfo';
import { WarcWriter, type ByteSink } from './warc-writer';

/** The WACZ version written. */
export const WACZ_VERSION = '1.1.1';

/** A WARC in the WACZ is closed, and the next begun, once it passes this size (as Browsertrix does at 1 GB). */
export const WARC_FILE_BYTES = 1024 ** 3;

/** The digest of datapackage.json, as datapackage-digest.json holds it. */
export interface PackageDigest {
  path: 'datapackage.json';
  /** `sha256:<hex>`. */
  hash: string;
}

/** What to say about the collection, and how. */
export interface WaczOptions {
  /** When it was made (datapackage.json's `created`, every zip entry's time). */
  created: Date;
  title: string;
  /** Markdown. */
  description?: string;
  /** `Cuttings 0.1.0`. */
  software: string;
  /** Start a new WARC past this many bytes (tests lower it). */
  warcFileBytes?: number;
  /**
   * Fields to add to datapackage-digest.json beside `path` and `hash`, given them: where a
   * signature goes (`{ signedData: … }`). Absent: the digest alone.
   */
  signDigest?: (digest: PackageDigest) => Promise<Record<string, unknown>>;
}

/** A resource of datapackage.json. */
export interface PackageResource {
  name: string;
  path: string;
  hash: string;
  bytes: number;
}

/** What was written. */
export interface WaczSummary {
  pages: number;
  resources: PackageResource[];
  digest: PackageDigest & Record<string, unknown>;
}

/** A WACZ being written: add cuttings, then end it. */
export class WaczWriter {
  private readonly zip: StoredZipWriter;
  private readonly index: SortedLines;
  private readonly pages: WriteStream;
  private readonly pagesPath: string;
  private readonly resources: PackageResource[] = [];
  private warc: { entry: ZipEntrySink; writer: WarcWriter; name: string } | null = null;
  private warcCount = 0;
  private pageCount = 0;
  private mainPage: { url: string; date: string } | null = null;

  constructor(
    sink: ByteSink,
    /** A folder of the caller's for the index's runs and the pages, removed by the caller after. */
    private readonly folder: string,
    private readonly options: WaczOptions,
  ) {
    this.zip = new StoredZipWriter(sink, options.created);
    this.index = new SortedLines(folder);
    this.pagesPath = join(folder, 'pages.jsonl');
    this.pages = createWriteStream(this.pagesPath);
    this.pages.write(`${JSON.stringify({ format: 'json-pages-1.0', id: 'pages', title: 'All Pages' })}\n`);
  }

  /** Writes one cutting's records, indexes them and lists its page. */
  async add(cutting: StoredCutting): Promise<void> {
    const warc = await this.currentWarc();
    const { records, page } = cuttingRecords(cutting);
    for (const spec of records) {
      const written = await warc.writer.write(spec);
      if (spec.serves) {
        await this.index.add(
          cdxjLine({ url: spec.targetUri!, date: spec.date, mime: spec.serves.mime, status: spec.serves.status, digest: written.payloadDigest ?? '', offset: written.offset, length: written.length, filename: warc.name }),
        );
      }
    }
    this.mainPage ??= { url: page.url, date: page.date };
    this.pageCount++;
    if (!this.pages.write(`${JSON.stringify({ id: page.id, url: page.url, ts: page.date, title: page.title })}\n`)) await once(this.pages, 'drain');
    if (warc.writer.size >= (this.options.warcFileBytes ?? WARC_FILE_BYTES)) await this.closeWarc();
  }

  /** Writes the index, the pages and the data package; the WACZ is complete once this resolves. */
  async end(): Promise<WaczSummary> {
    // A WACZ has at least one WARC, if only its warcinfo.
    if (this.warcCount === 0) await this.currentWarc();
    await this.closeWarc();
    const index = await this.zip.entry('indexes/index.cdxj');
    const lines: string[] = [];
    const flush = async () => {
      if (lines.length > 0) await index.write(Buffer.from(lines.join(''), 'utf8'));
      lines.length = 0;
    };
    for await (const line of this.index.sorted()) {
      lines.push(`${line}\n`);
      if (lines.length >= 1000) await flush();
    }
    await flush();
    this.listed(await index.end());
    this.pages.end();
    await once(this.pages, 'close');
    const pages = await this.zip.entry('pages/pages.jsonl');
    for await (const chunk of createReadStream(this.pagesPath)) await pages.write(chunk as Buffer);
    this.listed(await pages.end());
    const datapackage = Buffer.from(`${JSON.stringify(this.datapackage(), null, 2)}\n`, 'utf8');
    const written = await this.zip.add('datapackage.json', datapackage);
    const digest = await digestOf(written.sha256, this.options.signDigest);
    await this.zip.add('datapackage-digest.json', Buffer.from(`${JSON.stringify(digest, null, 2)}\n`, 'utf8'));
    await this.zip.end();
    return { pages: this.pageCount, resources: this.resources, digest };
  }

  /** Stops writing; the caller removes the folder and the partial output. */
  abort(): void {
    this.pages.destroy();
  }

  private datapackage(): Record<string, unknown> {
    const created = this.options.created.toISOString();
    return {
      profile: 'data-package',
      wacz_version: WACZ_VERSION,
      title: this.options.title,
      ...(this.options.description ? { description: this.options.description } : {}),
      created,
      modified: created,
      software: this.options.software,
      ...(this.mainPage ? { mainPageUrl: this.mainPage.url, mainPageDate: this.mainPage.date } : {}),
      resources: this.resources,
    };
  }

  private listed(entry: ZipEntryResult): void {
    this.resources.push({ name: entry.name.split('/').pop()!, path: entry.name, hash: `sha256:${entry.sha256}`, bytes: entry.bytes });
  }

  private async currentWarc(): Promise<NonNullable<WaczWriter['warc']>> {
    if (this.warc) return this.warc;
    const name = `data-${String(++this.warcCount).padStart(5, '0')}.warc.gz`;
    const entry = await this.zip.entry(`archive/${name}`);
    const writer = new WarcWriter(entry);
    await writer.write(warcinfoRecord(name, this.options.created, this.options.software, this.options.title));
    this.warc = { entry, writer, name };
    return this.warc;
  }

  private async closeWarc(): Promise<void> {
    if (!this.warc) return;
    this.listed(await this.warc.entry.end());
    this.warc = null;
  }
}

/** datapackage-digest.json's content for a datapackage.json of this SHA-256, with what `sign` adds. */
export async function digestOf(sha256: string, sign?: WaczOptions['signDigest']): Promise<PackageDigest & Record<string, unknown>> {
  const digest: PackageDigest = { path: 'datapackage.json', hash: `sha256:${sha256}` };
  return { ...digest, ...(sign ? await sign(digest) : {}) };
}
