/**
 * Gradient-boosted trees for binary classification with log loss, in the manner of XGBoost
 * and LightGBM, small enough to read: features are cut into at most 64 bins by their
 * quantiles, each tree grows level by level to a fixed depth choosing the split of best gain
 * from per-bin sums of gradients and hessians (the larger child's sums are the parent's less
 * the smaller child's), with L2 regularisation of the leaves, a minimum hessian per leaf, and
 * rows and features sampled per tree. Deterministic: the samples come from a seeded
 * generator, so the same data and options give the same trees, to the bit.
 *
 * The trees are written as main/core/clip/blocks/boosted-trees.ts reads them; a split on bin
 * b of a feature becomes "value ≤ the edge between bin b and b+1".
 */
import { seededRandom } from '../../bench/bbc-corpus';
import type { BoostedTrees, Tree } from '../../main/core/clip/blocks/boosted-trees';

/** What is learnt from: `width` features a row, row by row, with a 0/1 label and a weight each. */
export interface TrainingSet {
  rows: number;
  width: number;
  features: Float32Array;
  labels: Uint8Array;
  weights: Float32Array;
}

/** How the trees are grown. */
export interface BoostingOptions {
  trees: number;
  depth: number;
  learningRate: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  /** Least hessian (weighted p(1-p)) a leaf must hold. */
  minChildWeight: number;
  /** Share of rows and of features each tree sees. */
  rowSample: number;
  featureSample: number;
  bins: number;
  seed: number;
}

/**
 * Defaults for the site-split folds (see train.ts). 100 trees keep a whole run (five fold
 * models and the shipped one, on ~500,000 blocks) short on a shared two-core machine; more
 * were not tried.
 */
export const DEFAULT_BOOSTING: BoostingOptions = {
  trees: 100,
  depth: 6,
  learningRate: 0.1,
  lambda: 1,
  minChildWeight: 1,
  rowSample: 0.6,
  featureSample: 0.7,
  bins: 64,
  seed: 17,
};

/** The seeded generator the bench's corpus sampling uses (mulberry32). */
export { seededRandom };

/** Each feature's bin edges, ascending: a value is in bin b when edges[b-1] < value ≤ edges[b]. */
function binEdges(data: TrainingSet, bins: number): Float64Array[] {
  const edges: Float64Array[] = [];
  const step = Math.max(1, Math.floor(data.rows / 100_000));
  for (let f = 0; f < data.width; f++) {
    const values: number[] = [];
    for (let row = 0; row < data.rows; row += step) values.push(data.features[row * data.width + f] as number);
    values.sort((a, b) => a - b);
    const distinct: number[] = [];
    for (const value of values) if (distinct.length === 0 || value !== distinct[distinct.length - 1]) distinct.push(value);
    const cuts: number[] = [];
    if (distinct.length <= bins) {
      for (let i = 0; i + 1 < distinct.length; i++) cuts.push(midpoint(distinct[i] as number, distinct[i + 1] as number));
    } else {
      for (let b = 1; b < bins; b++) {
        const at = values[Math.floor((b * values.length) / bins)] as number;
        const next = distinct.find((value) => value > at);
        if (next === undefined) break;
        const cut = midpoint(at, next);
        if (cuts.length === 0 || cut > (cuts[cuts.length - 1] as number)) cuts.push(cut);
      }
    }
    edges.push(Float64Array.from(cuts));
  }
  return edges;
}

/** A threshold between two float32 values, short when written out, that still parts them. */
function midpoint(low: number, high: number): number {
  const middle = (low + high) / 2;
  for (let digits = 3; digits <= 9; digits++) {
    const short = Number(middle.toPrecision(digits));
    if (short >= low && short < high) return short;
  }
  return middle;
}

/** The bin of every value, row by row. */
function binRows(data: TrainingSet, edges: Float64Array[]): Uint8Array {
  const out = new Uint8Array(data.rows * data.width);
  for (let f = 0; f < data.width; f++) {
    const cuts = edges[f] as Float64Array;
    for (let row = 0; row < data.rows; row++) {
      const value = data.features[row * data.width + f] as number;
      let low = 0;
      let high = cuts.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if ((cuts[mid] as number) < value) low = mid + 1;
        else high = mid;
      }
      out[row * data.width + f] = low;
    }
  }
  return out;
}

interface GrowNode {
  rows: Int32Array;
  /** Interleaved per feature and bin: gradient sum, hessian sum. */
  histogram: Float64Array;
  gradient: number;
  hessian: number;
  /** Where it is written in the tree's arrays. */
  slot: number;
}

/** Trains a model; `log` hears of progress every 50 trees. */
export function trainBoostedTrees(
  data: TrainingSet,
  names: readonly string[],
  options: BoostingOptions = DEFAULT_BOOSTING,
  log: (line: string) => void = () => {},
): BoostedTrees {
  const { width, rows } = data;
  const bins = options.bins;
  const edges = binEdges(data, bins);
  const binned = binRows(data, edges);
  const random = seededRandom(options.seed);

  let positive = 0;
  let total = 0;
  for (let row = 0; row < rows; row++) {
    positive += (data.weights[row] as number) * (data.labels[row] as number);
    total += data.weights[row] as number;
  }
  const prior = Math.min(Math.max(positive / Math.max(total, 1e-12), 1e-6), 1 - 1e-6);
  const base = Math.log(prior / (1 - prior));
  const score = new Float64Array(rows).fill(base);
  const gradient = new Float64Array(rows);
  const hessian = new Float64Array(rows);
  const trees: Tree[] = [];

  for (let t = 0; t < options.trees; t++) {
    for (let row = 0; row < rows; row++) {
      const p = 1 / (1 + Math.exp(-(score[row] as number)));
      const w = data.weights[row] as number;
      gradient[row] = (p - (data.labels[row] as number)) * w;
      hessian[row] = Math.max(p * (1 - p), 1e-6) * w;
    }
    const sampled: number[] = [];
    for (let row = 0; row < rows; row++) if (random() < options.rowSample) sampled.push(row);
    const features: number[] = [];
    for (let f = 0; f < width; f++) if (random() < options.featureSample) features.push(f);
    const tree = growTree(binned, width, bins, Int32Array.from(sampled), features, gradient, hessian, edges, options);
    trees.push(tree);
    // Every row's score moves by its leaf, sampled or not.
    for (let row = 0; row < rows; row++) score[row] = (score[row] as number) + leafOf(tree, binned, row * width, edges);
    if ((t + 1) % 50 === 0) log(`    ${t + 1} trees, training loss ${logLoss(score, data).toFixed(4)}`);
  }
  return { format: 'cuttings-boosted-trees', features: [...names], base, trees, threshold: 0.5 };
}

/** A tree's leaf value for one binned row (splits are kept as real thresholds, compared on bins). */
function leafOf(tree: Tree, binned: Uint8Array, offset: number, edges: Float64Array[]): number {
  let node = 0;
  while ((tree.f[node] as number) >= 0) {
    const feature = tree.f[node] as number;
    const cuts = edges[feature] as Float64Array;
    const bin = binned[offset + feature] as number;
    // bin b holds values ≤ cuts[b]; the split keeps values ≤ its threshold on the left.
    const upper = bin < cuts.length ? (cuts[bin] as number) : Number.POSITIVE_INFINITY;
    node = upper <= (tree.t[node] as number) ? node + 1 : (tree.r[node] as number);
  }
  return tree.t[node] as number;
}

function logLoss(score: Float64Array, data: TrainingSet): number {
  let loss = 0;
  let weight = 0;
  for (let row = 0; row < data.rows; row++) {
    const p = Math.min(Math.max(1 / (1 + Math.exp(-(score[row] as number))), 1e-12), 1 - 1e-12);
    const w = data.weights[row] as number;
    loss -= w * (data.labels[row] ? Math.log(p) : Math.log(1 - p));
    weight += w;
  }
  return loss / Math.max(weight, 1e-12);
}

function growTree(
  binned: Uint8Array,
  width: number,
  bins: number,
  sampled: Int32Array,
  features: number[],
  gradient: Float64Array,
  hessian: Float64Array,
  edges: Float64Array[],
  options: BoostingOptions,
): Tree {
  const tree: Tree = { f: [], t: [], r: [] };
  const newSlot = (): number => {
    tree.f.push(-1);
    tree.t.push(0);
    tree.r.push(-1);
    return tree.f.length - 1;
  };
  // Nodes are written in pre-order: a node's left subtree right after it. Growing level by
  // level would scatter them, so the tree is grown depth first.
  const rootHistogram = histogramOf(binned, width, bins, sampled, features, gradient, hessian);
  const sums = sumOf(sampled, gradient, hessian);
  const grow = (node: GrowNode, depth: number): void => {
    const split = depth < options.depth ? bestSplit(node, features, bins, edges, options) : null;
    if (!split) {
      tree.t[node.slot] = (-node.gradient / (node.hessian + options.lambda)) * options.learningRate;
      return;
    }
    const left: number[] = [];
    const right: number[] = [];
    for (const row of node.rows) ((binned[row * width + split.feature] as number) <= split.bin ? left : right).push(row);
    const leftRows = Int32Array.from(left);
    const rightRows = Int32Array.from(right);
    // The smaller child's histogram is summed; the larger's is the parent's less it.
    const smallIsLeft = leftRows.length <= rightRows.length;
    const small = histogramOf(binned, width, bins, smallIsLeft ? leftRows : rightRows, features, gradient, hessian);
    const large = node.histogram;
    for (let i = 0; i < large.length; i++) large[i] = (large[i] as number) - (small[i] as number);
    const leftHistogram = smallIsLeft ? small : large;
    const rightHistogram = smallIsLeft ? large : small;
    tree.f[node.slot] = split.feature;
    tree.t[node.slot] = (edges[split.feature] as Float64Array)[split.bin] as number;
    const leftSlot = newSlot();
    grow({ rows: leftRows, histogram: leftHistogram, gradient: split.leftGradient, hessian: split.leftHessian, slot: leftSlot }, depth + 1);
    const rightSlot = newSlot();
    tree.r[node.slot] = rightSlot;
    grow({ rows: rightRows, histogram: rightHistogram, gradient: node.gradient - split.leftGradient, hessian: node.hessian - split.leftHessian, slot: rightSlot }, depth + 1);
  };
  grow({ rows: sampled, histogram: rootHistogram, gradient: sums.gradient, hessian: sums.hessian, slot: newSlot() }, 0);
  return tree;
}

function sumOf(rows: Int32Array, gradient: Float64Array, hessian: Float64Array): { gradient: number; hessian: number } {
  let g = 0;
  let h = 0;
  for (const row of rows) {
    g += gradient[row] as number;
    h += hessian[row] as number;
  }
  return { gradient: g, hessian: h };
}

function histogramOf(
  binned: Uint8Array,
  width: number,
  bins: number,
  rows: Int32Array,
  features: number[],
  gradient: Float64Array,
  hessian: Float64Array,
): Float64Array {
  const histogram = new Float64Array(width * bins * 2);
  const list = Int32Array.from(features);
  for (const row of rows) {
    const g = gradient[row] as number;
    const h = hessian[row] as number;
    const offset = row * width;
    for (let k = 0; k < list.length; k++) {
      const f = list[k] as number;
      const at = (f * bins + (binned[offset + f] as number)) * 2;
      histogram[at] = (histogram[at] as number) + g;
      histogram[at + 1] = (histogram[at + 1] as number) + h;
    }
  }
  return histogram;
}

interface Split {
  feature: number;
  bin: number;
  leftGradient: number;
  leftHessian: number;
}

function bestSplit(node: GrowNode, features: number[], bins: number, edges: Float64Array[], options: BoostingOptions): Split | null {
  const { lambda, minChildWeight } = options;
  const parentScore = (node.gradient * node.gradient) / (node.hessian + lambda);
  let best: Split | null = null;
  let bestGain = 1e-9;
  for (const f of features) {
    const cuts = (edges[f] as Float64Array).length;
    let g = 0;
    let h = 0;
    for (let b = 0; b < cuts; b++) {
      const at = (f * bins + b) * 2;
      g += node.histogram[at] as number;
      h += node.histogram[at + 1] as number;
      const rightH = node.hessian - h;
      if (h < minChildWeight) continue;
      if (rightH < minChildWeight) break;
      const rightG = node.gradient - g;
      const gain = (g * g) / (h + lambda) + (rightG * rightG) / (rightH + lambda) - parentScore;
      if (gain > bestGain) {
        bestGain = gain;
        best = { feature: f, bin: b, leftGradient: g, leftHessian: h };
      }
    }
  }
  return best;
}
