/**
 * `npm run train:extraction`: trains the block classifier that decides which text blocks of
 * a page are its article (main/core/clip/blocks/), and prints how well it does on sites it
 * never saw.
 *
 *   1. Every annotated page (GN1, Dragnet, trafilatura-dev; bench/extraction/corpus-sets.ts) is
 *      cut into blocks and described as extraction does it, and its blocks labelled by the
 *      annotation (block-labels.ts); cached under .tmp/ (page-cache.ts).
 *   2. The pages are split into folds by site (site-folds.ts). For each fold, a model is
 *      trained on the others and scored on it: the figures printed per fold and per set are
 *      these held-back figures, never the training pages'.
 *   3. A model is trained on every page. It and the fold models are written to
 *      bench/extraction/fold-models.json: the bench scores each page with the model that never
 *      saw its site, and the model of every page is the one to ship once the classifier beats
 *      the rules on every set (extraction does not use it yet: docs/architecture.md).
 *
 * Options: `--folds N` (default 5), `--trees N`, `--no-write` (score only), `--sets a,b`.
 * Reproducible: sorted inputs, seeded sampling; the same corpora give the same files.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadSet } from '../../bench/extraction/corpus-sets';
import { FOLD_MODELS_PATH } from '../../bench/extraction/fold-models';
import type { FoldModels } from '../../bench/extraction/fold-models';
import type { CorpusPage, SetName } from '../../bench/extraction/corpus-sets';
import { FEATURE_NAMES } from '../../main/core/clip/blocks/block-features';
import type { BoostedTrees } from '../../main/core/clip/blocks/boosted-trees';
import { describe, extractedText, scoreInto, trainingSet } from './block-training';
import type { SetResult } from './block-training';
import { DEFAULT_BOOSTING, trainBoostedTrees } from './gradient-boosting';
import type { BoostingOptions } from './gradient-boosting';
import { cachedPages } from './page-cache';
import type { CachedPage } from './page-cache';
import { siteFolds, splitBySite } from './site-folds';
import type { FoldSplit } from './site-folds';

const { values } = parseArgs({
  options: {
    folds: { type: 'string', default: '5' },
    trees: { type: 'string' },
    depth: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    sets: { type: 'string', default: 'gn1,dragnet,trafilatura' },
    only: { type: 'string' },
  },
});
const folds = Number(values.folds);
const boosting: BoostingOptions = {
  ...DEFAULT_BOOSTING,
  ...(values.trees ? { trees: Number(values.trees) } : {}),
  ...(values.depth ? { depth: Number(values.depth) } : {}),
};
const log = (line: string): void => console.log(line);

const setNames = values.sets.split(',') as SetName[];
const corpus = new Map<string, CorpusPage>();
const pages: CachedPage[] = [];
for (const set of setNames) {
  const loaded = loadSet(set);
  for (const page of loaded) corpus.set(page.key, page);
  const started = performance.now();
  pages.push(...(await cachedPages(set, loaded, log)));
  log(`${set}: ${loaded.length} pages, ${new Set(loaded.map((page) => page.site)).size} sites (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

const foldOf = siteFolds(pages.map((page) => page.site), folds);
const splits = splitBySite(pages, folds);
const heldBack = new Map<SetName, SetResult>();
const foldModels: BoostedTrees[] = [];
for (let fold = 0; fold < folds; fold++) {
  if (values.only !== undefined && Number(values.only) !== fold) continue;
  const started = performance.now();
  const { train: trainPages, test: testPages } = splits[fold] as FoldSplit<CachedPage>;
  const train = trainingSet(trainPages);
  log(`fold ${fold + 1}/${folds}: training on ${train.rows} blocks`);
  const model = trainBoostedTrees(train, FEATURE_NAMES, boosting, log);
  foldModels.push(model);
  const results = new Map<SetName, SetResult>();
  for (const page of testPages) {
    const text = extractedText(model, page);
    scoreInto(corpus, results, page, text);
    scoreInto(corpus, heldBack, page, text);
  }
  log(`fold ${fold + 1}/${folds} held back: ${describe(results)} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
log(`all folds held back: ${describe(heldBack)}`);

if (!values['no-write'] && values.only === undefined) {
  const all = trainBoostedTrees(trainingSet(pages), FEATURE_NAMES, boosting, log);
  all.about = { sets: setNames, pages: pages.length, sites: new Set(pages.map((page) => page.site)).size, options: boosting };
  const sites = Object.fromEntries([...foldOf].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const stored: FoldModels = { folds, sets: setNames, sites, blocks: foldModels, all };
  writeFileSync(FOLD_MODELS_PATH, `${JSON.stringify(stored)}\n`);
  log(`wrote ${FOLD_MODELS_PATH}`);
}
