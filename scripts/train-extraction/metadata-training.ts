/**
 * The metadata rankers' training and scoring, for train-metadata.ts: the rows a ranker learns
 * from (labelled by the bench's comparison, bench/extraction/metadata-truth.ts), the margin by
 * which another candidate must beat the rules' answer, and what a ranker, or the rules, choose
 * on a page, tallied per set.
 */
import type { SetName } from '../../bench/extraction/corpus-sets';
import { fieldMatches } from '../../bench/extraction/metadata-truth';
import type { BoostedTrees } from '../../main/core/clip/blocks/boosted-trees';
import { CandidatePool } from '../../main/core/clip/meta-ranking/candidate-pool';
import type { MetaField } from '../../main/core/clip/meta-ranking/candidate-pool';
import { candidateFeatures, candidateKey, featureNames } from '../../main/core/clip/meta-ranking/field-features';
import { chosenIndex, scoreCandidates } from '../../main/core/clip/meta-ranking/metadata-ranker';
import type { FieldRanker } from '../../main/core/clip/meta-ranking/metadata-ranker';
import type { TrainingSet } from './gradient-boosting';
import type { MetadataPage } from './metadata-candidates-cache';
import { splitBySite } from './site-folds';

/** The page's candidates as a pool again, for the features. */
export function poolOf(page: MetadataPage): CandidatePool {
  const pool = new CandidatePool(candidateKey);
  for (const field of ['title', 'author', 'date'] as const) {
    pool.candidates[field].push(...page.candidates[field].map((candidate) => ({ ...candidate, kinds: new Set(candidate.kinds) })));
  }
  return pool;
}

const featureCache = new WeakMap<MetadataPage, Partial<Record<MetaField, Float32Array>>>();

function candidateRows(page: MetadataPage, field: MetaField): Float32Array {
  let cached = featureCache.get(page);
  if (!cached) featureCache.set(page, (cached = {}));
  return (cached[field] ??= candidateFeatures(poolOf(page), field));
}

/** Whether each of the page's candidates for `field` is right, by the bench's comparison. */
function candidateLabels(page: MetadataPage, field: MetaField, want: string): number[] {
  return page.candidates[field].map((candidate) => (fieldMatches(page.set, field, candidate.value, want) ? 1 : 0));
}

/**
 * The rows of training for `field`: every candidate of every page annotated for it where some
 * candidate is right (a page none is right on teaches nothing about choosing). Every page
 * weighs the same within its set, and every set the same in all: GN1's 600 headlines must not
 * teach the ranker that every title is a GN1 title.
 */
export function rankingSet(pages: MetadataPage[], field: MetaField): TrainingSet {
  const width = featureNames(field).length;
  const chunks: Array<{ set: SetName; features: Float32Array; labels: number[] }> = [];
  for (const page of pages) {
    const want = page.truth[field];
    if (!want || page.candidates[field].length === 0) continue;
    const labels = candidateLabels(page, field, want);
    if (labels.includes(1)) chunks.push({ set: page.set, features: candidateRows(page, field), labels });
  }
  const pagesOfSet = new Map<SetName, number>();
  for (const chunk of chunks) pagesOfSet.set(chunk.set, (pagesOfSet.get(chunk.set) ?? 0) + 1);
  const rows = chunks.reduce((sum, chunk) => sum + chunk.labels.length, 0);
  const features = new Float32Array(rows * width);
  const labels = new Uint8Array(rows);
  const raw = new Float64Array(rows);
  let row = 0;
  for (const chunk of chunks) {
    features.set(chunk.features, row * width);
    const weight = 1 / (chunk.labels.length * (pagesOfSet.get(chunk.set) as number));
    chunk.labels.forEach((label, i) => {
      labels[row + i] = label;
      raw[row + i] = weight;
    });
    row += chunk.labels.length;
  }
  // Scaled to a mean of 1, so that the boosting's minimum leaf weight means what it says.
  const mean = raw.reduce((sum, weight) => sum + weight, 0) / Math.max(rows, 1);
  const weights = Float32Array.from(raw, (weight) => weight / mean);
  return { rows, width, features, labels, weights };
}

/** What the rules chose for `field` on the page (the candidate of kind `rules`), or null. */
export function rulesValue(page: MetadataPage, field: MetaField): string | null {
  return page.candidates[field].find((candidate) => candidate.bestKind === 0)?.value ?? null;
}

/** What `ranker` chooses for `field` on the page. */
export function rankerValue(page: MetadataPage, field: MetaField, ranker: FieldRanker, scores = scoreCandidates(poolOf(page), field, ranker.model)): string | null {
  const chosen = chosenIndex(page.candidates[field], scores, ranker);
  return chosen === null ? null : (page.candidates[field][chosen]?.value ?? null);
}

/** The margins tried, in probability: 1 is "never replace the rules' answer". */
const MARGINS = [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7, 1];

/** Inner folds to choose a margin on, within an outer fold's training pages. */
const INNER_FOLDS = 3;

/**
 * The margin for a ranker trained on `pages`, chosen on those pages alone: models trained on
 * inner site-split folds score the pages they did not see, and the margin wins whose worst
 * set gains most over the rules (the ranker must not lose a set to win another; margin 1
 * keeps the rules and gains nothing), then whose accuracy averaged over the sets is best,
 * then the larger.
 */
export function chooseMargin(pages: MetadataPage[], field: MetaField, train: (from: MetadataPage[]) => BoostedTrees): number {
  const outcomes: Array<{ page: MetadataPage; scores: Float64Array; model: BoostedTrees; want: string; rulesRight: boolean }> = [];
  for (const { train: inner, test } of splitBySite(pages, INNER_FOLDS)) {
    const model = train(inner);
    for (const page of test) {
      const want = page.truth[field];
      if (!want) continue;
      const rulesRight = fieldMatches(page.set, field, rulesValue(page, field), want);
      outcomes.push({ page, scores: scoreCandidates(poolOf(page), field, model), model, want, rulesRight });
    }
  }
  let best = { margin: 1, worstGain: -Infinity, accuracy: -Infinity };
  for (const margin of MARGINS) {
    const sets = new Map<SetName, { right: number; rules: number; judged: number }>();
    for (const { page, scores, model, want, rulesRight } of outcomes) {
      const counts = sets.get(page.set) ?? { right: 0, rules: 0, judged: 0 };
      counts.judged++;
      if (rulesRight) counts.rules++;
      if (fieldMatches(page.set, field, rankerValue(page, field, { model, margin }, scores), want)) counts.right++;
      sets.set(page.set, counts);
    }
    const all = [...sets.values()];
    const worstGain = Math.min(...all.map((counts) => (counts.right - counts.rules) / counts.judged));
    const accuracy = all.reduce((sum, counts) => sum + counts.right / counts.judged, 0) / Math.max(all.length, 1);
    const better = worstGain > best.worstGain + 1e-12 || (Math.abs(worstGain - best.worstGain) <= 1e-12 && accuracy >= best.accuracy - 1e-12);
    if (better) best = { margin, worstGain, accuracy };
  }
  return best.margin;
}

/** Right and judged counts, per set. */
export type Tally = Map<SetName, { rules: number; learned: number; judged: number; reachable: number }>;

/** Counts the page into `tally` for `field`: whether the rules and the ranker are right. */
export function tallyPage(tally: Tally, page: MetadataPage, field: MetaField, ranker: FieldRanker): void {
  const want = page.truth[field];
  if (!want) return;
  const counts = tally.get(page.set) ?? { rules: 0, learned: 0, judged: 0, reachable: 0 };
  counts.judged++;
  if (fieldMatches(page.set, field, rulesValue(page, field), want)) counts.rules++;
  if (fieldMatches(page.set, field, rankerValue(page, field, ranker), want)) counts.learned++;
  if (candidateLabels(page, field, want).includes(1)) counts.reachable++;
  tally.set(page.set, counts);
}

/** "trafilatura rules 0.850 learned 0.872 (of 300; reachable 0.930)", set by set. */
export function describeTally(tally: Tally): string {
  return [...tally]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([set, counts]) => `${set} rules ${(counts.rules / counts.judged).toFixed(3)} learned ${(counts.learned / counts.judged).toFixed(3)} (of ${counts.judged}; reachable ${(counts.reachable / counts.judged).toFixed(3)})`)
    .join('; ');
}
