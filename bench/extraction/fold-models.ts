/**
 * The models of the site-split folds, which `npm run train:extraction` writes to
 * bench/extraction/fold-models.json with the model of every page: for each fold, a model
 * trained on the other folds' sites only. The bench and the quality test score each page with the model of
 * its site's fold, which never saw the site, so that the figures they print are held-back
 * figures, as the issue asks, and not the shipped model's figures on its own training pages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FEATURE_NAMES } from '../../main/core/clip/blocks/block-features';
import { checkModel } from '../../main/core/clip/blocks/boosted-trees';
import type { BoostedTrees } from '../../main/core/clip/blocks/boosted-trees';

/** Where the fold models are kept. */
export const FOLD_MODELS_PATH = fileURLToPath(new URL('./fold-models.json', import.meta.url));

/** The folds as stored. */
export interface FoldModels {
  folds: number;
  /** The sets trained on. */
  sets: string[];
  /** Every site's fold. */
  sites: Record<string, number>;
  /** The block classifier of each fold, trained without that fold's sites. */
  blocks: BoostedTrees[];
  /** The model trained on every page of the sets: the one to ship. */
  all: BoostedTrees;
}

/** The stored fold models, checked; null when there are none. */
export function loadFoldModels(): FoldModels | null {
  if (!existsSync(FOLD_MODELS_PATH)) return null;
  const stored = JSON.parse(readFileSync(FOLD_MODELS_PATH, 'utf8')) as FoldModels;
  stored.blocks = stored.blocks.map((model, fold) => checkModel(model, FEATURE_NAMES, `fold-models.json (fold ${fold + 1})`));
  stored.all = checkModel(stored.all, FEATURE_NAMES, 'fold-models.json (all pages)');
  return stored;
}

/**
 * The fold of a page's site. A site no fold trained on (a set left out of training with
 * `--sets`) was seen by no model, so any fold's model is a held-back one for it: the first.
 */
export function foldOf(folds: FoldModels, site: string): number {
  return folds.sites[site] ?? 0;
}
