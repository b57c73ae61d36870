/**
 * Gradient-boosted decision trees, as the block classifier's model is stored: data, not code
 * (bench/extraction/fold-models.json, written by `npm run train:extraction`). A block's score is the sum of
 * one leaf of every tree, turned into a probability; each tree asks, node by node, whether
 * one feature is at most a threshold.
 *
 * A tree is three arrays in pre-order: `f` (the feature a node tests, -1 for a leaf), `t` (its
 * threshold, or a leaf's value) and `r` (where its right child is; the left child is next).
 */

/** One tree. */
export interface Tree {
  f: number[];
  t: number[];
  r: number[];
}

/** A trained model, as stored. */
export interface BoostedTrees {
  format: 'cuttings-boosted-trees';
  /** The feature names it was trained on, in column order. */
  features: string[];
  /** The score every tree adds to. */
  base: number;
  trees: Tree[];
  /** Blocks whose probability is at least this are kept. */
  threshold: number;
  /** How it was made, for people: sets, pages, parameters. */
  about?: Record<string, unknown>;
}

/**
 * Checks that `value` is a model trained on the features `names`; throws an error naming the
 * model and what is wrong otherwise (a model from another version of the features would
 * score nonsense without a word).
 */
export function checkModel(value: unknown, names: readonly string[], name: string): BoostedTrees {
  const model = value as Partial<BoostedTrees> | null;
  if (!model || model.format !== 'cuttings-boosted-trees' || !Array.isArray(model.trees) || !Array.isArray(model.features)) {
    throw new Error(`clip: ${name} is not a boosted-trees model`);
  }
  if (model.features.length !== names.length || model.features.some((feature, i) => feature !== names[i])) {
    const differs = model.features.findIndex((feature, i) => feature !== names[i]);
    throw new Error(`clip: ${name} was trained on other features (column ${differs}: '${model.features[differs]}', expected '${names[differs]}'); run npm run train:extraction`);
  }
  return model as BoostedTrees;
}

/** The probability the model gives each row of `features` (`width` numbers a row). */
export function predict(model: BoostedTrees, features: Float32Array, width: number): Float64Array {
  const rows = features.length / width;
  const out = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    const offset = row * width;
    let score = model.base;
    for (const tree of model.trees) {
      let node = 0;
      let feature = tree.f[0] as number;
      while (feature >= 0) {
        node = (features[offset + feature] as number) <= (tree.t[node] as number) ? node + 1 : (tree.r[node] as number);
        feature = tree.f[node] as number;
      }
      score += tree.t[node] as number;
    }
    out[row] = 1 / (1 + Math.exp(-score));
  }
  return out;
}
