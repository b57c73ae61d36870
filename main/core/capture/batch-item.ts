/**
 * What capturing hands the add pipeline (library/add-pipeline.ts): one article to add, as a
 * file, a fetched page, the browser or an import line gave it, with what is known of where it
 * came from. Every way in builds one, so it sits here, below them all.
 */
import type { LookupFunction } from 'node:net';
import type { AddHtmlRequest, AddTextRequest } from '../../../common/api';
import type { Provenance } from '../../../common/article';
import type { OriginalKind } from '../storage/captures';
import type { HttpExchanges } from '../storage/http-exchange';
import type { StoredScan } from '../storage/scan-capture';
import type { ScanWordSpan } from '../clip/scan-text';

/** How an article came in, for provenance. */
export type CaptureMethod = Provenance['method'];

/** One article to add, alone (Library.addChecked) or in a batch (Library.addBatch). */
export interface BatchItem {
  /** `scan`: text recognised from images (main/core/ocr), kept as recognised, with `scan` beside it. */
  kind: 'text' | 'html' | 'scan';
  request: AddTextRequest | AddHtmlRequest;
  /** The bytes as received, if not the text or HTML itself (an import line, say). */
  original?: Uint8Array;
  method: CaptureMethod;
  /** What the original bytes are, when not the text or HTML itself (a PDF, a web archive). */
  originalKind?: OriginalKind;
  /** What to call the input in error messages when it has no file name (its URL, say). */
  name?: string;
  /** Where a page was fetched from, to resolve its links; not a user override of the URL. */
  pageUrl?: string;
  /**
   * Download the article's images into the asset store before storing it (a fetched page);
   * only when it is stored, so a skipped duplicate downloads nothing.
   */
  images?: ImageLimits;
  /** What capturing learnt that the clipper cannot: the fetch's addresses and status. */
  provenance?: Pick<Provenance, 'originalUrl' | 'finalUrl' | 'httpStatus' | 'contentType' | 'versionOf' | 'clipper' | 'browser' | 'archived'>;
  /** A Markdown note to store with the article, written with it (the browser extension sends one). */
  note?: string;
  /** A fetched page's requests and response heads, kept with the capture (see storage/http-exchange.ts). */
  exchanges?: HttpExchanges;
  /**
   * What the capture's manifest and custody entry call it when its provenance does not say
   * (a version is a re-capture, an import an import): `corrected` for a corrected text
   * stored as a new version.
   */
  custodyEvent?: 'corrected';
  /** A scan's capture (its pages, words, originals) and the assets to store with it. */
  scan?: PendingScan;
}

/** A recognised scan waiting to be stored: its capture part, and the asset files it names. */
export interface PendingScan {
  stored: StoredScan;
  /** Page images and further originals, stored in the asset store under these names before the capture. */
  assets: { name: string; bytes: Uint8Array }[];
  /** Every word's characters in the text and confidence, in the order of `data-w` in the reader HTML. */
  words: ScanWordSpan[];
}

/** Limits on downloading an article's images. */
export interface ImageLimits {
  /** Images downloaded at most per article: `{ maxImages: 30 }`. */
  maxImages?: number;
  /** Largest image: `{ maxImageBytes: 5 * 1024 * 1024 }`. */
  maxImageBytes?: number;
  /** All of an article's images together. */
  maxTotalBytes?: number;
  /** Time for each image. */
  timeoutMs?: number;
  /**
   * Passed to fetchPage (tests give a lookup): the part of fetch/fetch-page.ts'
   * FetchPageOptions that is not a limit, spelled out so that capture/ needs nothing of fetch/.
   */
  fetch?: { userAgent?: string; lookup?: LookupFunction };
  /**
   * Images already at hand, by address (the parts of an .mhtml file, the records of a WARC):
   * used instead of fetching. A Map will do, `{ embedded: new Map([['https://x.org/a.png',
   * bytes]]) }`; a WARC's lookup reads the record when asked, so answers may be promises.
   */
  embedded?: { get(url: string): Uint8Array | undefined | null | Promise<Uint8Array | undefined | null> };
  /** Whether images not at hand are fetched from the web (default true; false for files). */
  fetchRemote?: boolean;
}
