/**
 * The metadata rankers of the site-split folds, which `npm run train:extraction` writes to
 * bench/extraction/metadata-fold-models.json (scripts/train-extraction/train-metadata.ts):
 * per field, for each fold, a ranker trained on the other folds' sites only. The bench gives
 * each page the rankers of its site's fold for the fields whose ranker ships, so that the
 * title, author and date figures it prints are held-back figures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { META_FIELDS } from '../../main/core/clip/meta-ranking/candidate-pool';
import type { MetaField } from '../../main/core/clip/meta-ranking/candidate-pool';
import { checkRankers, shippedRankers } from '../../main/core/clip/meta-ranking/metadata-ranker';
import type { FieldRanker, MetadataRankers } from '../../main/core/clip/meta-ranking/metadata-ranker';

/** Where the fold rankers are kept. */
export const METADATA_FOLD_MODELS_PATH = fileURLToPath(new URL('./metadata-fold-models.json', import.meta.url));

/** The folds as stored. */
export interface MetadataFoldModels {
  folds: number;
  sets: string[];
  /** Every site's fold. */
  sites: Record<string, number>;
  /** Per field, the ranker of each fold, trained without that fold's sites. */
  fields: Partial<Record<MetaField, FieldRanker[]>>;
}

/** The stored fold rankers, checked; null when there are none. */
export function loadMetadataFoldModels(): MetadataFoldModels | null {
  if (!existsSync(METADATA_FOLD_MODELS_PATH)) return null;
  const stored = JSON.parse(readFileSync(METADATA_FOLD_MODELS_PATH, 'utf8')) as MetadataFoldModels;
  for (const field of META_FIELDS) {
    stored.fields[field] = stored.fields[field]?.map((ranker, fold) => {
      const checked = checkRankers({ format: 'cuttings-metadata-rankers', fields: { [field]: ranker } }, `metadata-fold-models.json (fold ${fold + 1})`);
      return checked[field] as FieldRanker;
    });
  }
  return stored;
}

/**
 * For a page's site, the rankers that never saw it, for the fields whose ranker ships (the
 * others keep the rules, as extraction does); the shipped rankers when no folds are stored.
 */
export function heldBackRankers(): (site: string) => MetadataRankers {
  const folds = loadMetadataFoldModels();
  const shipped = shippedRankers();
  if (!folds) return () => shipped;
  return (site) => {
    const fold = folds.sites[site] ?? 0;
    const rankers: MetadataRankers = {};
    for (const field of META_FIELDS) {
      const ranker = folds.fields[field]?.[fold];
      if (shipped[field] && ranker) rankers[field] = ranker;
    }
    return rankers;
  };
}
