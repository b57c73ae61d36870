/**
 * The block classifier's training and scoring, for train.ts: the rows a model learns from,
 * the text a model extracts from a cached page, and the scores of that text per set.
 */
import type { CorpusPage, SetName } from '../../bench/extraction/corpus-sets';
import { scorePage, scoreSet } from '../../bench/extraction/shingle-score';
import type { PagePrecisionRecall } from '../../bench/extraction/shingle-score';
import { FEATURE_NAMES } from '../../main/core/clip/blocks/block-features';
import { predict } from '../../main/core/clip/blocks/boosted-trees';
import type { BoostedTrees } from '../../main/core/clip/blocks/boosted-trees';
import { keepBlocks } from '../../main/core/clip/blocks/keep-blocks';
import type { TrainingSet } from './gradient-boosting';
import type { CachedPage } from './page-cache';

const WIDTH = FEATURE_NAMES.length;
const IS_TITLE = FEATURE_NAMES.indexOf('is_title');

/** A block longer than this counts as this long in training: one huge block must not rule a page. */
const MAX_BLOCK_WEIGHT_WORDS = 300;

/**
 * The rows of training: every labelled block but the headline, weighted by its words over
 * the page's article words — the share of the page's score it moves (the score averages
 * pages, and a page's recall is shingles found over the article's shingles).
 */
export function trainingSet(from: CachedPage[]): TrainingSet {
  const rows: Array<{ page: CachedPage; block: number; weight: number }> = [];
  for (const page of from) {
    let norm = page.truthWords;
    if (norm === 0) for (let i = 0; i < page.words.length; i++) if (page.known[i] && page.labels[i]) norm += Math.min(page.words[i] as number, MAX_BLOCK_WEIGHT_WORDS);
    norm = Math.max(norm, 50);
    for (let i = 0; i < page.words.length; i++) {
      if (!page.known[i] || page.features[i * WIDTH + IS_TITLE] === 1) continue;
      rows.push({ page, block: i, weight: Math.min(page.words[i] as number, MAX_BLOCK_WEIGHT_WORDS) / norm });
    }
  }
  const features = new Float32Array(rows.length * WIDTH);
  const labels = new Uint8Array(rows.length);
  const weights = new Float32Array(rows.length);
  const mean = rows.reduce((sum, row) => sum + row.weight, 0) / Math.max(rows.length, 1);
  rows.forEach((row, r) => {
    features.set(row.page.features.subarray(row.block * WIDTH, (row.block + 1) * WIDTH), r * WIDTH);
    labels[r] = row.page.labels[row.block] as number;
    weights[r] = row.weight / mean;
  });
  return { rows: rows.length, width: WIDTH, features, labels, weights };
}

/** The article text the model gives a page, as extraction would keep it. */
export function extractedText(model: BoostedTrees, page: CachedPage): string {
  const probabilities = predict(model, page.features, WIDTH);
  const kept = keepBlocks(probabilities, page.features, model.threshold);
  const texts = page.texts.filter((_, i) => kept[i]);
  const words = page.words.reduce((sum, count, i) => sum + (kept[i] ? count : 0), 0);
  return words >= 10 || !page.readableText ? texts.join('\n\n') : page.readableText;
}

export interface SetResult {
  shingles: PagePrecisionRecall[];
  tp: number;
  fp: number;
  fn: number;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function scoreInto(corpus: Map<string, CorpusPage>, results: Map<SetName, SetResult>, page: CachedPage, text: string): void {
  const truth = corpus.get(page.key) as CorpusPage;
  let result = results.get(page.set);
  if (!result) {
    result = { shingles: [], tp: 0, fp: 0, fn: 0 };
    results.set(page.set, result);
  }
  if (truth.text !== undefined) result.shingles.push(scorePage(text, truth.text));
  else {
    const flat = collapse(text);
    for (const wanted of truth.with ?? []) if (flat.includes(collapse(wanted))) result.tp++;
    else result.fn++;
    for (const unwanted of truth.without ?? []) if (flat.includes(collapse(unwanted))) result.fp++;
  }
}

export function describe(results: Map<SetName, SetResult>): string {
  return [...results]
    .map(([set, result]) => {
      if (result.shingles.length > 0) {
        const score = scoreSet(result.shingles);
        return `${set} P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)} F1 ${score.f1.toFixed(3)} (${score.pages})`;
      }
      return `${set} F1 ${((2 * result.tp) / (2 * result.tp + result.fp + result.fn)).toFixed(3)} (TP ${result.tp} FP ${result.fp} FN ${result.fn})`;
    })
    .join(' · ');
}

