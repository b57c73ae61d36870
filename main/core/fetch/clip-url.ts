/**
 * Clipping from the web: fetch a page (fetch-page.ts), decide what it is from its content
 * type and its first bytes, and hand it to the library's usual add path with what the fetch
 * learnt for provenance (requested and final address, HTTP status, content type). An HTML
 * page is clipped as any page; a PDF is stored with its text extracted; anything else is
 * refused, naming its type. Nothing is written until the page has been fetched and clipped,
 * so a failure leaves the library as it was.
 */
import type { AddOutcome, AddUrlRequest } from '../../../common/api';
import { decodeText } from '../capture/decode-text';
import { extractPdfText } from '../capture/pdf-text';
import { sniffBinaryFormat } from '../capture/sniff-type';
import type { BatchItem, ImageLimits } from '../capture/batch-item';
import type { ArticleWriter } from '../library/article-access';
import { fetchPage, FetchError, type FetchedPage, type FetchPageOptions } from './fetch-page';

/** Options for fetching a page to clip: the fetch's limits, and the images' (false: keep none offline). */
export interface ClipUrlOptions extends FetchPageOptions {
  images?: ImageLimits | false;
}

/** Media types clipped as web pages. */
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
/** Media types clipped as PDFs. */
const PDF_TYPES = new Set(['application/pdf', 'application/x-pdf']);

/**
 * Fetches `request.url` and turns it into an item for Library.addChecked, without touching
 * the library. Throws a FetchError (or a `bad-content` CuttingsError) naming the URL.
 */
export async function fetchForClipping(request: AddUrlRequest, options: ClipUrlOptions = {}): Promise<BatchItem> {
  const { images: _images, ...fetchOptions } = options;
  const page = await fetchPage(request.url, fetchOptions);
  const { url: _url, onDuplicate: _onDuplicate, ...metadata } = request;
  const provenance = {
    originalUrl: page.requestedUrl,
    finalUrl: page.finalUrl,
    httpStatus: page.status,
    ...(page.contentType ? { contentType: page.contentType } : {}),
  };
  const kind = pageKind(page);
  if (kind === 'pdf') {
    const pdf = await extractPdfText(page.body, page.finalUrl).catch((error: unknown) => {
      throw new FetchError(page.finalUrl, (error as Error).message.replace(/^pdf: /u, ''));
    });
    // The plain-text clipper takes the first line as the title: the PDF's own title if it has one.
    const text = pdf.title ? `${pdf.title}\n\n${pdf.text}` : pdf.text;
    return {
      kind: 'text',
      request: { ...metadata, text, url: page.finalUrl },
      original: page.body,
      originalKind: 'pdf',
      method: 'url',
      name: page.finalUrl,
      provenance,
      exchanges: page.exchanges,
    };
  }
  return {
    kind: 'html',
    request: { ...metadata, html: decodeText(page.body, page.charset) },
    original: page.body,
    originalKind: 'html',
    method: 'url',
    name: page.finalUrl,
    pageUrl: page.finalUrl,
    provenance,
    exchanges: page.exchanges,
    ...(options.images === false ? {} : { images: { ...options.images, fetch: { lookup: options.lookup, userAgent: options.userAgent } } }),
  };
}

/**
 * Fetches a page and adds it to the library, checking first for a duplicate (see
 * Library.addChecked). `clipUrl(library, { url: 'https://x.org/a', onDuplicate: 'skip' })`.
 */
export async function clipUrl(library: ArticleWriter, request: AddUrlRequest, options: ClipUrlOptions = {}): Promise<AddOutcome> {
  const item = await fetchForClipping(request, options);
  return library.addChecked(item, request.onDuplicate ?? 'ask');
}

/** Whether a fetched body is a page or a PDF; refuses anything else, naming what it is. */
function pageKind(page: FetchedPage): 'html' | 'pdf' {
  const binary = sniffBinaryFormat(page.body);
  if (PDF_TYPES.has(page.contentType) || (binary === 'a PDF document' && page.contentType === 'application/octet-stream')) return 'pdf';
  if (HTML_TYPES.has(page.contentType) || page.contentType === '') {
    if (binary) {
      const said = page.contentType ? `served as ${page.contentType}, but it is` : 'it is';
      throw new FetchError(page.finalUrl, `not a web page: ${said} ${binary}`);
    }
    if (page.body.length === 0) throw new FetchError(page.finalUrl, 'the server sent an empty page');
    return 'html';
  }
  throw new FetchError(
    page.finalUrl,
    `not a web page or a PDF: its content type is ${page.contentType}; Cuttings clips text/html, application/xhtml+xml and application/pdf`,
  );
}
