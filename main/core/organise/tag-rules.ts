/**
 * Tag rules: "when an article matches this query, add these tags", kept in the library
 * (`<library>/tag-rules.json`) beside the saved searches. A rule's query must parse
 * (common/query.ts) and its tags must be tags; rule-runs.ts applies them.
 */
import type { TagRule } from '../../../common/api';
import { CuttingsError } from '../../../common/errors';
import { describeQueryError, parseSearchQuery, type QueryNode } from '../../../common/query';
import { normaliseTag } from '../../../common/tags';
import { LibraryJsonFile } from './library-json-file';
import { dedupeTags } from './tag-store';

interface RulesData {
  /** The id the next rule gets: ids are never reused, so "rule 3" always means one rule. */
  nextId: number;
  rules: TagRule[];
}

/** The most rules a library may have: each is evaluated for every new cutting. */
const MAX_RULES = 200;

/** A rule with its query parsed. */
export interface ParsedRule {
  rule: TagRule;
  query: QueryNode;
}

/** The tag rules of one library. */
export class TagRules {
  private constructor(private readonly file: LibraryJsonFile<RulesData>) {}

  /** Reads the file (see LibraryJsonFile for a missing or damaged one). */
  static async open(root: string, readOnly: boolean): Promise<{ rules: TagRules; notice?: string }> {
    const { file, notice } = await LibraryJsonFile.open<RulesData>(root, 'tag-rules.json', 'tag rules', readOnly, () => ({ nextId: 1, rules: [] }), isRulesData);
    return { rules: new TagRules(file), notice };
  }

  /** The rules, in the order they were added. */
  list(): TagRule[] {
    return this.file.data.rules.map((rule) => ({ ...rule, tags: [...rule.tags] }));
  }

  /** The rules with their queries parsed (they were checked when added); only `ruleId`'s if given. */
  parsed(ruleId?: number): ParsedRule[] {
    const rules = ruleId === undefined ? this.list() : [this.get(ruleId)];
    return rules.flatMap((rule) => {
      const parsed = parseSearchQuery(rule.query);
      return parsed.ok && parsed.query ? [{ rule, query: parsed.query }] : [];
    });
  }

  /** One rule by id; `not-found` naming it when there is none. */
  get(id: number): TagRule {
    const rule = this.file.data.rules.find((candidate) => candidate.id === id);
    if (!rule) throw new CuttingsError('not-found', `tag rules: there is no rule ${id}`);
    return { ...rule, tags: [...rule.tags] };
  }

  /**
   * Adds a rule. The query must parse and not be empty (an empty one would tag every
   * article); the tags must be tags, at least one. `spelling` gives the spelling in use.
   */
  async add(query: string, tags: readonly string[], spelling: (tag: string) => string): Promise<TagRule[]> {
    const trimmed = query.trim();
    const parsed = parseSearchQuery(trimmed);
    if (!parsed.ok) throw new CuttingsError('invalid-input', `tag rules: the rule's ${describeQueryError(trimmed, parsed.error)}`);
    if (parsed.query === null) throw new CuttingsError('invalid-input', 'tag rules: a rule needs a query (an empty one would tag every article)');
    if (tags.length === 0) throw new CuttingsError('invalid-input', 'tag rules: a rule needs at least one tag to add');
    const clean = dedupeTags(tags.map((tag) => spelling(normaliseTag(tag))));
    const { nextId, rules } = this.file.data;
    if (rules.length >= MAX_RULES) throw new CuttingsError('invalid-input', `tag rules: a library may have at most ${MAX_RULES} rules`);
    await this.file.write({ nextId: nextId + 1, rules: [...rules, { id: nextId, query: trimmed, tags: clean }] });
    return this.list();
  }

  /** Removes a rule by id. */
  async remove(id: number): Promise<TagRule[]> {
    this.get(id);
    const { nextId, rules } = this.file.data;
    await this.file.write({ nextId, rules: rules.filter((rule) => rule.id !== id) });
    return this.list();
  }
}

function isRulesData(data: unknown): data is RulesData {
  if (typeof data !== 'object' || data === null) return false;
  const { nextId, rules } = data as Partial<RulesData>;
  return (
    Number.isInteger(nextId) &&
    Array.isArray(rules) &&
    rules.every(
      (rule: unknown) =>
        typeof rule === 'object' &&
        rule !== null &&
        Number.isInteger((rule as TagRule).id) &&
        typeof (rule as TagRule).query === 'string' &&
        Array.isArray((rule as TagRule).tags) &&
        (rule as TagRule).tags.every((tag) => typeof tag === 'string'),
    )
  );
}
