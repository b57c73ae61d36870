import { describe, expect, it } from 'vitest';
import { predict } from '../../../main/core/clip/blocks/boosted-trees';
import { DEFAULT_BOOSTING, seededRandom, trainBoostedTrees } from '../../../scripts/train-extraction/gradient-boosting';
import type { TrainingSet } from '../../../scripts/train-extraction/gradient-boosting';

/** Rows of two features; the label is (x > 0.6 and y < 0.3) or x < 0.1 — a rule trees can find and a line cannot. */
function data(rows: number, seed: number): TrainingSet {
  const random = seededRandom(seed);
  const features = new Float32Array(rows * 2);
  const labels = new Uint8Array(rows);
  for (let row = 0; row < rows; row++) {
    const x = random();
    const y = random();
    features[row * 2] = x;
    features[row * 2 + 1] = y;
    labels[row] = (x > 0.6 && y < 0.3) || x < 0.1 ? 1 : 0;
  }
  return { rows, width: 2, features, labels, weights: new Float32Array(rows).fill(1) };
}

describe('trainBoostedTrees', () => {
  const options = { ...DEFAULT_BOOSTING, trees: 40, depth: 3 };

  it('learns a rule from examples and predicts it on rows it never saw', () => {
    const model = trainBoostedTrees(data(4000, 1), ['x', 'y'], options);
    const test = data(1000, 2);
    const probabilities = predict(model, test.features, 2);
    let right = 0;
    for (let row = 0; row < test.rows; row++) if ((probabilities[row] as number) >= 0.5 === (test.labels[row] === 1)) right++;
    expect(right / test.rows).toBeGreaterThan(0.97);
  });

  it('gives the same trees for the same data and seed', () => {
    const a = JSON.stringify(trainBoostedTrees(data(1000, 3), ['x', 'y'], options));
    const b = JSON.stringify(trainBoostedTrees(data(1000, 3), ['x', 'y'], options));
    expect(a).toBe(b);
  });
});
