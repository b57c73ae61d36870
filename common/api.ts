/**
 * The one contract between the renderer and main. The preload builds `window.cuttings`
 * from CHANNELS; main registers exactly one handler per channel (main/ipc/handler-table.ts) and
 * refuses any other; the test harness serves the same handler table over HTTP.
 * A channel name is never written as a string literal anywhere else.
 */
import type { ArticleDetails } from './article-details';
import type { Article, ArticleSummary, Highlight, SearchResults, TagCount } from './article';
import type { Result } from './result';
import type { WordDiffPart } from './word-diff';

/** Every channel, namespaced. The keys are the method names of CuttingsApi. */
export const CHANNELS = {
  libraryInfo: 'cuttings:library-info',
  getArticle: 'cuttings:get-article',
  addText: 'cuttings:add-text',
  addHtml: 'cuttings:add-html',
  search: 'cuttings:search',
  updateTags: 'cuttings:update-tags',
  listTags: 'cuttings:list-tags',
  listSavedSearches: 'cuttings:list-saved-searches',
  saveSearch: 'cuttings:save-search',
  deleteSavedSearch: 'cuttings:delete-saved-search',
  addUrl: 'cuttings:add-url',
  addFile: 'cuttings:add-file',
  recapture: 'cuttings:recapture',
  browserClipping: 'cuttings:browser-clipping',
  setBrowserClipping: 'cuttings:set-browser-clipping',
  getSettings: 'cuttings:get-settings',
  updateSettings: 'cuttings:update-settings',
  switchLibrary: 'cuttings:switch-library',
  chooseLibraryFolder: 'cuttings:choose-library-folder',
  exportArticles: 'cuttings:export-articles',
  cancelExport: 'cuttings:cancel-export',
  chooseExportPath: 'cuttings:choose-export-path',
  importDroppedFile: 'cuttings:import-dropped-file',
  addTextChecked: 'cuttings:add-text-checked',
  // Organising: renaming, merging and deleting tags, many articles at once, rules, the timeline.
  renameTag: 'cuttings:rename-tag',
  deleteTag: 'cuttings:delete-tag',
  undoTagChange: 'cuttings:undo-tag-change',
  setTagColour: 'cuttings:set-tag-colour',
  bulkTag: 'cuttings:bulk-tag',
  listRules: 'cuttings:list-rules',
  addRule: 'cuttings:add-rule',
  removeRule: 'cuttings:remove-rule',
  applyRules: 'cuttings:apply-rules',
  timeline: 'cuttings:timeline',
  // Notes, highlights and suggested tags.
  setNote: 'cuttings:set-note',
  addHighlight: 'cuttings:add-highlight',
  updateHighlight: 'cuttings:update-highlight',
  removeHighlight: 'cuttings:remove-highlight',
  suggestTags: 'cuttings:suggest-tags',
  // The browser extension: answering an extension that asks to be paired, and revoking one.
  answerBrowserPairing: 'cuttings:answer-browser-pairing',
  revokeBrowserPairing: 'cuttings:revoke-browser-pairing',
  // Scans: photos, scanned pages and PDFs recognised offline, shown beside their text.
  addScan: 'cuttings:add-scan',
  cancelScans: 'cuttings:cancel-scans',
  ocrLanguages: 'cuttings:ocr-languages',
  getScan: 'cuttings:get-scan',
  correctScanText: 'cuttings:correct-scan-text',
  // Evidence: signing keys, timestamps, the evidence report, deleting on the record.
  evidenceStatus: 'cuttings:evidence-status',
  chooseTsa: 'cuttings:choose-tsa',
  trustTsaRoot: 'cuttings:trust-tsa-root',
  timestampNow: 'cuttings:timestamp-now',
  writeEvidenceReport: 'cuttings:write-evidence-report',
  chooseEvidencePath: 'cuttings:choose-evidence-path',
  deleteArticle: 'cuttings:delete-article',
  // An article's details after capture: title, publication date, author, source.
  editDetails: 'cuttings:edit-details',
} as const;

/** Channels main pushes on (never invoked by the renderer). */
export const EVENT_CHANNELS = {
  appEvent: 'cuttings:app-event',
} as const;

/** A channel name, such as `'cuttings:search'`. */
export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

/** Optional metadata the user can give when adding an article. */
export interface AddOptions {
  title?: string;
  url?: string;
  source?: string;
  /** `YYYY-MM-DD`. */
  published?: string;
  tags?: string[];
  /** Authors as one line ("Jane Doe, John Roe"), when the input names them (an import). */
  author?: string;
  /** The file it came from, for provenance and error messages. */
  fileName?: string;
}

/** Plain text to clip, for instance pasted by the user. */
export interface AddTextRequest extends AddOptions {
  text: string;
}

/** An HTML document to clip, for instance a saved page the user chose. */
export interface AddHtmlRequest extends AddOptions {
  html: string;
}

/** What to do when an article being added is already in the library. */
export type DuplicateAction = 'skip' | 'keep' | 'version';

/** A web page to fetch and clip. */
export interface AddUrlRequest extends Omit<AddOptions, 'url' | 'fileName'> {
  /** The page's address, http or https. */
  url: string;
  /**
   * What to do if it is already in the library: `ask` (the default) stores nothing and
   * answers `{ status: 'duplicate' }` so that the user can choose; `skip` does the same
   * without asking; `keep` stores it beside the other; `version` stores it as a later
   * version of the first capture.
   */
  onDuplicate?: DuplicateAction | 'ask';
}

/** Pasted text to clip, checked first against the library for the same or nearly the same text. */
export interface AddTextCheckedRequest extends AddTextRequest {
  /** As for {@link AddUrlRequest.onDuplicate}. */
  onDuplicate?: DuplicateAction | 'ask';
}

/** A file to clip, as the user chose it: .html, .htm, .mhtml, .txt, .md or .pdf. */
export interface AddFileRequest extends Omit<AddOptions, 'fileName'> {
  /** The file's name; its extension says what it is. */
  name: string;
  /** Its bytes, base64-encoded (so that the request is the same over IPC and HTTP). */
  dataBase64: string;
  /** As for {@link AddUrlRequest.onDuplicate}. */
  onDuplicate?: DuplicateAction | 'ask';
}

/** What fetching an article's address again found. */
export interface RecaptureOutcome {
  /** The address fetched. */
  url: string;
  /** Whether the text changed since the latest version (and a new version was stored). */
  changed: boolean;
  /** The new version's id, when one was stored. */
  versionId: string | null;
  /** The first capture's id, which every version names. */
  firstId: string;
  /** The latest version before, which the new text was compared with, and when it was clipped. */
  previousId: string;
  previousClipped: string;
  /** Word by word, from the previous text to the new one; empty when unchanged. */
  diff: WordDiffPart[];
}

/** An article already in the library that a new one duplicates. */
export interface DuplicateMatch {
  id: string;
  title: string;
  url: string | null;
  clipped: string;
  /** The same address (tracking parameters aside), the same text, or nearly the same text. */
  reason: 'same-url' | 'same-text' | 'similar-text';
  /** 1 for the same, else the share of shingles in common. */
  similarity: number;
  /** A sentence saying what matched, for the user. */
  detail: string;
}

/** What an add did: stored the article (perhaps beside a duplicate), or stored nothing because it is one. */
export type AddOutcome =
  | { status: 'added'; article: ArticleSummary; duplicate?: DuplicateMatch; versionOf?: string }
  | { status: 'duplicate'; duplicate: DuplicateMatch };

/** The "Clip from the browser" setting: off, or on with the token and bookmarklet to show. */
export interface BrowserClippingStatus {
  enabled: boolean;
  /** The loopback port it listens on (127.0.0.1 only). */
  port: number | null;
  /** The pairing token the bookmarklet sends. */
  token: string | null;
  /** The `javascript:` bookmarklet to copy or drag to the bookmarks bar. */
  bookmarklet: string | null;
  /** The address to give SingleFile's "upload to a REST form API" (with `token` as its authorization token). */
  singleFileUrl: string | null;
  /** The browser extensions paired with this library, each with its own token. */
  pairings: BrowserPairing[];
  /** Extensions asking to be paired, waiting for the user's answer. */
  pairingRequests: BrowserPairingRequest[];
}

/** A search with paging. */
export interface SearchRequest {
  query: string;
  /** How many hits to return (1–500, default 50). */
  limit?: number;
  /** How many hits to skip, for paging (default 0). */
  offset?: number;
  /** Best match first (default), or newest published or clipped first. */
  sort?: SearchSort;
}

/** The orders results can come in. */
export type SearchSort = 'relevance' | 'published' | 'clipped';

/** Tags to add to and remove from one article. */
export interface UpdateTagsRequest {
  id: string;
  add?: string[];
  remove?: string[];
}

/** Where the library is and how much it holds. */
export interface LibraryInfo {
  path: string;
  articles: number;
  readOnly: boolean;
  /** Whether full-text search is ready, and how far loading it has got. */
  search: SearchStatus;
}

/**
 * The search index's state. While it loads, searches answer from titles only (their results
 * say `titlesOnly`), and `done`/`total` tell how many articles it has caught up with.
 */
export interface SearchStatus {
  state: 'idle' | 'loading' | 'ready';
  done: number;
  total: number;
}

/** A query kept under a name, listed in the sidebar. */
export interface SavedSearch {
  name: string;
  query: string;
}

/** The window's colours: the system's, or always light or dark. */
export type Theme = 'system' | 'light' | 'dark';

/** The app's settings (main/core/settings/settings-store.ts keeps them in the user's profile). */
export interface AppSettings {
  /** The library the app opens: the one in use now. */
  libraryPath: string;
  theme: Theme;
}

/**
 * The settings the window may change directly (the library changes through switchLibrary;
 * clipping from the browser, a library's setting, through setBrowserClipping).
 */
export type SettingsChange = Partial<Pick<AppSettings, 'theme'>>;

/** Open an existing library, or create a new one in an empty or new folder. */
export interface SwitchLibraryRequest {
  path: string;
  mode: 'open' | 'create';
}

/**
 * What main tells the window unasked: a menu command, an address to clip (from a launch), or
 * that files opened from the OS were imported (`message` says what happened).
 */
export type AppEvent =
  | { type: 'add-cutting'; url?: string }
  | { type: 'focus-search' }
  | { type: 'open-settings' }
  | { type: 'library-changed'; message: string; error?: boolean }
  | { type: 'open-export' }
  | { type: 'export-progress'; done: number; total: number }
  /** How far a bulk tag change or a rules run has got (articles written of those to change). */
  | { type: 'bulk-progress'; done: number; total: number }
  /** A browser extension asks to be paired: the window shows the request for the user to answer. */
  | { type: 'browser-pairing-request'; request: BrowserPairingRequest }
  /** A `cuttings://article/<id>` link was opened: show that cutting. */
  | { type: 'open-article'; id: string }
  /** A `cuttings://browser-clipping` link was opened: show the Clip from the browser dialog. */
  | { type: 'open-browser-clipping' }
  /** The menu's Edit Details…: the details dialog for the article open in the reader. */
  | { type: 'edit-details' }
  /** A scan's page about to be recognised: the file, and the page (from 1) of how many. */
  | { type: 'scan-progress'; file: string; page: number; pages: number };

/** Every kind of AppEvent: the preload forwards these and drops anything else. */
export const APP_EVENT_TYPES = [
  'add-cutting',
  'focus-search',
  'open-settings',
  'library-changed',
  'open-export',
  'export-progress',
  'bulk-progress',
  'browser-pairing-request',
  'open-article',
  'open-browser-clipping',
  'edit-details',
  'scan-progress',
] as const satisfies readonly AppEvent['type'][];

// Fails to compile when an AppEvent type is missing from APP_EVENT_TYPES.
type MissingAppEventTypes = Exclude<AppEvent['type'], (typeof APP_EVENT_TYPES)[number]>;
const everyAppEventType: [MissingAppEventTypes] extends [never] ? true : MissingAppEventTypes = true;
void everyAppEventType;

/** The formats an export writes, by the name `cuttings export --format` takes (main/core/export). */
export const EXPORT_FORMAT_NAMES = ['archive', 'json', 'jsonl', 'csv', 'md', 'html', 'bibtex', 'ris', 'csl', 'datapackage', 'warc', 'wacz'] as const;

/** One of EXPORT_FORMAT_NAMES. */
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];

/** Which articles to export: those a query matches, those under a tag, or chosen ids. */
export type ExportScope = { query: string } | { tag: string } | { ids: string[] };

/** An export the window asks for (the Export dialog). */
export interface ExportRequest {
  format: ExportFormatName;
  scope: ExportScope;
  /** The file (or, for `html` and `datapackage`, the folder) to write: a full path. */
  path: string;
  /** CSV and Data Package: `text` adds each article's text; `bom` starts the CSV with a byte order mark. */
  options?: { text?: boolean; bom?: boolean };
}

/** What a finished export wrote. */
export interface ExportSummary {
  format: ExportFormatName;
  /** How many articles were written. */
  count: number;
  /** The full path written. */
  path: string;
  /** Its size in bytes (a folder's: every file in it). */
  bytes: number;
}

/** A dropped file to import: its name (the extension helps tell its kind) and its bytes. */
export interface ImportDroppedFileRequest {
  name: string;
  /** Base64, as for {@link AddFileRequest.dataBase64}. */
  dataBase64: string;
}

// ---- Organising ----

/**
 * Renames a tag, and with it every tag under it (`ukraine` → `europe/ukraine` moves
 * `ukraine/diplomacy` to `europe/ukraine/diplomacy` too). Renaming onto a tag that exists
 * merges the two. Changing only the case changes how it is shown.
 */
export interface RenameTagRequest {
  from: string;
  to: string;
}

/** What a tag change (rename, merge, move, delete, or its undo) did. */
export interface TagChangeSummary {
  /** One line for the user: "Renamed “ukraine” to “europe/ukraine” on 120 articles". */
  message: string;
  /** How many articles changed. */
  articles: number;
  /** Whether another change can be undone now. */
  canUndo: boolean;
}

/** A colour for a tag, `#rrggbb`, or null to clear it. */
export interface SetTagColourRequest {
  tag: string;
  colour: string | null;
}

/**
 * Adds and removes tags on many articles at once: the chosen ids, or every article a query
 * matches (the query language of common/query.ts). Progress comes as `bulk-progress` events.
 */
export type BulkTagRequest = ({ ids: string[] } | { query: string }) & {
  add?: string[];
  remove?: string[];
};

/** What a bulk tag change did. */
export interface BulkTagSummary {
  /** How many articles the ids or query named. */
  matched: number;
  /** How many of them changed (the others already had, or lacked, the tags). */
  changed: number;
  message: string;
}

/** "When an article matches this query, add these tags." */
export interface TagRule {
  /** Stable id, shown as the rule's number in `cuttings rules list`. */
  id: number;
  query: string;
  tags: string[];
}

/** A rule to add. */
export interface AddRuleRequest {
  query: string;
  tags: string[];
}

/** Run every rule (or one) over the whole archive, or only count what would change. */
export interface ApplyRulesRequest {
  dryRun: boolean;
  /** Only this rule; every rule when absent. */
  ruleId?: number;
}

/** An article a rules run changes (or would), with the tags it gains. */
export interface RuleChange {
  id: string;
  title: string;
  add: string[];
}

/** What a rules run did or, for a dry run, would do. */
export interface RulesRunSummary {
  dryRun: boolean;
  /** How many articles change (or would). */
  changed: number;
  /** The first of them (at most 200), to list before applying. */
  changes: RuleChange[];
  /** Per rule: how many articles it matches and how many it changes. */
  rules: { rule: TagRule; matched: number; changed: number }[];
  message: string;
}

/** Articles counted by period, for the timeline. */
export interface TimelineRequest {
  /** The current query ('' for every article). */
  query: string;
  by: 'published' | 'clipped';
  unit: 'day' | 'week' | 'month';
}

/** One bar of the timeline. `from`..`to` are `YYYY-MM-DD`, inclusive, as `published:from..to` takes them. */
export interface TimelineBucket {
  from: string;
  to: string;
  count: number;
}

/** The timeline of a query: bars in date order with no gaps, and how many articles had no such date. */
export interface Timeline {
  by: 'published' | 'clipped';
  unit: 'day' | 'week' | 'month';
  buckets: TimelineBucket[];
  undated: number;
}

/** A Markdown note on an article; an empty note deletes it. */
export interface SetNoteRequest {
  id: string;
  note: string;
}

/**
 * A highlight made by selecting text in the reader: the words selected, with a little of
 * what comes before and after so that it can be found again in the text.
 */
export interface AddHighlightRequest {
  /** The article's id. */
  id: string;
  quote: string;
  prefix?: string;
  suffix?: string;
  comment?: string;
}

/** Changes a highlight's comment ('' clears it). */
export interface UpdateHighlightRequest {
  id: string;
  highlightId: string;
  comment: string;
}

/** Deletes a highlight. */
export interface RemoveHighlightRequest {
  id: string;
  highlightId: string;
}

/** A tag offered for an article: a person, place or organisation it names. */
export interface TagSuggestion {
  tag: string;
  kind: 'person' | 'place' | 'organisation' | 'topic';
}

/** Subscribes to main's events; returns a function that unsubscribes. */
export interface CuttingsEvents {
  onAppEvent(listener: (event: AppEvent) => void): () => void;
}

/** Everything the renderer may ask of main. Each call resolves to a Result, never rejects. */
export interface CuttingsApi {
  libraryInfo(): Promise<Result<LibraryInfo>>;
  getArticle(id: string): Promise<Result<Article>>;
  addText(request: AddTextRequest): Promise<Result<ArticleSummary>>;
  addHtml(request: AddHtmlRequest): Promise<Result<ArticleSummary>>;
  search(request: SearchRequest): Promise<Result<SearchResults>>;
  /** Returns the article's tags after the change. */
  updateTags(request: UpdateTagsRequest): Promise<Result<string[]>>;
  /** Every tag in the library with its count, most used first. */
  listTags(): Promise<Result<TagCount[]>>;
  /** Saved searches, in name order. */
  listSavedSearches(): Promise<Result<SavedSearch[]>>;
  /** Saves a query under a name (replacing one of the same name); returns them all. */
  saveSearch(search: SavedSearch): Promise<Result<SavedSearch[]>>;
  /** Deletes a saved search by name; returns those left. */
  deleteSavedSearch(name: string): Promise<Result<SavedSearch[]>>;
  /** Fetches a web page and clips it, checking first whether it is already in the library. */
  addUrl(request: AddUrlRequest): Promise<Result<AddOutcome>>;
  /** Clips a file of any kind Cuttings reads, checking first whether it is already in the library. */
  addFile(request: AddFileRequest): Promise<Result<AddOutcome>>;
  /** Fetches an article's address again and keeps a changed text as a new version. */
  recapture(id: string): Promise<Result<RecaptureOutcome>>;
  /** Whether pages can be clipped from the browser, with the token and bookmarklet. */
  browserClipping(): Promise<Result<BrowserClippingStatus>>;
  /** Turns clipping from the browser on or off. */
  setBrowserClipping(enabled: boolean): Promise<Result<BrowserClippingStatus>>;
  getSettings(): Promise<Result<AppSettings>>;
  /** Changes the theme; returns the settings after the change. */
  updateSettings(change: SettingsChange): Promise<Result<AppSettings>>;
  /** Closes the library in use and opens (or creates) another; returns the settings after. */
  switchLibrary(request: SwitchLibraryRequest): Promise<Result<AppSettings>>;
  /** Asks the user for a folder with the OS's dialog; null if they cancel (desktop app only). */
  chooseLibraryFolder(mode: 'open' | 'create'): Promise<Result<string | null>>;
  /**
   * Exports articles; progress comes as `export-progress` app events. One export runs at a
   * time; a cancelled one fails with `export: cancelled; nothing was written`.
   */
  exportArticles(request: ExportRequest): Promise<Result<ExportSummary>>;
  /** Cancels the export under way; resolves to whether there was one. */
  cancelExport(): Promise<Result<boolean>>;
  /** Asks the user where to save an export with the OS's dialog; null if they cancel (desktop app only). */
  chooseExportPath(format: ExportFormatName): Promise<Result<string | null>>;
  /**
   * Imports a file dropped on the window in any format `cuttings import` reads (an archive, a
   * dataset, Pocket's CSV, citations…); resolves to one line saying what was imported, skipped and failed.
   */
  importDroppedFile(request: ImportDroppedFileRequest): Promise<Result<string>>;
  /**
   * Clips pasted text like addText, but first checks whether the library holds the same or
   * nearly the same text (a syndicated copy) or the same address; as addUrl, a duplicate
   * stores nothing unless `onDuplicate` says what to do.
   */
  addTextChecked(request: AddTextCheckedRequest): Promise<Result<AddOutcome>>;

  // ---- Organising ----
  /** Renames, moves or merges a tag (and the tags under it) on every article. Undoable. */
  renameTag(request: RenameTagRequest): Promise<Result<TagChangeSummary>>;
  /** Removes a tag (and the tags under it) from every article. Undoable. */
  deleteTag(tag: string): Promise<Result<TagChangeSummary>>;
  /** Undoes the latest rename, merge, move or delete; null when there is none. */
  undoTagChange(): Promise<Result<TagChangeSummary | null>>;
  /** Sets or clears a tag's colour; returns every tag with its count and colour. */
  setTagColour(request: SetTagColourRequest): Promise<Result<TagCount[]>>;
  /** Adds and removes tags on many articles at once, with `bulk-progress` events. */
  bulkTag(request: BulkTagRequest): Promise<Result<BulkTagSummary>>;
  /** The tag rules, in the order they were added. */
  listRules(): Promise<Result<TagRule[]>>;
  /** Adds a rule (its query must parse); returns every rule. New cuttings get its tags from now on. */
  addRule(request: AddRuleRequest): Promise<Result<TagRule[]>>;
  /** Removes a rule by id; returns the rules left. */
  removeRule(id: number): Promise<Result<TagRule[]>>;
  /** Runs the rules over the whole archive, or only says what that would change. */
  applyRules(request: ApplyRulesRequest): Promise<Result<RulesRunSummary>>;
  /** Counts the articles a query matches by day, week or month. */
  timeline(request: TimelineRequest): Promise<Result<Timeline>>;

  // ---- Notes, highlights, suggested tags ----
  /** Sets an article's Markdown note ('' deletes it); returns the article after the change. */
  setNote(request: SetNoteRequest): Promise<Result<Article>>;
  /** Adds a highlight; returns the article's highlights after the change. */
  addHighlight(request: AddHighlightRequest): Promise<Result<Highlight[]>>;
  updateHighlight(request: UpdateHighlightRequest): Promise<Result<Highlight[]>>;
  removeHighlight(request: RemoveHighlightRequest): Promise<Result<Highlight[]>>;
  /** People, places and organisations the article names, not already among its tags. */
  suggestTags(id: string): Promise<Result<TagSuggestion[]>>;

  // ---- The browser extension ----
  /** Accepts or refuses an extension's request to be paired; returns the status after. */
  answerBrowserPairing(request: AnswerBrowserPairingRequest): Promise<Result<BrowserClippingStatus>>;
  /** Revokes a pairing by its id: that extension's requests are refused from now on. */
  revokeBrowserPairing(id: string): Promise<Result<BrowserClippingStatus>>;
  // ---- Scans ----
  /** Recognises a scan (one file, or several images as one cutting) and adds it; progress comes as `scan-progress` events. */
  addScan(request: AddScanRequest): Promise<Result<AddOutcome>>;
  /** Stops the scan being recognised, between pages (nothing of it is stored); resolves to whether there was one. */
  cancelScans(): Promise<Result<boolean>>;
  /** The languages scans can be recognised in, and the default choice. */
  ocrLanguages(): Promise<Result<OcrLanguages>>;
  /** A scanned article's pages and words, for the reader. */
  getScan(id: string): Promise<Result<ScanView>>;
  /** Stores the user's correction of a scan's text as a new version (the recognised text is kept). */
  correctScanText(request: CorrectScanRequest): Promise<Result<AddOutcome>>;
  // ---- Evidence ----
  /** The signing key, the library's keys, its TSA, and how many captures wait for a timestamp. */
  evidenceStatus(): Promise<Result<EvidenceStatus>>;
  /** Chooses the library's timestamping authority (http or https), or none (null); waiting captures are sent to it. */
  chooseTsa(url: string | null): Promise<Result<EvidenceStatus>>;
  /** Trusts the CA certificates in a PEM file the user chose as roots for this library's timestamps. */
  trustTsaRoot(request: TrustTsaRootRequest): Promise<Result<EvidenceStatus>>;
  /** Sends the captures waiting for a timestamp now; says how it went. */
  timestampNow(): Promise<Result<TimestampSummary>>;
  /** Writes a cutting's evidence report (PDF) and, if asked, its bundle; resolves to the verdict. */
  writeEvidenceReport(request: EvidenceReportRequest): Promise<Result<EvidenceReportSummary>>;
  /** Asks the user where to save an evidence report with the OS's dialog; null if they cancel (desktop app only). */
  chooseEvidencePath(kind: 'report' | 'bundle'): Promise<Result<string | null>>;
  /** Deletes a cutting; the custody log keeps a signed entry with its hashes and the reason. */
  deleteArticle(request: DeleteArticleRequest): Promise<Result<true>>;
  // ---- Details ----
  /**
   * Changes an article's title, publication date, author or source (a field left out is kept;
   * '' clears all but the title); the custody log records it. Returns the article after it.
   */
  editDetails(request: EditDetailsRequest): Promise<Result<Article>>;
}

// ---- The browser extension ----

/** A browser extension paired with a library (browser-clipping.json keeps it, with its token's SHA-256 only). */
export interface BrowserPairing {
  /** Names the pairing, to revoke it. */
  id: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  origin: string;
  /** The extension's name and version, as it said. */
  name: string;
  version: string;
  /** The browser, as the extension said ("Chromium 156"). */
  browser: string;
  /** When the user accepted it, ISO 8601 UTC. */
  paired: string;
}

/** An extension asking to be paired. */
export interface BrowserPairingRequest {
  /** Names the request, to answer it. */
  requestId: string;
  origin: string;
  name: string;
  version: string;
  browser: string;
  /** When it asked, ISO 8601 UTC. */
  asked: string;
}

/** The user's answer to a pairing request. */
export interface AnswerBrowserPairingRequest {
  requestId: string;
  accept: boolean;
}

// ---- Scans ----

/** A file of a scan as the user chose or dropped it. */
export interface ScanFileData {
  name: string;
  /** Its bytes, base64 (as for {@link AddFileRequest.dataBase64}). */
  dataBase64: string;
}

/**
 * Scans to recognise as one cutting: one file (a photo, a scanned page, a multi-page TIFF or a
 * scanned PDF), or several images of one story (continued on another page or column), in order.
 */
export interface AddScanRequest extends Omit<AddOptions, 'fileName' | 'url' | 'author'> {
  files: ScanFileData[];
  /** The languages to recognise, `+`-joined tesseract codes (`deu+eng`); the defaults when absent. */
  languages?: string;
  /** Where the cutting stood in print. */
  printPage?: string;
  section?: string;
  /** As for {@link AddUrlRequest.onDuplicate}. */
  onDuplicate?: DuplicateAction | 'ask';
}

/** A language scans can be recognised in. */
export interface OcrLanguageChoice {
  /** tesseract's code: `eng`, `deu`. */
  code: string;
  name: string;
}

/** The languages scans can be recognised in, and those chosen when the user chooses none. */
export interface OcrLanguages {
  languages: OcrLanguageChoice[];
  defaults: string[];
}

/** A recognised word: its characters [start, end) in the article's text, confidence 0–100, and box on its page's image in pixels. */
export interface ScanWord {
  start: number;
  end: number;
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A page of a scan as the reader shows it. */
export interface ScanPageView {
  /** The cleaned page (upright, level, evenly lit): a JPEG, base64, and its size. */
  mediaType: string;
  dataBase64: string;
  width: number;
  height: number;
  from: 'ocr' | 'text-layer';
  confidence: number;
  words: ScanWord[];
}

/** An article's scan, for the reader: its pages and words, and what was recognised how. */
export interface ScanView {
  id: string;
  pages: ScanPageView[];
  /** The languages recognised (`deu+eng`) and the engine. */
  languages: string;
  engine: string;
  /** What was guessed from the text, for the user to confirm. */
  guessed: { title: string | null; published: string | null };
  printPage: string | null;
  section: string | null;
  /** When this version is the user's correction: the capture it corrects. */
  correctedFrom: string | null;
  /** The files as received. */
  originals: { name: string; mediaType: string; sha256: string; size: number }[];
}

/** The user's correction of a scan's text: stored as a new version; the recognised text is kept. */
export interface CorrectScanRequest {
  id: string;
  text: string;
}

/** `window.cuttings`: the calls and the events. */
export type CuttingsBridge = CuttingsApi & CuttingsEvents;

/** The names on `window.cuttings` that are not channels. */
export const EVENT_METHODS = ['onAppEvent'] as const;

/** The method names of CuttingsApi, in CHANNELS order. */
export type ApiMethod = keyof typeof CHANNELS & keyof CuttingsApi;

/** The argument list of each API method, as sent over a channel. */
export type ApiArgs<M extends ApiMethod> = Parameters<CuttingsApi[M]>;

/** The list of method names, for building bridges from CHANNELS. */
export const API_METHODS = Object.keys(CHANNELS) as ApiMethod[];

// ---- Evidence: signed captures, timestamps, the custody log, the evidence report ----

/** What Settings shows of a library's evidence, and the status bar's count of waiting timestamps. */
export interface EvidenceStatus {
  /** The user's signing key, or null if it cannot be used (`keyError` says why in one line). */
  signingKey: { fingerprint: string; protection: string; file: string } | null;
  keyError: string | null;
  /** Every public key the library knows: the user's own and those of archives imported. */
  keys: { fingerprint: string; algorithm: string; label: string; added: string; own: boolean }[];
  /** The timestamping authority chosen for this library; null for none (the default). */
  tsa: string | null;
  /** Public TSAs to choose from. */
  publicTsas: readonly { name: string; url: string }[];
  /** Captures waiting for a timestamp. */
  waiting: number;
  /** Why the last attempt to send them stopped, when it did. */
  lastError: string | null;
  /** The TSA roots the user trusts in this library, by subject. */
  trustedRoots: string[];
}

/** A root certificate to trust for timestamps: the PEM text of a file the user chose, and its name. */
export interface TrustTsaRootRequest {
  pem: string;
  name: string;
}

/** What sending the waiting timestamps did. */
export interface TimestampSummary {
  stamped: number;
  waiting: number;
  /** Why it stopped early, in one line; null when every one was sent. */
  error: string | null;
  /** A token whose TSA root is not trusted here: that line; null otherwise. */
  untrusted: string | null;
}

/** Where to write a cutting's evidence report. */
export interface EvidenceReportRequest {
  id: string;
  /** The PDF's full path. */
  path: string;
  /** A new or empty folder for the bundle (the files and commands a third party checks it with); none to write the PDF only. */
  bundle?: string;
}

/** The report written, and its verdict. */
export interface EvidenceReportSummary {
  path: string;
  bundle: string | null;
  /** verified: signed, intact, timestamped by a trusted TSA, custody whole; signed: the same without a trusted timestamp; failed: something does not hold. */
  level: 'verified' | 'signed' | 'failed';
  /** Why it is not verified, one line each. */
  reasons: string[];
}

/** A cutting to delete, and why (kept in the custody log). */
export interface DeleteArticleRequest {
  id: string;
  reason?: string;
}

/** The details of an article to change (common/article-details.ts checks them). */
export interface EditDetailsRequest extends ArticleDetails {
  id: string;
}
