/**
 * Adding many articles at once (an import): each capture is sealed (its signed manifest) and
 * written without a sync, the file system is synced once, the custody log records them in
 * one entry, and only then does the catalog name them all, so that 100,000 articles cost one
 * durable flush rather than 100,000. The items of a large batch are clipped
 * in the clip worker while this thread writes the part before.
 */
import type { ArticleSummary } from '../../../common/article';
import { CuttingsError } from '../../../common/errors';
import { rm } from 'node:fs/promises';
import type { BatchItem } from '../capture/batch-item';
import { clipItems, type ClipAnswer, type ClipInput } from '../clip/clip-item';
import { tokenPath, writeTimestampForBatch } from '../evidence/timestamp-queue';
import type { ClipWorker } from '../clip/clip-worker-client';
import type { TagRules } from '../organise/tag-rules';
import { toSummary, type ArticleRecord } from '../storage/article-record';
import { removeCapture, writeCaptureForBatch, zipOriginal, type CapturedContent } from '../storage/captures';
import { syncMany } from '../storage/durable-file';
import { clipInput, validateAddOptions, type ValidatedAddOptions } from './add-options';
import type { BatchResult, ClippingBatch, RestoreItem } from './article-access';
import type { LibraryContext } from './library-context';
import { asLibraryError } from './library-errors';
import { prepareArticle, withLocalImages, withRuleTags, type PreparedArticle } from './prepare-article';
import { yieldToOthers } from '../yield-to-others';

/** How many items of a batch are clipped together (one message to the clip worker). */
const CLIP_PART = 250;

/**
 * How many added articles may wait to be indexed before the next batch is stored: one
 * import batch (import-jsonl.ts), so that the index takes in one batch while the next is
 * written, and no more pile up in this thread's heap.
 */
const INDEX_BACKLOG = 10_000;

/** How many articles a batch clips or writes before letting other work on this thread run. */
const WRITES_BETWEEN_YIELDS = 32;

/** Adds and restores articles a batch at a time. */
export class AddBatch {
  constructor(
    private readonly context: LibraryContext,
    private readonly rules: TagRules,
    /** Clips the items of large batches in a thread of its own; null clips in this one. */
    private readonly clipWorker: ClipWorker | null,
  ) {}

  /**
   * Adds many articles with one durable flush: each capture is written, the file system is
   * synced once, then the catalog shards are written. Items that cannot be clipped are
   * reported by index and do not stop the rest.
   */
  async addBatch(items: BatchItem[] | ClippingBatch): Promise<BatchResult> {
    this.context.assertWritable();
    const { root, catalog } = this.context;
    const batch = Array.isArray(items) ? this.clipAhead(items) : items;
    const { evidence } = this.context;
    const prepared: PreparedArticle[] = [];
    const sealed: CapturedContent[] = [];
    const failed: BatchResult['failed'] = [];
    const written: string[] = [];
    let recorded = false;
    try {
      // Items are clipped a part at a time (in the clip worker when there is one, while this
      // thread writes the part before), sealed with their signed manifests, then written
      // without a sync each; the file system is synced once at the end, the custody log
      // records them, and only then does the catalog name them.
      for await (const clippedPart of this.clipInParts(batch)) {
        const part = await this.withRuleTagsInPart(clippedPart);
        // Images come along as in addChecked (a web archive's pages carry theirs; nothing is
        // fetched for those), before sealing: the manifest names each image's hash.
        const articles: PreparedArticle[] = [];
        for (const { index, outcome } of part) {
          if ('message' in outcome) continue;
          const images = batch.items[index]!.images;
          articles.push(images ? await withLocalImages(root, outcome, images) : outcome);
        }
        const contents = await evidence.seal(articles.map((article) => ({ content: article.content, kind: article.kind, event: article.event })));
        let next = 0;
        for (const { index, outcome } of part) {
          if ('message' in outcome) failed.push({ index, message: outcome.message });
          else {
            const article = articles[next]!;
            const content = contents[next++]!;
            prepared.push(article);
            sealed.push(content);
            written.push(writeCaptureForBatch(root, content, article.zippedOriginal, article.kind));
          }
          // The writes are synchronous (see writeCaptureForBatch): let other work in now and then.
          if (index % WRITES_BETWEEN_YIELDS === WRITES_BETWEEN_YIELDS - 1) await yieldToOthers();
        }
      }
      await syncMany(root, written);
      await evidence.recordCaptured(sealed);
      recorded = true;
      // Each capture, synced above, holds its article's record as the catalog gets it: the
      // journal names them by a pointer rather than every record a second time.
      const inCaptures = new Set(prepared.filter((article, i) => sealed[i]!.record === article.record).map((article) => article.record.id));
      await catalog.apply(new Map(prepared.map((article) => [article.record.id, article.record])), { inCaptures });
    } catch (error) {
      // Captures are only reachable through the catalog; remove those it does not name.
      const unstored = prepared.filter((article) => !catalog.get(article.record.id)).map((article) => article.record.id);
      await Promise.all(unstored.map((id) => removeCapture(root, id))).catch(() => undefined);
      const failure = asLibraryError(error, `could not save ${prepared.length} articles`);
      if (recorded && unstored.length > 0) await evidence.recordAbandoned(unstored, failure.message).catch(() => undefined);
      throw failure;
    }
    this.context.search.added(prepared.map((article) => ({ record: article.record, text: article.content.text })));
    await this.context.search.caughtUpTo(INDEX_BACKLOG);
    return { added: prepared.map((article) => toSummary(article.record)), failed };
  }

  /**
   * Starts clipping a batch in the clip worker (when there is one and the batch is large)
   * and returns it for addBatch. A bulk import hands over its next batch this way before the
   * batch in hand is written, so that the worker clips while this thread writes and syncs.
   */
  clipAhead(items: BatchItem[]): ClippingBatch {
    const parts: ClippingBatch['parts'] = [];
    items.forEach((item, index) => {
      if (index % CLIP_PART === 0) parts.push([]);
      let options: ValidatedAddOptions | { message: string };
      try {
        options = validateAddOptions(item.request);
      } catch (error) {
        if (!(error instanceof CuttingsError)) throw error;
        options = { message: error.message };
      }
      parts[parts.length - 1]!.push({ index, item, options });
    });
    // With a worker, every part is posted now: it clips them one after another.
    const worker = items.length >= CLIP_PART ? this.clipWorker : null;
    const answers = worker ? parts.map((part) => worker.clip(clipInputsOf(part))) : null;
    // A batch handed over but never added (the one before it failed) must not leave a rejection unheard.
    for (const answer of answers ?? []) answer.catch(() => undefined);
    return { items, parts, answers };
  }

  /**
   * Puts back articles exactly as another library stored them (same id, record, capture and
   * original), for the lossless archive import. Like addBatch: every capture is written and
   * synced, then the catalog names them all at once; if that fails, the captures go again.
   * An id the library already holds is refused by the caller, not here.
   */
  async restoreBatch(items: RestoreItem[]): Promise<ArticleSummary[]> {
    this.context.assertWritable();
    const { root, catalog } = this.context;
    const written: string[] = [];
    let recorded = false;
    try {
      for (const [at, item] of items.entries()) {
        written.push(writeCaptureForBatch(root, item.content, zipOriginal(item.original), item.kind));
        if (item.timestamp) written.push(writeTimestampForBatch(root, item.record.id, item.timestamp));
        if (at % WRITES_BETWEEN_YIELDS === WRITES_BETWEEN_YIELDS - 1) await yieldToOthers();
      }
      await syncMany(root, written);
      // Restored as another library sealed them: the custody log records the import.
      const stamped = new Set(items.filter((item) => item.timestamp).map((item) => item.record.id));
      await this.context.evidence.recordCaptured(items.map((item) => item.content), 'imported', stamped);
      recorded = true;
      // A restored record may have moved on from the one its capture holds (tags added since):
      // only those still the same are journaled as a pointer to their capture.
      const inCaptures = new Set(items.filter((item) => sameRecord(item.content.record, item.record)).map((item) => item.record.id));
      await catalog.apply(new Map(items.map((item) => [item.record.id, item.record])), { inCaptures });
    } catch (error) {
      const unstored = items.filter((item) => !catalog.get(item.record.id)).map((item) => item.record.id);
      await Promise.all(unstored.flatMap((id) => [removeCapture(root, id), rm(tokenPath(root, id), { force: true })])).catch(() => undefined);
      const failure = asLibraryError(error, `could not restore ${items.length} articles`);
      if (recorded && unstored.length > 0) await this.context.evidence.recordAbandoned(unstored, failure.message).catch(() => undefined);
      throw failure;
    }
    this.context.search.added(items.map((item) => ({ record: item.record, text: item.content.text })));
    await this.context.search.caughtUpTo(INDEX_BACKLOG);
    return items.map((item) => toSummary(item.record));
  }

  /**
   * The batch's items clipped and prepared, a part at a time, in order; an item that cannot
   * be clipped comes with its message. With a clip worker every part was handed over at once
   * (clipAhead) and comes back as it is done.
   */
  private async *clipInParts({ parts, answers }: ClippingBatch): AsyncGenerator<{ index: number; outcome: PreparedArticle | { message: string } }[]> {
    for (const [at, part] of parts.entries()) {
      const clipped: ClipAnswer[] = [];
      if (answers) clipped.push(...(await answers[at]!));
      else {
        // In this thread, a few at a time: other work on it (the window's calls) gets in between.
        const inputs = clipInputsOf(part);
        for (let from = 0; from < inputs.length; from += WRITES_BETWEEN_YIELDS) {
          clipped.push(...(await clipItems(inputs.slice(from, from + WRITES_BETWEEN_YIELDS))));
          await yieldToOthers();
        }
      }
      let next = 0;
      yield part.map(({ index, item, options }) => {
        if ('message' in options) return { index, outcome: options };
        const answer = clipped[next++]!;
        if (!answer.ok) {
          if (!answer.expected) throw new CuttingsError('internal', answer.message);
          return { index, outcome: { message: answer.message } };
        }
        return { index, outcome: prepareArticle(item, options, answer.value, (tag) => this.context.canonicalTag(tag)) };
      });
    }
  }

  /** A part of a batch with the rules' tags on its new articles (the failed items as they were). */
  private async withRuleTagsInPart<T extends { outcome: PreparedArticle | { message: string } }>(part: T[]): Promise<T[]> {
    const prepared = part.flatMap(({ outcome }) => ('message' in outcome ? [] : [outcome]));
    const tagged = await withRuleTags(prepared, this.rules, (tag) => this.context.canonicalTag(tag));
    let next = 0;
    return part.map((item) => ('message' in item.outcome ? item : { ...item, outcome: tagged[next++]! }));
  }
}

/** Whether a capture's record is, as JSON, the record the catalog is given. */
function sameRecord(inCapture: ArticleRecord | undefined, record: ArticleRecord): boolean {
  return inCapture !== undefined && (inCapture === record || JSON.stringify(inCapture) === JSON.stringify(record));
}

/** The clip inputs of a part's items that passed validation, in order. */
function clipInputsOf(part: ClippingBatch['parts'][number]): ClipInput[] {
  return part.flatMap(({ item, options }) => ('message' in options ? [] : [clipInput(item, options)]));
}
