/**
 * Chooses a page's title, author and publication date among its candidates (candidate-pool.ts)
 * with a small boosted-trees model per field, trained by `npm run train:extraction` on the
 * annotated pages of every set that has the field, with folds split by site
 * (scripts/train-extraction/metadata-training.ts). The models that ship are in
 * metadata-rankers.json, only for the fields where the ranker's held-back figures are at least
 * the rules' on every set (docs/architecture.md, "Metadata: learned ranking per field"); the
 * other fields keep the rules' answer.
 *
 * Cheap: a page has a few dozen candidates, each scored by trees of depth 3.
 */
import stored from './metadata-rankers.json' with { type: 'json' };
import { checkModel, predict } from '../blocks/boosted-trees';
import type { BoostedTrees } from '../blocks/boosted-trees';
import { META_FIELDS } from './candidate-pool';
import type { Candidate, CandidatePool, MetaField } from './candidate-pool';
import { candidateFeatures, featureNames } from './field-features';

/**
 * One field's ranker: its model, and how much more probable than the rules' answer another
 * candidate must be to replace it (chosen on the training folds alone, see the trainer).
 */
export interface FieldRanker {
  model: BoostedTrees;
  margin: number;
}

/** A ranker per field; a field without one keeps the rules' answer. */
export type MetadataRankers = Partial<Record<MetaField, FieldRanker>>;

/** The rankers as stored in metadata-rankers.json; null for a field that keeps the rules. */
export interface StoredRankers {
  format: 'cuttings-metadata-rankers';
  fields: Partial<Record<MetaField, FieldRanker | null>>;
}

/** `value` checked as stored rankers: every model trained on today's features. */
export function checkRankers(value: unknown, name: string): MetadataRankers {
  const rankers = value as Partial<StoredRankers> | null;
  if (!rankers || rankers.format !== 'cuttings-metadata-rankers' || typeof rankers.fields !== 'object' || rankers.fields === null) {
    throw new Error(`meta-ranking: ${name} is not a set of metadata rankers`);
  }
  const checked: MetadataRankers = {};
  for (const field of META_FIELDS) {
    const ranker = rankers.fields[field];
    if (!ranker) continue;
    if (typeof ranker.margin !== 'number') throw new Error(`meta-ranking: ${name} (${field}) has no margin`);
    checked[field] = { model: checkModel(ranker.model, featureNames(field), `${name} (${field})`), margin: ranker.margin };
  }
  return checked;
}

let shipped: MetadataRankers | null = null;

/** The rankers that ship, checked once. */
export function shippedRankers(): MetadataRankers {
  shipped ??= checkRankers(stored, 'metadata-rankers.json');
  return shipped;
}

/** Each candidate's score for `field`, in the pool's order. */
export function scoreCandidates(pool: CandidatePool, field: MetaField, model: BoostedTrees): Float64Array {
  const width = featureNames(field).length;
  return predict(model, candidateFeatures(pool, field), width);
}

/**
 * The value of the best-scored candidate for `field`, or null when the page offers none
 * (see {@link chosenIndex}).
 */
export function rankedValue(pool: CandidatePool, field: MetaField, ranker: FieldRanker): string | null {
  const candidates = pool.candidates[field];
  if (candidates.length === 0) return null;
  const chosen = chosenIndex(candidates, scoreCandidates(pool, field, ranker.model), ranker);
  return chosen === null ? null : (candidates[chosen]?.value ?? null);
}

/**
 * Which candidate the ranker takes, given their scores. The rules' answer stays unless
 * another candidate's probability is above it by more than the ranker's margin. Where the
 * rules found no value, the best is taken only when its probability reaches the model's
 * threshold: a page without a byline should not be given one because some candidate scored
 * best among poor ones.
 */
export function chosenIndex(candidates: ReadonlyArray<Pick<Candidate, 'bestKind'>>, scores: ArrayLike<number>, { model, margin }: FieldRanker): number | null {
  if (candidates.length === 0) return null;
  let best = 0;
  for (let index = 1; index < candidates.length; index++) if ((scores[index] as number) > (scores[best] as number)) best = index;
  const rules = candidates.findIndex((candidate) => candidate.bestKind === RULES);
  if (rules >= 0) return (scores[best] as number) - (scores[rules] as number) > margin ? best : rules;
  return (scores[best] as number) >= model.threshold ? best : null;
}

/** The index of the kind `rules` in every field's list (candidate-pool.ts puts it first). */
const RULES = 0;
