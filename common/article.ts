/**
 * The shapes of an article as the rest of the app sees it. The library on disk keeps more
 * (see main/core/library-store.ts); these are what crosses the API.
 */

/** Where a cutting came from and how it was captured: what a newsroom needs to trust it. */
export interface Provenance {
  /** How it entered the library. */
  method: 'paste' | 'file' | 'stdin' | 'url' | 'import' | 'browser';
  /** The file name it was read from, when it came from a file. */
  fileName?: string;
  /** Capture time, ISO 8601 in UTC. */
  captured: string;
  /** SHA-256 (hex) of the bytes as received. */
  originalSha256: string;
  /** SHA-256 (hex) of the extracted plain text. */
  textSha256: string;
  /** Version of Cuttings that captured it. */
  appVersion: string;
  /** The address the user asked for, when it was fetched from the web. */
  originalUrl?: string;
  /** The address the page came from after redirects. */
  finalUrl?: string;
  /** The address the page names as its own (`<link rel="canonical">`, og:url), if any. */
  canonicalUrl?: string;
  /** The HTTP status of the final response. */
  httpStatus?: number;
  /** The media type the server or file gave (`text/html`, `application/pdf`). */
  contentType?: string;
  /**
   * A MinHash sketch of the text's word shingles (16 hashes, hex), for finding near
   * duplicates before saving; `cuttings verify` checks it against the text.
   */
  textSketch?: string;
  /** When this capture is a later version of an article: the id of its first capture. */
  versionOf?: string;
  /** For `method: 'browser'`: what sent the page from the browser. */
  clipper?: 'bookmarklet' | 'extension' | 'singlefile';
  /** For `method: 'browser'`: the browser it was clipped in, as the extension named it ("Chromium 156"). */
  browser?: string;
  /** When it was read from a web archive (WARC or WACZ) another tool made: the record it came from. */
  archived?: ArchivedRecord;
}

/** The WARC record a cutting was imported from. */
export interface ArchivedRecord {
  /** The archive's file name (`crawl.warc.gz`, `site.wacz`). */
  archive: string;
  /** The record's WARC-Record-ID (`<urn:uuid:…>`). */
  recordId: string;
  /** Its WARC-Date: when the page was captured (not when it was imported). */
  date: string;
}

/** One row of the article list: everything but the body. */
export interface ArticleSummary {
  /** A ULID: sortable by creation time, unique across libraries. */
  id: string;
  title: string;
  /** The page's canonical or given URL, when known. */
  url: string | null;
  /** Publication or site name ("BBC News"). */
  source: string | null;
  /** Authors as one line ("Jane Doe, John Roe"). */
  author: string | null;
  /** Publication date, `YYYY-MM-DD` or a full ISO 8601 time. */
  published: string | null;
  /** When it was clipped, ISO 8601 UTC. */
  clipped: string;
  /** Tags as the user wrote them, in the order added. */
  tags: string[];
  /** A sentence or two to show under the title. */
  excerpt: string;
  /** Word count of the text. */
  words: number;
  /** BCP 47 language code where known (`en`, `de`). */
  lang: string | null;
  /**
   * When the user last edited or confirmed its title, date, author or source (ISO 8601 UTC);
   * absent when they are as captured. A scan's guessed headline and date are no longer "to be
   * checked" once set.
   */
  edited?: string;
}

/** A whole article: the summary plus its body and provenance. */
export interface Article extends ArticleSummary {
  /** The article's plain text, paragraphs separated by blank lines. */
  text: string;
  /** Sanitised reader HTML: no scripts, no event handlers, no remote loads. */
  html: string;
  provenance: Provenance;
  /** The user's Markdown note ('' when there is none). */
  note: string;
  /** Passages the user highlighted in the reader, in the order made. */
  highlights: Highlight[];
  /**
   * For a page fetched by address: whether its capture keeps the request sent and the
   * response's status line and headers as received (`kept`), or was made before Cuttings kept
   * them (`not kept`: it leaves a WARC as a `resource` record). Absent for what was not fetched.
   */
  httpHeaders?: HttpHeadersKept;
}

/** Whether a fetched page's capture keeps its HTTP exchange (see Article.httpHeaders). */
export type HttpHeadersKept = 'kept' | 'not kept';

/** What the reader and `cuttings show` say of a fetched page's HTTP headers. */
export const HTTP_HEADERS_SAID: Record<HttpHeadersKept, string> = {
  kept: 'kept: the request sent and the response headers as received',
  'not kept': 'not kept (captured before Cuttings kept them; a WARC holds the page as a resource record)',
};

/** A passage highlighted in the reader, with an optional comment. */
export interface Highlight {
  /** Unique within the article. */
  id: string;
  /** The words highlighted, as they are in the article's text. */
  quote: string;
  /** Up to 32 characters before and after the quote, to find it again where it occurs twice. */
  prefix: string;
  suffix: string;
  comment: string;
  /** When it was made, ISO 8601 UTC. */
  created: string;
}

/** One search hit, with a snippet around what matched. */
export interface SearchHit extends ArticleSummary {
  score: number;
  /** Plain text around the first match (from the text, or the title if only it matched). */
  snippet: string;
  /** The indexed terms that matched, for highlighting. */
  terms: string[];
}

/** Counts over a whole result set, for refining a search. */
export interface SearchFacets {
  /** Articles per tag (a parent tag counts its children's articles too). */
  tags: Record<string, number>;
  /** Articles per source. */
  sources: Record<string, number>;
  /** Articles per year published (articles with no publication date are not counted). */
  years: Record<string, number>;
}

/** A page of search results, the total number of matches, and facets over all of them. */
export interface SearchResults {
  total: number;
  hits: SearchHit[];
  facets: SearchFacets;
  /** True when the full-text index was still loading and only titles were searched. */
  titlesOnly?: boolean;
}

/** A tag and how many articles carry it. */
export interface TagCount {
  tag: string;
  count: number;
  /** The colour the user gave it, `#rrggbb`, if any. */
  colour?: string;
}
