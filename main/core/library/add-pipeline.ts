/**
 * Adding one article: check the user's metadata, clip, build the record, give it the rules'
 * tags, and store it (sealed with its signed manifest: the capture first, then its custody
 * entry, then the catalog entry that names it), unless it duplicates an article already in
 * the library. Batches are add-batch.ts.
 */
import type { AddOutcome, DuplicateMatch } from '../../../common/api';
import type { ArticleSummary } from '../../../common/article';
import type { BatchItem, ImageLimits } from '../capture/batch-item';
import { clipItem } from '../clip/clip-item';
import { addressesOf, findDuplicate } from '../duplicates/find-duplicate';
import type { TagRules } from '../organise/tag-rules';
import { toSummary } from '../storage/article-record';
import { storeAsset } from '../storage/assets';
import { removeCapture, writeCapture } from '../storage/captures';
import { clipInput, validateAddOptions } from './add-options';
import type { DuplicatePolicy } from './article-access';
import type { LibraryContext } from './library-context';
import { asLibraryError } from './library-errors';
import { prepareArticle, withLocalImages, withRuleTags, type PreparedArticle } from './prepare-article';
import { articleVersions } from './read-model';

/** Adds articles one at a time. */
export class AddPipeline {
  constructor(
    private readonly context: LibraryContext,
    private readonly rules: TagRules,
  ) {}

  /** Clips and stores one article, duplicate or not. */
  async add(item: BatchItem): Promise<ArticleSummary> {
    this.context.assertWritable();
    return this.store(await this.prepare(item));
  }

  /**
   * Clips and stores one article unless it is already in the library: the same address
   * (tracking parameters aside), the same text, or nearly the same text
   * (duplicates/find-duplicate.ts). On a duplicate, `ask` and `skip` store nothing and
   * answer `{ status: 'duplicate' }`; `keep` stores it as a separate article; `version`
   * stores it as a later version of the first capture. An item whose provenance already
   * names `versionOf` (a re-capture) is stored as a version of that article if its text
   * differs from the latest version's, and answers `duplicate` (unchanged) if not.
   */
  async addChecked(item: BatchItem, onDuplicate: DuplicatePolicy): Promise<AddOutcome> {
    this.context.assertWritable();
    const article = await this.prepare(item);
    // Stores the article, its images first when asked (never for a duplicate left unstored).
    const store = async (ready: PreparedArticle) => this.store(item.images ? await this.withLocalImages(ready, item.images) : ready);
    const { record } = article;
    if (record.provenance.versionOf) {
      // A re-capture: stored only if its text differs from the latest version's.
      const versions = await articleVersions(this.context, record.provenance.versionOf);
      const latest = versions[versions.length - 1]!;
      if (latest.provenance.textSha256 === record.provenance.textSha256) {
        return {
          status: 'duplicate',
          duplicate: { id: latest.id, title: latest.title, url: latest.url, clipped: latest.clipped, reason: 'same-text', similarity: 1, detail: 'the very same text' },
        };
      }
      return { status: 'added', article: await store(article), versionOf: versions[0]!.id };
    }
    const duplicate = await this.duplicateOf(article);
    if (!duplicate) return { status: 'added', article: await store(article) };
    if (onDuplicate === 'ask' || onDuplicate === 'skip') return { status: 'duplicate', duplicate };
    if (onDuplicate === 'keep') return { status: 'added', article: await store(article), duplicate };
    const first = this.context.record(duplicate.id);
    const root = first.provenance.versionOf ?? first.id;
    const versioned = { ...record, provenance: { ...record.provenance, versionOf: root } };
    return {
      status: 'added',
      article: await store({ ...article, record: versioned, content: { ...article.content, record: versioned } }),
      duplicate,
      versionOf: root,
    };
  }

  /**
   * What addChecked would store, without storing anything: the title the record would have
   * and the article it would duplicate (the browser extension shows both before the user
   * clips). A re-capture's item is not previewed.
   */
  async preview(item: BatchItem): Promise<{ title: string; duplicate: DuplicateMatch | null }> {
    const article = await this.prepare(item);
    return { title: article.record.title, duplicate: await this.duplicateOf(article) };
  }

  /** The article in the library that a prepared one repeats, if any (duplicates/find-duplicate.ts). */
  private async duplicateOf(article: PreparedArticle): Promise<DuplicateMatch | null> {
    const { record } = article;
    const probe = {
      urls: addressesOf(record),
      text: article.content.text,
      textSha256: record.provenance.textSha256,
      textSketch: record.provenance.textSketch ?? '',
    };
    return findDuplicate(probe, await this.context.duplicates.candidates(probe), (id) => this.context.textOf(id));
  }

  /** Validates and clips one item and builds its record; touches nothing on disk. */
  private async prepare(item: BatchItem): Promise<PreparedArticle> {
    const options = validateAddOptions(item.request);
    return prepareArticle(item, options, await clipItem(clipInput(item, options)), (tag) => this.context.canonicalTag(tag));
  }

  /** Downloads an article's images into the asset store and points its HTML at them. */
  private withLocalImages(article: PreparedArticle, limits: ImageLimits): Promise<PreparedArticle> {
    return withLocalImages(this.context.root, article, limits);
  }

  /**
   * Writes a prepared article: sealed with its signed manifest, its capture first, its
   * custody entry, then the catalog entry that names it.
   */
  private async store(untagged: PreparedArticle): Promise<ArticleSummary> {
    const article = (await withRuleTags([untagged], this.rules, (tag) => this.context.canonicalTag(tag)))[0]!;
    const { id } = article.record;
    const { evidence } = this.context;
    // Sealed before anything is written: a signing key that cannot be used stops the add here.
    const [content] = await evidence.seal([{ content: article.content, kind: article.kind, event: article.event }]);
    // The capture goes to disk first and the catalog last: until the catalog names the
    // article it does not exist, so a failure at any step leaves the library as it was. The
    // custody entry comes between, so that every article the catalog names has one.
    let recorded = false;
    try {
      // A scan's page images go to the asset store first: content-addressed, so one left by a
      // failed add is only a file no capture names yet (and the same page added again reuses it).
      for (const asset of article.assets ?? []) await storeAsset(this.context.root, asset.bytes, asset.name.split('.')[1]!);
      await writeCapture(this.context.root, content!, article.zippedOriginal, article.kind);
      await evidence.recordCaptured([content!]);
      recorded = true;
      // The capture (written durably above) holds this very record: the journal points to it.
      await this.context.commit(new Map([[id, article.record]]), { inCaptures: new Set(content!.record === article.record ? [id] : []) });
    } catch (error) {
      await removeCapture(this.context.root, id).catch(() => undefined);
      const failure = asLibraryError(error, `could not save "${article.record.title}"`);
      if (recorded) await evidence.recordAbandoned([id], failure.message).catch(() => undefined);
      throw failure;
    }
    this.context.search.added([{ record: article.record, text: article.content.text }]);
    return toSummary(article.record);
  }
}
