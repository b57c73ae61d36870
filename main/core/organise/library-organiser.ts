/**
 * Organising a library, as Library offers it: the tags of one article or of many, tag
 * colours, renaming, moving and deleting tags (undoable), tag rules, and the timeline. The
 * logic is in the modules beside this one; this checks that the library may be written and
 * hands each of them the library's records.
 */
import type { BulkTagRequest, BulkTagSummary, RulesRunSummary, TagChangeSummary, TagRule, Timeline, TimelineRequest } from '../../../common/api';
import type { TagCount } from '../../../common/article';
import { CuttingsError } from '../../../common/errors';
import type { QueryNode } from '../../../common/query';
import { isTagUnder, normaliseTag, tagKey } from '../../../common/tags';
import type { ArticleRecord } from '../storage/article-record';
import type { Catalog } from '../storage/catalog';
import { bulkEditTags, checkTagEdit, recordsOfIds } from './bulk-tags';
import { runRules } from './rule-runs';
import { TagChanges } from './tag-changes';
import type { TagColours } from './tag-colours';
import type { TagRules } from './tag-rules';
import type { ProgressCallback, TagStore } from './tag-store';
import { movedTagName } from './tag-tree';
import { buildTimeline } from './timeline';

/** What organising needs of the library (library/library-context.ts gives it). */
export interface OrganisedLibrary {
  readonly catalog: Catalog;
  /** Throws unless the library may be written. */
  assertWritable(): void;
  /** Runs a write to a library-level file once the library is known writable, explaining its errors as `library: <doing>: …`. */
  writing<T>(doing: string, work: () => Promise<T>): Promise<T>;
  /** One article's catalog record; throws `library: no article with id …` for an unknown id. */
  record(id: string): ArticleRecord;
  /** The spelling in use for a tag. */
  canonicalTag(tag: string): string;
  /** Writes a changed record and tells the search index. */
  writeRecord(updated: ArticleRecord): Promise<void>;
  /** The catalog as organising sees it. */
  tagStore(): TagStore;
}

/** The articles a query matches, as search finds them (search/library-search.ts). */
export interface RecordQueries {
  /** A query as the user typed it (the last word a prefix unless a space follows). */
  matchingRecords(query: string): Promise<ArticleRecord[]>;
  /** A parsed query, taken as written. */
  recordsMatchingTree(query: QueryNode): Promise<ArticleRecord[]>;
}

/** Tags, tag colours, tag rules and the timeline of one library. */
export class LibraryOrganiser {
  /** The session's undo stack of tag changes. */
  private readonly changes: TagChanges;

  constructor(
    private readonly library: OrganisedLibrary,
    private readonly queries: RecordQueries,
    private readonly colours: TagColours,
    private readonly rules: TagRules,
  ) {
    this.changes = new TagChanges(library.tagStore(), colours);
  }

  /**
   * Adds and removes tags on one article and returns its tags after the change. Tags are
   * normalised; one that differs from an existing tag only in case is the same tag.
   */
  async updateTags(id: string, add: string[], remove: string[]): Promise<string[]> {
    this.library.assertWritable();
    const record = this.library.record(id);
    const toAdd = add.map((tag) => this.library.canonicalTag(normaliseTag(tag)));
    const toRemove = new Set(remove.map((tag) => tagKey(normaliseTag(tag))));
    const tags = record.tags.filter((tag) => !toRemove.has(tagKey(tag)));
    for (const tag of toAdd) {
      if (!tags.some((existing) => tagKey(existing) === tagKey(tag))) tags.push(tag);
    }
    if (tags.length === record.tags.length && tags.every((tag, i) => tag === record.tags[i])) return tags;
    await this.library.writeRecord({ ...record, tags });
    return tags;
  }

  /** Every tag with the number of articles that carry it (and its colour, if it has one), most used first. */
  listTags(): TagCount[] {
    return this.colours.withColours(this.library.catalog.tags());
  }

  /** Sets (`#rrggbb`) or clears (null) a tag's colour; returns every tag with its count and colour. */
  async setTagColour(tag: string, colour: string | null): Promise<TagCount[]> {
    await this.library.writing('could not save the tag colour', () => this.colours.set(tag, colour));
    return this.listTags();
  }

  /**
   * Adds and removes tags on many articles: the ids given (an unknown one changes nothing), or
   * every article a query matches (as search() finds them). Written in batches, with progress.
   */
  async bulkTag(target: BulkTagRequest, onProgress?: ProgressCallback): Promise<BulkTagSummary> {
    this.library.assertWritable();
    const store = this.library.tagStore();
    const edit = checkTagEdit(store, target.add ?? [], target.remove ?? []);
    const records = 'ids' in target ? recordsOfIds(store, target.ids) : await this.queries.matchingRecords(target.query);
    return bulkEditTags(store, records, edit, onProgress);
  }

  /** The tag rules, in the order they were added. */
  tagRules(): TagRule[] {
    return this.rules.list();
  }

  /** Adds a rule: new cuttings that match `query` get `tags`. The query must parse. Returns every rule. */
  addTagRule(query: string, tags: string[]): Promise<TagRule[]> {
    return this.library.writing('could not save the rule', () => this.rules.add(query, tags, (tag) => this.library.canonicalTag(tag)));
  }

  /** Removes a rule by id; returns the rules left. */
  removeTagRule(id: number): Promise<TagRule[]> {
    return this.library.writing('could not remove the rule', () => this.rules.remove(id));
  }

  /** Runs every rule (or one) over the whole archive, or with `dryRun` only says what that would change. */
  async applyTagRules(options: { dryRun: boolean; ruleId?: number }, onProgress?: ProgressCallback): Promise<RulesRunSummary> {
    if (!options.dryRun) this.library.assertWritable();
    return runRules(this.library.tagStore(), this.rules.parsed(options.ruleId), (query) => this.queries.recordsMatchingTree(query), options.dryRun, onProgress);
  }

  /** Counts the articles a query matches (as search() finds them) by day, ISO week or month. */
  async timeline(request: TimelineRequest): Promise<Timeline> {
    return buildTimeline(await this.queries.matchingRecords(request.query), request.by, request.unit);
  }

  /**
   * Renames a tag and every tag under it on every article (`ukraine` → `europe/ukraine`
   * takes `ukraine/diplomacy` along); renaming onto an existing tag merges them. Undoable.
   */
  async renameTag(from: string, to: string, onProgress?: ProgressCallback): Promise<TagChangeSummary> {
    this.library.assertWritable();
    return this.changes.rename(from, to, onProgress);
  }

  /** Moves a tag (and the tags under it) under `parent`, or to the top level for null. Undoable. */
  async moveTag(tag: string, parent: string | null, onProgress?: ProgressCallback): Promise<TagChangeSummary> {
    this.library.assertWritable();
    const moving = normaliseTag(tag);
    const under = parent === null ? null : normaliseTag(parent);
    if (under !== null && isTagUnder(under, tagKey(moving))) throw new CuttingsError('invalid-input', `tags: “${moving}” cannot be moved under itself (“${under}”)`);
    return this.changes.rename(moving, movedTagName(moving, under), onProgress);
  }

  /** Removes a tag and every tag under it from every article. Undoable. */
  async deleteTag(tag: string, onProgress?: ProgressCallback): Promise<TagChangeSummary> {
    this.library.assertWritable();
    return this.changes.remove(tag, onProgress);
  }

  /** Undoes the latest rename, merge, move or delete of this session; null when there is none. */
  async undoTagChange(onProgress?: ProgressCallback): Promise<TagChangeSummary | null> {
    this.library.assertWritable();
    return this.changes.undo(onProgress);
  }

  /** Whether a tag change can be undone now. */
  canUndoTagChange(): boolean {
    return this.changes.canUndo;
  }
}
