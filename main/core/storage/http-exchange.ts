/**
 * What a fetch said and heard, kept with the capture so that a cutting can leave as the WARC
 * `request` and `response` records a web archivist expects (main/core/archive/): the request
 * line and headers as sent, the status line and headers as received — in their order, their
 * case and with repeats, as Node's `rawHeaders` gives them — and when the request went out.
 * The body is not here: it is the capture's original (the page) or an asset (an image).
 *
 * Cuttings clipped before this was kept have none; their provenance says so when they leave
 * as WARC (`resource` records: see archive/cutting-records.ts).
 */

/** A header as sent or received: name (case kept) and value. */
export type HttpHeader = [name: string, value: string];

/** One request as it was sent. */
export interface SentRequest {
  method: string;
  /** The absolute address asked for. */
  url: string;
  /** `1.1`. */
  httpVersion: string;
  headers: HttpHeader[];
}

/** A response's head as it was received (the body is kept elsewhere, decoded). */
export interface ReceivedResponse {
  /** `1.1`. */
  httpVersion: string;
  status: number;
  /** The reason phrase (`OK`), as the server wrote it; '' when it sent none. */
  statusText: string;
  headers: HttpHeader[];
}

/** One request and the head of its response. */
export interface HttpExchange {
  /** When the request was sent, ISO 8601 UTC with milliseconds. */
  sent: string;
  request: SentRequest;
  response: ReceivedResponse;
  /**
   * A redirect's body, decoded, in base64 (a line of HTML, often nothing), kept when it is
   * under 64 KB; absent for the last response (its body is the capture's original).
   */
  redirectBody?: string;
}

/**
 * A fetch from the first request to the last: each redirect's exchange, then the one whose
 * body is the capture's.
 */
export type HttpExchanges = HttpExchange[];

/** An image of the article fetched from the web, and how. */
export interface CapturedImage {
  /** The address it was fetched from. */
  url: string;
  /** Its name in the asset store (`<sha256>.<ext>`). */
  asset: string;
  exchanges: HttpExchanges;
}

/** What a capture keeps of the web: the page's exchanges and its images'. */
export interface CapturedHttp {
  /** The page's exchanges, when it was fetched by address (absent for a file, a paste…). */
  page?: HttpExchanges;
  /** The images fetched for it (those carried in the page itself are not here). */
  images?: CapturedImage[];
}
