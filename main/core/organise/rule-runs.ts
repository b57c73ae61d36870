/**
 * Running tag rules (tag-rules.ts): on each new cutting as it is stored, and on demand over
 * the whole archive, with a dry run that counts and lists what would change.
 *
 * A new cutting is not in the search index yet, so its rules are evaluated against a small
 * index of the new articles alone (the same SearchIndex and query evaluator as search, so a
 * rule matches a new article exactly when searching for its query would find it): cheaper
 * than waiting for the library's index, and it works before that index has loaded. Rule
 * queries are taken as written: unlike the search box, the last word is not a prefix.
 * Rules run once on what the article is as added; the tags one rule adds do not set off
 * another.
 */
import type { RuleChange, RulesRunSummary } from '../../../common/api';
import { tagKey } from '../../../common/tags';
import type { QueryNode } from '../../../common/query';
import type { ArticleRecord } from '../storage/article-record';
import { evaluateQuery } from '../search/query-evaluator';
import { SearchIndex } from '../search/search-index';
import { indexable } from '../search/search-service';
import type { ParsedRule } from './tag-rules';
import { articles, dedupeTags, PartialWriteError, writeInBatches, type ProgressCallback, type TagStore } from './tag-store';
import { CuttingsError } from '../../../common/errors';

/** How many changes a run's summary lists. */
const LISTED_CHANGES = 200;

/**
 * The tags each new article gains from the rules, in order (an empty list for one that
 * gains none). Tags it already has (whatever their case) are not repeated.
 */
export async function ruleTagsForNew(rules: readonly ParsedRule[], added: readonly { record: ArticleRecord; text: string }[]): Promise<string[][]> {
  const gains = added.map((): string[] => []);
  if (rules.length === 0 || added.length === 0) return gains;
  const index = SearchIndex.create();
  for (const { record, text } of added) index.add(indexable(record, text));
  for (const { rule, query } of rules) {
    const { scores } = await evaluateQuery(query, {
      count: index.documentCount,
      record: (doc) => index.record(doc),
      matchTerms: (queries) => index.matchTerms(queries),
      text: async (doc) => added[doc]!.text,
    });
    for (const doc of scores.docs()) gains[doc]!.push(...rule.tags);
  }
  return added.map(({ record }, i) => {
    const have = new Set(record.tags.map(tagKey));
    return dedupeTags(gains[i]!.filter((tag) => !have.has(tagKey(tag))));
  });
}

/**
 * Runs rules over the whole archive: `match` finds every article a rule's query matches.
 * A dry run writes nothing; otherwise the tags are added in batches with progress.
 */
export async function runRules(
  store: TagStore,
  rules: readonly ParsedRule[],
  match: (query: QueryNode) => Promise<ArticleRecord[]>,
  dryRun: boolean,
  onProgress?: ProgressCallback,
): Promise<RulesRunSummary> {
  const gains = new Map<string, { record: ArticleRecord; add: string[] }>();
  const perRule: RulesRunSummary['rules'] = [];
  for (const parsed of rules) {
    const matched = await match(parsed.query);
    let changed = 0;
    for (const record of matched) {
      const have = new Set(record.tags.map(tagKey));
      const add = parsed.rule.tags.map((tag) => store.spellingOf(tag) ?? tag).filter((tag) => !have.has(tagKey(tag)));
      if (add.length === 0) continue;
      changed++;
      const entry = gains.get(record.id);
      if (entry) entry.add = dedupeTags([...entry.add, ...add]);
      else gains.set(record.id, { record, add });
    }
    perRule.push({ rule: parsed.rule, matched: matched.length, changed });
  }
  // Newest clipped first, as the list shows them.
  const entries = [...gains.values()].sort((a, b) => (a.record.id < b.record.id ? 1 : -1));
  const changes: RuleChange[] = entries.slice(0, LISTED_CHANGES).map(({ record, add }) => ({ id: record.id, title: record.title, add }));
  if (!dryRun && entries.length > 0) {
    // The tags go on each record as it is when its batch is written.
    try {
      await writeInBatches(store, entries.map(({ record }) => record.id), (tags, record) => dedupeTags([...tags, ...gains.get(record.id)!.add]), onProgress);
    } catch (error) {
      if (!(error instanceof PartialWriteError)) throw error;
      const message = (error.failure as Error).message ?? String(error.failure);
      throw new CuttingsError('library', `${message} (${articles(error.written.length)} of ${entries.length.toLocaleString('en')} had been tagged)`);
    }
  }
  const count = entries.length;
  const which = rules.length === 1 ? `Rule ${rules[0]!.rule.id}` : 'The rules';
  const message =
    rules.length === 0
      ? 'There are no rules to run'
      : count === 0
        ? `${which} would change nothing: every matching article has ${rules.length === 1 ? 'its' : 'their'} tags`
        : dryRun
          ? `${which} would add tags to ${articles(count)}`
          : `${which} added tags to ${articles(count)}`;
  return { dryRun, changed: count, changes, rules: perRule, message };
}
