/**
 * Editing an article's details after capture: its title, publication date, author(s) and
 * source. The capture and its signed manifest are never rewritten (the manifest keeps the
 * title as captured); the catalog record changes, and the custody log records the change,
 * signed, with what each field was and became, before the catalog is written — as a deletion
 * is recorded first — so that no edit reaches the library off the record. Saving details
 * that change nothing still stamps the record `edited`: the user confirmed them (a scan's
 * guessed headline and date are then no longer "to be checked").
 */
import { checkDetails, type ArticleDetails, type CheckedDetails } from '../../../common/article-details';
import { CuttingsError } from '../../../common/errors';
import { readSealedManifest } from '../evidence/capture-manifest';
import type { AddOutcome } from '../../../common/api';
import { toSummary, type ArticleRecord } from '../storage/article-record';
import { readCapture } from '../storage/captures';
import type { LibraryContext } from './library-context';
import { OneAtATime } from '../../../common/one-at-a-time';

type DetailField = keyof CheckedDetails;
const FIELDS: readonly DetailField[] = ['title', 'published', 'author', 'source'];
/** The fields the search index holds words of: changing one re-indexes the article with its text. */
const INDEXED: ReadonlySet<DetailField> = new Set(['title', 'author', 'source']);

/** Edits articles' details one at a time, so that two edits of one record never race. */
export class DetailsEditor {
  private readonly editing = new OneAtATime();

  constructor(private readonly context: LibraryContext) {}

  /** Changes the details of article `id` (a field left out is kept) and returns its record after. */
  edit(id: string, details: ArticleDetails): Promise<ArticleRecord> {
    return this.editing.run(() => editDetails(this.context, id, details));
  }

  /**
   * Gives a new version (`outcome` of a scan's correction) the details the user edited or
   * confirmed on the version `from`, which the add stored only in part (its date as a day, no
   * author); the custody log records what that changes.
   */
  async carryOver(from: string, outcome: AddOutcome): Promise<AddOutcome> {
    const edited = this.context.record(from);
    if (outcome.status !== 'added' || edited.edited === undefined) return outcome;
    const { title, published, author, source } = edited;
    const record = await this.edit(outcome.article.id, { title, published: published ?? '', author: author ?? '', source: source ?? '' });
    return { ...outcome, article: toSummary(record) };
  }
}

/** See the top of the file. Throws (and writes nothing) for an unknown id or a bad value. */
async function editDetails(context: LibraryContext, id: string, details: ArticleDetails): Promise<ArticleRecord> {
  context.assertWritable();
  const before = context.record(id);
  const checked = checkDetails(details);
  if (!checked.ok) throw new CuttingsError('invalid-input', checked.problem.message);
  const changed = FIELDS.filter((field) => checked.details[field] !== undefined && checked.details[field] !== (before[field] ?? null));

  let text: string | null = null;
  if (changed.length > 0) {
    // The entry names the capture's manifest, so it says which sealed capture's details changed.
    const content = await readCapture(context.root, id).catch(() => null);
    text = content?.text ?? null;
    const manifest = content ? readSealedManifest(content) : null;
    await context.evidence.recordEdit({ article: id, ...(manifest ? { manifest: manifest.sha256 } : {}) }, describeChange(before, checked.details, changed));
  } else if (before.edited !== undefined) {
    return before;
  }

  // Read again: a tag or note edit may have been written while the log was.
  const current = context.record(id);
  const updated: ArticleRecord = { ...current, edited: new Date().toISOString() };
  for (const field of changed) {
    if (field === 'title') updated.title = checked.details.title!;
    else updated[field] = checked.details[field] ?? null;
  }
  await context.commit(new Map([[id, updated]]));
  if (text !== null && changed.some((field) => INDEXED.has(field))) context.search.added([{ record: updated, text }]);
  else context.search.catalogChanged([updated]);
  return updated;
}

/** What the custody entry says: each field changed, from what to what (`none` for empty). */
function describeChange(before: ArticleRecord, after: CheckedDetails, changed: readonly DetailField[]): string {
  const shown = (value: string | null | undefined) => (value ? JSON.stringify(value) : 'none');
  return `${changed.map((field) => `${field} ${shown(before[field])} → ${shown(after[field])}`).join('; ')}`;
}
