/**
 * A clipped item made ready to store: its new id, its catalog record (the user's metadata
 * over what the clipper found, and provenance) and its capture, and the tags the library's
 * rules give it. Cheap, and touches nothing on disk: the clipping is done before.
 */
import type { BatchItem, ImageLimits } from '../capture/batch-item';
import { withoutEmbeddedImages } from '../clip/embedded-images';
import type { ClipOutcome } from '../clip/clip-item';
import { ruleTagsForNew } from '../organise/rule-runs';
import type { TagRules } from '../organise/tag-rules';
import { dedupeTags } from '../organise/tag-store';
import { APP_VERSION } from '../storage/app-version';
import type { ArticleRecord } from '../storage/article-record';
import type { CapturedContent, OriginalKind } from '../storage/captures';
import { checkedNote } from '../notes/note-text';
import type { ValidatedAddOptions } from './add-options';
import { nextId } from './ids';

/** An article ready to write: its record, its capture and its original. */
export interface PreparedArticle {
  record: ArticleRecord;
  content: CapturedContent;
  /** The original bytes, compressed (zipOriginal). */
  zippedOriginal: Uint8Array;
  kind: OriginalKind;
  /** Files for the asset store, written before the capture that names them (a scan's page images). */
  assets?: { name: string; bytes: Uint8Array }[];
  /** What its manifest calls it when the provenance does not say (BatchItem.custodyEvent). */
  event?: 'corrected';
}

/** The record and capture of a clipped item; `canonicalTag` gives a tag the spelling in use. */
export function prepareArticle(item: BatchItem, options: ValidatedAddOptions, outcome: ClipOutcome, canonicalTag: (tag: string) => string): PreparedArticle {
  const { clipped } = outcome;
  const id = nextId();
  const captured = new Date().toISOString();
  const record: ArticleRecord = {
    id,
    title: options.title ?? clipped.title,
    url: options.url ?? clipped.url,
    source: options.source ?? clipped.source,
    author: options.author ?? clipped.author,
    published: options.published ?? clipped.published,
    clipped: captured,
    tags: dedupeTags(options.tags.map(canonicalTag)),
    excerpt: clipped.excerpt,
    words: outcome.words,
    lang: clipped.lang,
    provenance: {
      method: item.method,
      ...(options.fileName ? { fileName: options.fileName } : {}),
      captured,
      originalSha256: outcome.originalSha256,
      textSha256: outcome.textSha256,
      appVersion: APP_VERSION,
      ...item.provenance,
      ...(item.kind === 'html' && clipped.url ? { canonicalUrl: clipped.url } : {}),
      textSketch: outcome.textSketch,
    },
  };
  // A note given with the article (from the browser extension) is written with it, in one step.
  const note = item.note === undefined ? '' : checkedNote(id, item.note);
  if (note) record.note = note;
  const { text, html: clippedHtml, ...extracted } = clipped;
  // Embedded images are kept only where the add stores images (a file, a fetched page).
  const html = item.images ? clippedHtml : withoutEmbeddedImages(clippedHtml);
  const kind = item.originalKind ?? (item.kind === 'html' ? 'html' : 'txt');
  const http = item.exchanges && item.exchanges.length > 0 ? { http: { page: item.exchanges } } : {};
  const scan = item.scan ? { scan: item.scan.stored } : {};
  return { record, content: { id, text, html, extracted, record, ...http, ...scan }, zippedOriginal: outcome.zippedOriginal, kind, ...(item.scan ? { assets: item.scan.assets } : {}), ...(item.custodyEvent ? { event: item.custodyEvent } : {}) };
}

/** New articles with the tags the rules give them, the rules evaluated once for them all (none without rules: nothing is indexed then). */
export async function withRuleTags(prepared: PreparedArticle[], rules: TagRules, canonicalTag: (tag: string) => string): Promise<PreparedArticle[]> {
  const parsed = rules.parsed();
  if (parsed.length === 0 || prepared.length === 0) return prepared;
  const gains = await ruleTagsForNew(parsed, prepared.map((article) => ({ record: article.record, text: article.content.text })));
  return prepared.map((article, i) => {
    if (gains[i]!.length === 0) return article;
    const record = { ...article.record, tags: dedupeTags([...article.record.tags, ...gains[i]!.map(canonicalTag)]) };
    return { ...article, record, content: { ...article.content, record } };
  });
}

/**
 * A prepared article with its images in the asset store (downloaded, or taken from the file
 * or web archive it came in) and its HTML pointing at them; the images fetched from the web
 * are kept with the capture, with their requests and responses.
 */
export async function withLocalImages(root: string, article: PreparedArticle, limits: ImageLimits): Promise<PreparedArticle> {
  const { localiseImages } = await import('../fetch/download-images');
  const { html, fetched } = await localiseImages(root, article.content.html, limits);
  const http = fetched.length > 0 ? { http: { ...article.content.http, images: fetched } } : {};
  return { ...article, content: { ...article.content, html, ...http } };
}
