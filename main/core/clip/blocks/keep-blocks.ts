/**
 * Which blocks make the article, given the model's probability for each: those at or above
 * the model's threshold, less the headline (stored as the title, so not repeated in the
 * text). One function for extraction and for scoring the model in training.
 */
import { FEATURE_NAMES } from './block-features';

const WIDTH = FEATURE_NAMES.length;
const IS_TITLE = FEATURE_NAMES.indexOf('is_title');

/** True for each block kept. */
export function keepBlocks(probabilities: Float64Array, features: Float32Array, threshold: number): boolean[] {
  const kept: boolean[] = [];
  for (let i = 0; i < probabilities.length; i++) {
    kept.push((probabilities[i] as number) >= threshold && features[i * WIDTH + IS_TITLE] !== 1);
  }
  return kept;
}
