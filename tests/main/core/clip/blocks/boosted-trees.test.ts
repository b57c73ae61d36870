import { describe, expect, it } from 'vitest';
import { checkModel, predict } from '../../../../../main/core/clip/blocks/boosted-trees';
import type { BoostedTrees } from '../../../../../main/core/clip/blocks/boosted-trees';

const model: BoostedTrees = {
  format: 'cuttings-boosted-trees',
  features: ['words', 'links'],
  base: 0,
  threshold: 0.5,
  // words ≤ 5 ? -2 : (links ≤ 0.5 ? 2 : -1)
  trees: [{ f: [0, -1, 1, -1, -1], t: [5, -2, 0.5, 2, -1], r: [2, -1, 4, -1, -1] }],
};

describe('boosted trees', () => {
  it('sums a leaf of every tree and turns the sum into a probability', () => {
    const probabilities = predict(model, Float32Array.from([3, 0, 40, 0.1, 40, 0.9]), 2);
    expect(Array.from(probabilities, (p) => Number(p.toFixed(3)))).toEqual([0.119, 0.881, 0.269]);
  });

  it('refuses a model trained on other features, naming the first that differs', () => {
    expect(() => checkModel(model, ['words', 'link_density'], 'test.json')).toThrow(
      "clip: test.json was trained on other features (column 1: 'links', expected 'link_density'); run npm run train:extraction",
    );
    expect(() => checkModel({ trees: 3 }, ['words'], 'bad.json')).toThrow('clip: bad.json is not a boosted-trees model');
    expect(checkModel(model, ['words', 'links'], 'test.json')).toBe(model);
  });
});
