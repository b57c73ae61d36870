/**
 * What the browser sends, turned into an item for the library's usual add path (clip,
 * sanitise, check for duplicates, store): the bookmarklet's page or selection, the extension's
 * page, selection or link, and a SingleFile save. Each keeps provenance of where it came from —
 * method `browser`, which clipper, which browser, the page's address — and nothing here
 * touches the library but through addChecked and previewChecked, so a refusal or a failure
 * stores nothing.
 */
import type { AddOutcome, DuplicateMatch } from '../../../common/api';
import type { BrowserClip } from '../../../common/bookmarklet';
import { EXTENSION_LIMITS, type ExtensionClip } from '../../../common/browser-protocol';
import { CuttingsError } from '../../../common/errors';
import type { BatchItem } from '../capture/batch-item';
import { escapeHtml } from '../clip/escape-html';
import { fetchForClipping, type ClipUrlOptions } from '../fetch/clip-url';
import type { ArticleWriter, DuplicatePolicy } from '../library/article-access';

/** Wraps a selection as a document of its own, under the page's title. */
function selectionDocument(selectionHtml: string, title: string | undefined): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title ?? '')}</title></head><body><article>${selectionHtml}</article></body></html>`;
}

/**
 * Stores a page sent by the bookmarklet: the whole document, or the selection wrapped as an
 * article under the page's title. Provenance says it came from the browser, from which page.
 */
export function clipFromBrowser(library: ArticleWriter, clip: BrowserClip, onDuplicate: DuplicatePolicy): Promise<AddOutcome> {
  const selection = clip.selectionHtml !== undefined;
  return library.addChecked(
    {
      kind: 'html',
      request: { html: selection ? selectionDocument(clip.selectionHtml!, clip.title) : clip.html!, ...(selection && clip.title ? { title: clip.title } : {}) },
      method: 'browser',
      name: clip.url,
      pageUrl: clip.url,
      provenance: { originalUrl: clip.url, finalUrl: clip.url, contentType: 'text/html', clipper: 'bookmarklet' },
      images: {},
    },
    onDuplicate,
  );
}

/**
 * Checks an extension's clip as posted; returns it typed, or what is wrong as a string (the
 * endpoint prefixes `browser endpoint:`). The limits are those of common/browser-protocol.ts.
 */
export function parseExtensionClip(value: Record<string, unknown>): ExtensionClip | string {
  const kind = value.kind;
  if (kind !== 'page' && kind !== 'selection' && kind !== 'link') return `"kind" must be "page", "selection" or "link", not ${JSON.stringify(kind ?? null)}`;
  for (const field of ['url', 'pageTitle', 'html', 'selectionHtml', 'linkUrl', 'title', 'note', 'browser']) {
    if (value[field] !== undefined && typeof value[field] !== 'string') return `"${field}" must be a string`;
  }
  const clip = value as unknown as ExtensionClip;
  if (!isWebAddress(clip.url)) return `"url" must be the page's http(s) address, not ${shown(value.url)}`;
  if (kind === 'page' && clip.html === undefined) return 'a page clip needs "html", the page as the browser holds it';
  if (kind === 'selection' && clip.selectionHtml === undefined) return 'a selection clip needs "selectionHtml"';
  if (kind === 'link' && !isWebAddress(clip.linkUrl)) return `a link clip needs "linkUrl", an http(s) address, not ${shown(value.linkUrl)}`;
  const html = clip.html ?? clip.selectionHtml ?? '';
  if (html.length > EXTENSION_LIMITS.maxHtmlChars) return `the page has ${megabytes(html.length)} MB of HTML; Cuttings takes pages up to ${megabytes(EXTENSION_LIMITS.maxHtmlChars)} MB`;
  if (clip.tags !== undefined && (!Array.isArray(clip.tags) || clip.tags.some((tag) => typeof tag !== 'string'))) return '"tags" must be a list of strings';
  if ((clip.tags?.length ?? 0) > EXTENSION_LIMITS.maxTags) return `at most ${EXTENSION_LIMITS.maxTags} tags, not ${clip.tags!.length}`;
  if ((clip.note?.length ?? 0) > EXTENSION_LIMITS.maxNoteChars) return `the note has ${clip.note!.length.toLocaleString('en')} characters; a note may have at most ${EXTENSION_LIMITS.maxNoteChars.toLocaleString('en')}`;
  if (clip.onDuplicate !== undefined && !['ask', 'skip', 'keep', 'version'].includes(clip.onDuplicate)) return `"onDuplicate" must be "ask", "skip", "keep" or "version"`;
  const images = parseImages(clip.images);
  if (typeof images === 'string') return images;
  return clip;
}

/** Checks the images sent beside a page: at most so many, each within its size, base64. */
function parseImages(images: unknown): string | null {
  if (images === undefined) return null;
  if (typeof images !== 'object' || images === null || Array.isArray(images)) return '"images" must be an object of address → base64';
  const entries = Object.entries(images as Record<string, unknown>);
  if (entries.length > EXTENSION_LIMITS.maxImages) return `at most ${EXTENSION_LIMITS.maxImages} images, not ${entries.length}`;
  let total = 0;
  for (const [url, data] of entries) {
    if (!isWebAddress(url)) return `an image's address must be http(s), not ${shown(url)}`;
    if (typeof data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/u.test(data)) return `the image ${url.slice(0, 200)} is not base64`;
    const bytes = Math.floor((data.length * 3) / 4);
    if (bytes > EXTENSION_LIMITS.maxImageBytes) return `the image ${url.slice(0, 200)} is larger than ${megabytes(EXTENSION_LIMITS.maxImageBytes)} MB`;
    total += bytes;
  }
  if (total > EXTENSION_LIMITS.maxImagesBytes) return `the images come to more than ${megabytes(EXTENSION_LIMITS.maxImagesBytes)} MB`;
  return null;
}

/**
 * The item an extension's clip becomes. A page keeps the images the extension sent (the
 * pictures a login shows) and fetches only those it could not send; a selection is wrapped
 * under the page's title; a link is fetched by the app, as an address typed in Add would be.
 */
export async function extensionClipItem(clip: ExtensionClip, fetchOptions: ClipUrlOptions = {}): Promise<BatchItem> {
  const provenance = { clipper: 'extension' as const, ...(clip.browser ? { browser: clip.browser.slice(0, 100) } : {}) };
  const metadata = { ...(clip.title?.trim() ? { title: clip.title } : {}), ...(clip.tags?.length ? { tags: clip.tags } : {}) };
  const note = clip.note?.trim() ? { note: clip.note } : {};
  if (clip.kind === 'link') {
    const fetched = await fetchForClipping({ url: clip.linkUrl!, ...metadata }, fetchOptions);
    return { ...fetched, method: 'browser', provenance: { ...fetched.provenance, ...provenance }, ...note };
  }
  const selection = clip.kind === 'selection';
  // Keyed as the sanitiser writes an image's address (data-src), so that each is found.
  const embedded = new Map(Object.entries(clip.images ?? {}).map(([url, data]) => [new URL(url).href, Buffer.from(data, 'base64')]));
  return {
    kind: 'html',
    request: {
      html: selection ? selectionDocument(clip.selectionHtml!, clip.pageTitle) : clip.html!,
      ...metadata,
      ...(selection && !metadata.title && clip.pageTitle?.trim() ? { title: clip.pageTitle } : {}),
    },
    method: 'browser',
    name: clip.url,
    pageUrl: clip.url,
    provenance: { originalUrl: clip.url, finalUrl: clip.url, contentType: 'text/html', ...provenance },
    images: { embedded, fetch: fetchOptions },
    ...note,
  };
}

/** Stores an extension's clip (see extensionClipItem); a duplicate is stored or not as `onDuplicate` says. */
export async function clipFromExtension(library: ArticleWriter, clip: ExtensionClip, fetchOptions: ClipUrlOptions = {}): Promise<AddOutcome> {
  return library.addChecked(await extensionClipItem(clip, fetchOptions), clip.onDuplicate ?? 'ask');
}

/** The title an extension's clip would be stored under and the cutting it would duplicate; stores nothing. */
export async function previewExtensionClip(library: ArticleWriter, clip: ExtensionClip, fetchOptions: ClipUrlOptions = {}): Promise<{ title: string; duplicate: DuplicateMatch | null }> {
  // Images do not change the title or the text: the preview is sent without them.
  return library.previewChecked(await extensionClipItem({ ...clip, images: {} }, fetchOptions));
}

/** A page saved by SingleFile and uploaded to the endpoint: its HTML carries its images as data: URIs. */
export function singleFileItem(html: string, url: string | undefined, tags: string[]): BatchItem {
  if (html.trim() === '') throw new CuttingsError('invalid-input', 'browser endpoint: the SingleFile upload holds an empty page');
  return {
    kind: 'html',
    request: { html, ...(tags.length ? { tags } : {}) },
    method: 'browser',
    name: url ?? 'SingleFile upload',
    ...(url ? { pageUrl: url } : {}),
    provenance: { ...(url ? { originalUrl: url, finalUrl: url } : {}), contentType: 'text/html', clipper: 'singlefile' },
    // Its pictures are inside it; nothing is fetched for a file a browser already saved whole.
    images: { fetchRemote: false },
  };
}

/** Whether a value is an http or https address. */
export function isWebAddress(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\//iu.test(value) && URL.canParse(value);
}

/** A value as JSON, cut short, for a message. */
function shown(value: unknown): string {
  return JSON.stringify(typeof value === 'string' ? value.slice(0, 200) : (value ?? null));
}

function megabytes(value: number): string {
  return (value / (1024 * 1024)).toFixed(value < 10 * 1024 * 1024 ? 1 : 0);
}
