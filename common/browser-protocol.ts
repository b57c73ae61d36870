/**
 * What the browser extension (extension/) and the app's loopback endpoint
 * (main/core/browser/) say to each other over HTTP on 127.0.0.1: the addresses, the ports the
 * app listens on, the shapes of the JSON bodies and answers, and the limits both sides apply.
 * Spelled once here so that the two cannot drift apart; SingleFile's upload (a multipart form)
 * and the bookmarklet (common/bookmarklet.ts) use the same endpoint.
 */
import type { DuplicateAction, DuplicateMatch } from './api';

/**
 * The ports the endpoint tries, in order, when it has none saved: the extension looks for the
 * app on these. Ten, because another program may hold the first; from the IANA range of
 * registered ports, none of which is assigned to anything common.
 */
export const ENDPOINT_PORTS: readonly number[] = Array.from({ length: 10 }, (_, i) => 47108 + i);

/** The endpoint's addresses. Every one but `hello` answers only POST with a JSON body. */
export const ENDPOINT_PATHS = {
  /** GET: `{ app: 'cuttings', version }`, so the extension knows it found Cuttings. */
  hello: '/hello',
  /** The bookmarklet's page (a page posting itself). */
  bookmarkletClip: '/clip',
  /** An extension asks to be paired: {@link PairingAsk} → {@link PairingAskAnswer}. */
  pair: '/extension/pair',
  /** The extension asks whether the user has answered: {@link PairingPoll} → {@link PairingState}. */
  pairStatus: '/extension/pair/status',
  /** The title Cuttings would store, and whether it is a duplicate: {@link ExtensionClip} → {@link PreviewAnswer}. */
  preview: '/extension/preview',
  /** Store a page, a selection or a link: {@link ExtensionClip} → {@link ClipAnswer}. */
  clip: '/extension/clip',
  /** The library's tags, to complete: `{}` → {@link TagsAnswer}. */
  tags: '/extension/tags',
  /** SingleFile's "upload to a REST form API": multipart/form-data with `Authorization: Bearer <token>`. */
  singleFile: '/singlefile',
} as const;

/** The header that carries a pairing token (the bookmarklet's, or an extension's own). */
export const PAIRING_TOKEN_HEADER = 'X-Cuttings-Token';

/**
 * What the extension sends at most. The page's HTML is capped as the bookmarklet's body is;
 * its images as a fetched page's are (30 images, 5 MB each, 25 MB in all), sent beside the
 * HTML as base64 (4 characters for 3 bytes), so the body may reach about 50 MB.
 */
export const EXTENSION_LIMITS = {
  maxHtmlChars: 16 * 1024 * 1024,
  maxImages: 30,
  maxImageBytes: 5 * 1024 * 1024,
  maxImagesBytes: 25 * 1024 * 1024,
  maxTags: 100,
  /** As a note written in the app (main/core/notes/note-text.ts). */
  maxNoteChars: 100_000,
  /** The largest body the endpoint reads from a paired extension. */
  maxBodyBytes: 56 * 1024 * 1024,
} as const;

/** An extension's address as the browser names it: `chrome-extension://<id>` or `moz-extension://<uuid>`. */
export const EXTENSION_ORIGIN = /^(?:chrome-extension|moz-extension):\/\/[a-z0-9-]{8,64}$/u;

/** `GET /hello`. */
export interface HelloAnswer {
  app: 'cuttings';
  version: string;
}

/** `POST /extension/pair`: who asks. */
export interface PairingAsk {
  /** The browser, as the extension reads it ("Chromium 156", "Firefox 140"). */
  browser: string;
  /** The extension's origin, name and version as its manifest says. */
  extension: { origin: string; name: string; version: string };
}

/** The answer to a PairingAsk: the request's id, to poll with (known only to the asker). */
export interface PairingAskAnswer {
  ok: true;
  requestId: string;
}

/** `POST /extension/pair/status`. */
export interface PairingPoll {
  requestId: string;
}

/**
 * Where a pairing request stands. `accepted` carries the extension's own token, once: the
 * request is gone after that answer.
 */
export type PairingState = { ok: true; state: 'waiting' } | { ok: true; state: 'accepted'; token: string } | { ok: true; state: 'refused' | 'expired' };

/** What the extension clips. */
export type ExtensionClipKind = 'page' | 'selection' | 'link';

/** `POST /extension/clip` and `/extension/preview`: a page as the reader sees it, a selection, or a link for the app to fetch. */
export interface ExtensionClip {
  kind: ExtensionClipKind;
  /** The page's address (http or https); for a link, the page the link was on. */
  url: string;
  /** The page's title as the browser shows it. */
  pageTitle?: string;
  /** `page`: the document after its scripts ran, as outerHTML. */
  html?: string;
  /** `selection`: the selected part, as HTML. */
  selectionHtml?: string;
  /** `link`: the address to fetch. */
  linkUrl?: string;
  /** Images of the page by their absolute address, base64; the app stores these instead of fetching them. */
  images?: Record<string, string>;
  /** The user's title, in place of the one Cuttings finds. */
  title?: string;
  tags?: string[];
  /** A Markdown note for the new cutting. */
  note?: string;
  /** As in the app: `ask` (the default) stores nothing for a duplicate and says so. */
  onDuplicate?: DuplicateAction | 'ask';
  /** The browser, for provenance ("Chromium 156"). */
  browser?: string;
}

/** What the preview found: the title that would be stored, and the article it would duplicate. */
export interface PreviewAnswer {
  ok: true;
  title: string;
  duplicate: DuplicateMatch | null;
}

/** What a clip did (every refusal is `{ ok: false, error }` with one line). */
export type ClipAnswer =
  | { ok: true; status: 'added'; id: string; title: string; duplicate?: DuplicateMatch }
  | { ok: true; status: 'duplicate'; duplicate: DuplicateMatch };

/** The library's tags, most used first. */
export interface TagsAnswer {
  ok: true;
  tags: string[];
}

/** Every refusal: one line naming the module and what was wrong. */
export interface EndpointRefusal {
  ok: false;
  error: string;
}
