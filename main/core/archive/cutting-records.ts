/**
 * One cutting as WARC records, in the order they are written:
 *
 *   a page fetched by address   `request` + `response` for each redirect, then `request` +
 *                               `response` with the page as received
 *   anything else               one `resource` record with the original (a saved page, a PDF,
 *                               an .mhtml, pasted text), and so also a page fetched before
 *                               Cuttings kept HTTP headers (its metadata says so)
 *   each image the reader shows `request` + `response` when it was fetched and its exchange
 *                               kept, else a `resource` record
 *   then                        the `metadata` record (cutting-metadata.ts)
 *
 * A payload's digest is the hash Cuttings stored for it (the original's SHA-256, an image's
 * name), which the WARC's readers can check against the bytes.
 */
import { ASSET_PROTOCOL } from '../../../common/schemes';
import { unescapeAttribute } from '../clip/escape-html';
import { ASSET_TYPES } from '../storage/assets';
import type { ArticleRecord } from '../storage/article-record';
import type { CapturedContent, OriginalKind } from '../storage/captures';
import type { HttpExchange } from '../storage/http-exchange';
import { CUTTING_METADATA_FORMAT, CUTTING_METADATA_TYPE, CUTTING_METADATA_VERSION, NO_HTTP_KEPT, type CuttingMetadata, type CuttingSigner } from './cutting-metadata';
import { headerValue } from './http-block';
import { hadBody, requestHead, responseHead } from './http-message';
import { newRecordId, sha256Of, type WarcRecordSpec } from './warc-record';

/** A cutting as the library keeps it, for writing as records. */
export interface StoredCutting {
  record: ArticleRecord;
  content: CapturedContent;
  original: { kind: OriginalKind; bytes: Buffer };
  /** A stored image's bytes by asset name; null when it is missing (verify reports that). */
  readAsset(name: string): Buffer | null;
  /** The public key that signed its manifest, when the library knows it. */
  signer?: CuttingSigner;
}

/** A cutting's records, and the page it is. */
export interface CuttingRecords {
  records: WarcRecordSpec[];
  /** The page for pages.jsonl: the cutting's id, address, capture time and title. */
  page: { id: string; url: string; date: string; title: string };
}

/** The media type a kind of original is written as, when no server said. */
const ORIGINAL_TYPES: Record<OriginalKind, string> = {
  html: 'text/html',
  txt: 'text/plain; charset=utf-8',
  pdf: 'application/pdf',
  mhtml: 'multipart/related',
  jpg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
  webp: 'image/webp',
};

/** The address of a cutting that has none (pasted text): a URN, not a made-up web address. */
export function cuttingUrn(id: string): string {
  return `urn:cuttings:${id}`;
}

/** Builds a cutting's records. */
export function cuttingRecords(cutting: StoredCutting): CuttingRecords {
  const { record, content, original } = cutting;
  const records: WarcRecordSpec[] = [];
  const exchanges = content.http?.page ?? [];
  let main: WarcRecordSpec;
  if (exchanges.length > 0) {
    exchanges.slice(0, -1).forEach((hop) => records.push(...exchangeRecords(hop, redirectBody(hop))));
    const pair = exchangeRecords(exchanges[exchanges.length - 1]!, { bytes: original.bytes, sha256: record.provenance.originalSha256 });
    records.push(...pair);
    main = pair[1]!;
  } else {
    const provenance = record.provenance;
    main = {
      type: 'resource',
      id: newRecordId(),
      date: provenance.captured,
      targetUri: provenance.finalUrl ?? provenance.originalUrl ?? record.url ?? cuttingUrn(record.id),
      contentType: provenance.contentType && original.kind === 'html' ? provenance.contentType : ORIGINAL_TYPES[original.kind],
      block: [original.bytes],
      payloadFrom: 0,
      payloadSha256: provenance.originalSha256,
    };
    main.serves = { mime: main.contentType, status: 200 };
    records.push(main);
  }
  const images: CuttingMetadata['images'] = [];
  const fetched = new Map((content.http?.images ?? []).map((image) => [image.asset, image]));
  for (const [asset, shownFrom] of imagesShown(content.html)) {
    const bytes = cutting.readAsset(asset);
    if (!bytes) continue;
    const sha256 = asset.split('.')[0]!;
    const image = fetched.get(asset);
    let holder: WarcRecordSpec;
    if (image && image.exchanges.length > 0) {
      image.exchanges.slice(0, -1).forEach((hop) => records.push(...exchangeRecords(hop, redirectBody(hop))));
      const pair = exchangeRecords(image.exchanges[image.exchanges.length - 1]!, { bytes, sha256 });
      records.push(...pair);
      holder = pair[1]!;
    } else {
      holder = {
        type: 'resource',
        id: newRecordId(),
        date: record.provenance.captured,
        targetUri: shownFrom ?? `urn:cuttings:asset:${asset}`,
        contentType: ASSET_TYPES[asset.split('.')[1]!] ?? 'application/octet-stream',
        block: [bytes],
        payloadFrom: 0,
        payloadSha256: sha256,
      };
      holder.serves = { mime: holder.contentType, status: 200 };
      records.push(holder);
    }
    images.push({ asset, record: holder.id!, url: holder.targetUri! });
  }
  const metadata: CuttingMetadata = {
    format: CUTTING_METADATA_FORMAT,
    schemaVersion: CUTTING_METADATA_VERSION,
    record,
    capture: content,
    original: { kind: original.kind, record: main.id! },
    images,
    http: exchanges.length > 0 ? 'kept' : record.provenance.method === 'url' ? NO_HTTP_KEPT : 'none',
    ...(cutting.signer ? { signer: cutting.signer } : {}),
  };
  records.push({
    type: 'metadata',
    date: record.provenance.captured,
    targetUri: main.targetUri!,
    contentType: CUTTING_METADATA_TYPE,
    fields: [['WARC-Refers-To', main.id!]],
    block: [Buffer.from(JSON.stringify(metadata), 'utf8')],
  });
  return { records, page: { id: record.id, url: main.targetUri!, date: main.date, title: record.title } };
}

/** A redirect's body as kept (null when it was too long to keep). */
function redirectBody(hop: HttpExchange): { bytes: Buffer; sha256: string } | null {
  if (hop.redirectBody === undefined) return null;
  const bytes = Buffer.from(hop.redirectBody, 'base64');
  return { bytes, sha256: sha256Of([bytes]) };
}

/**
 * A request and its response as two records, the request naming the response it went with.
 * `body` is what the capture kept of the response's body; null for a redirect's that was not
 * kept (over 64 KB), whose record is then marked truncated.
 */
function exchangeRecords(exchange: HttpExchange, body: { bytes: Buffer; sha256: string } | null): [WarcRecordSpec, WarcRecordSpec] {
  const responseId = newRecordId();
  const url = exchange.request.url;
  const serves = { mime: headerValue(exchange.response.headers, 'content-type') ?? (body ? 'application/octet-stream' : 'text/html'), status: exchange.response.status };
  const response: WarcRecordSpec = body
    ? {
        type: 'response',
        id: responseId,
        date: exchange.sent,
        targetUri: url,
        contentType: 'application/http; msgtype=response',
        block: [responseHead(exchange.response, body.bytes.length), body.bytes],
        payloadFrom: 1,
        payloadSha256: body.sha256,
        serves,
      }
    : {
        type: 'response',
        id: responseId,
        date: exchange.sent,
        targetUri: url,
        contentType: 'application/http; msgtype=response',
        block: [responseHead(exchange.response, null)],
        // A redirect's body over 64 KB was not kept (only its head): the record says so.
        fields: hadBody(exchange.response) ? [['WARC-Truncated', 'length']] : [],
        serves,
      };
  const request: WarcRecordSpec = {
    type: 'request',
    date: exchange.sent,
    targetUri: url,
    contentType: 'application/http; msgtype=request',
    fields: [['WARC-Concurrent-To', responseId]],
    block: [requestHead(exchange.request)],
  };
  return [request, response];
}

/** An image's `src` that is a stored asset; group 1 is its name. */
const SHOWN_ASSET = new RegExp(`\\ssrc="${ASSET_PROTOCOL}([0-9a-f]{64}\\.[a-z]+)"`, 'u');

/** The assets the reader HTML shows, each with the address it was shown from (its `data-src`), in order. */
function imagesShown(html: string): Map<string, string | null> {
  const shown = new Map<string, string | null>();
  for (const [tag] of html.matchAll(/<img\b[^>]*>/giu)) {
    const asset = SHOWN_ASSET.exec(tag)?.[1];
    if (!asset || shown.get(asset)) continue;
    const from = /\sdata-src="(https?:[^"]+)"/iu.exec(tag)?.[1];
    shown.set(asset, from ? unescapeAttribute(from) : null);
  }
  return shown;
}
