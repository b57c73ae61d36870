/**
 * The metadata rankers' step of `npm run train:extraction` (alone: `npx tsx
 * scripts/train-extraction/train-metadata.ts`): trains, per field, the ranker that chooses a
 * page's title, author and date among its candidates (main/core/clip/meta-ranking/), and
 * prints how well it does on sites it never saw, next to the rules.
 *
 *   1. Every page of the sets that annotate a field (trafilatura-dev: title, author, date;
 *      Readability's pages: title, byline, date; GN1: the headline) is extracted with the rules
 *      and its candidates gathered (metadata-candidates-cache.ts, cached under .tmp/).
 *   2. Folds split by site (site-folds.ts): for each fold, a ranker is trained on the others
 *      and scored on it. The figures printed per fold and per set are held-back figures.
 *   3. A field's ranker ships (main/core/clip/meta-ranking/metadata-rankers.json, trained on
 *      every page) only when its held-back figure is at least the rules' on every set that has
 *      the field; otherwise the field keeps the rules. The fold rankers go to
 *      bench/extraction/metadata-fold-models.json, for the bench's held-back figures.
 *
 * Options: `--folds N` (default 5), `--metadata-trees N`, `--metadata-depth N`, `--no-write` (score
 * only); the block classifier's other options are ignored. Reproducible: sorted inputs,
 * seeded boosting; the same corpora give the same files.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadSet } from '../../bench/extraction/corpus-sets';
import type { SetName } from '../../bench/extraction/corpus-sets';
import { METADATA_FOLD_MODELS_PATH } from '../../bench/extraction/metadata-fold-models';
import type { MetadataFoldModels } from '../../bench/extraction/metadata-fold-models';
import { metadataTruth } from '../../bench/extraction/metadata-truth';
import type { BoostedTrees } from '../../main/core/clip/blocks/boosted-trees';
import { META_FIELDS } from '../../main/core/clip/meta-ranking/candidate-pool';
import type { MetaField } from '../../main/core/clip/meta-ranking/candidate-pool';
import { featureNames } from '../../main/core/clip/meta-ranking/field-features';
import type { FieldRanker, StoredRankers } from '../../main/core/clip/meta-ranking/metadata-ranker';
import { trainBoostedTrees } from './gradient-boosting';
import type { BoostingOptions } from './gradient-boosting';
import { metadataPages } from './metadata-candidates-cache';
import type { MetadataPage } from './metadata-candidates-cache';
import { chooseMargin, describeTally, rankingSet, tallyPage } from './metadata-training';
import type { Tally } from './metadata-training';
import { siteFolds, splitBySite } from './site-folds';

/**
 * Small trees: a few dozen candidates a page, ~1,000 pages a field. 60 trees of depth 3 keep
 * each ranker a few kilobytes and its cost per page a few microseconds.
 */
const DEFAULT_RANKER_BOOSTING: BoostingOptions = {
  trees: 60,
  depth: 3,
  learningRate: 0.1,
  lambda: 1,
  minChildWeight: 0.5,
  rowSample: 0.8,
  featureSample: 0.8,
  bins: 32,
  seed: 17,
};

/** A model answers where the rules did not only when it gives the best candidate at least this probability. */
const ABSTAIN_BELOW = 0.5;

/** The sets that annotate metadata. */
const SETS: SetName[] = ['gn1', 'trafilatura', 'readability'];

const SHIPPED_PATH = fileURLToPath(new URL('../../main/core/clip/meta-ranking/metadata-rankers.json', import.meta.url));

// Not strict: `npm run train:extraction -- …` gives this step the block classifier's options too.
const { values } = parseArgs({
  strict: false,
  options: {
    folds: { type: 'string', default: '5' },
    'metadata-trees': { type: 'string' },
    'metadata-depth': { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const RANKER_BOOSTING: BoostingOptions = {
  ...DEFAULT_RANKER_BOOSTING,
  ...(typeof values['metadata-trees'] === 'string' ? { trees: Number(values['metadata-trees']) } : {}),
  ...(typeof values['metadata-depth'] === 'string' ? { depth: Number(values['metadata-depth']) } : {}),
};
const folds = Number(values.folds);
if (!Number.isInteger(folds) || folds < 2) throw new Error(`train-metadata: --folds ${String(values.folds)} is not a number of folds (2 or more)`);
const log = (line: string): void => console.log(line);

const pages: MetadataPage[] = [];
for (const set of SETS) {
  const loaded = loadSet(set);
  pages.push(...(await metadataPages(set, loaded, metadataTruth, log)));
  log(`metadata: ${set}: ${loaded.length} pages, ${new Set(loaded.map((page) => page.site)).size} sites`);
}

const trainModel = (from: MetadataPage[], field: MetaField): BoostedTrees => {
  const model = trainBoostedTrees(rankingSet(from, field), featureNames(field), RANKER_BOOSTING, () => undefined);
  model.threshold = ABSTAIN_BELOW;
  return roundModel(model);
};
const train = (from: MetadataPage[], field: MetaField): FieldRanker => ({
  model: trainModel(from, field),
  margin: chooseMargin(from, field, (inner) => trainModel(inner, field)),
});

const splits = splitBySite(pages, folds);
const foldModels: Partial<Record<MetaField, FieldRanker[]>> = {};
const shipped: StoredRankers = { format: 'cuttings-metadata-rankers', fields: {} };
for (const field of META_FIELDS) {
  const started = performance.now();
  const heldBack: Tally = new Map();
  const rankers: FieldRanker[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const split = splits[fold];
    if (!split) continue;
    const ranker = train(split.train, field);
    rankers.push(ranker);
    const tally: Tally = new Map();
    for (const page of split.test) {
      tallyPage(tally, page, field, ranker);
      tallyPage(heldBack, page, field, ranker);
    }
    log(`metadata ${field} fold ${fold + 1}/${folds} (margin ${ranker.margin}) held back: ${describeTally(tally)}`);
  }
  foldModels[field] = rankers;
  log(`metadata ${field} all folds held back: ${describeTally(heldBack)} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  const everySetAtLeast = [...heldBack.values()].every((counts) => counts.learned >= counts.rules);
  const gains = [...heldBack.values()].some((counts) => counts.learned > counts.rules);
  if (everySetAtLeast && gains) {
    const all = train(pages, field);
    all.model.about = { sets: SETS, pages: pages.length, options: RANKER_BOOSTING };
    shipped.fields[field] = all;
    log(`metadata ${field}: the ranker ships, margin ${all.margin} (at least the rules on every set, better on one)`);
  } else {
    shipped.fields[field] = null;
    log(`metadata ${field}: the rules stay (the ranker is behind them on a set, or ahead on none)`);
  }
}

if (!values['no-write']) {
  const sites = Object.fromEntries([...siteFolds(pages.map((page) => page.site), folds)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const stored: MetadataFoldModels = { folds, sets: SETS, sites, fields: foldModels };
  writeFileSync(METADATA_FOLD_MODELS_PATH, `${JSON.stringify(stored)}\n`);
  writeFileSync(SHIPPED_PATH, `${JSON.stringify(shipped)}\n`);
  log(`wrote ${METADATA_FOLD_MODELS_PATH} and ${SHIPPED_PATH}`);
}

/** Thresholds and leaf values to 6 significant digits: the files stay small, the choices the same. */
function roundModel(model: BoostedTrees): BoostedTrees {
  const round = (value: number): number => Number(value.toPrecision(6));
  return { ...model, base: round(model.base), trees: model.trees.map((tree) => ({ ...tree, t: tree.t.map(round) })) };
}
