/**
 * The block classifier: which blocks of an analysed page are its article, by a model trained
 * on the annotated pages (`npm run train:extraction`; scripts/train-extraction/train.ts says
 * how, and prints how a model does on sites it never saw). Extraction uses it only when given
 * a model (extract.ts): the rules stay the default until the classifier beats them on the
 * held-back folds of every set, so Cuttings ships no model yet (docs/architecture.md).
 */
import type { AnalysedPage } from './analyse-page';
import { FEATURE_NAMES } from './block-features';
import { predict } from './boosted-trees';
import type { BoostedTrees } from './boosted-trees';
import { keepBlocks } from './keep-blocks';

/** True for each block of `page` that is article, by `model`. */
export function classifyBlocks(page: AnalysedPage, model: BoostedTrees): boolean[] {
  return keepBlocks(predict(model, page.features, FEATURE_NAMES.length), page.features, model.threshold);
}
