import { describe, expect, it } from 'vitest';
import { labelsFromStrings, labelsFromText } from '../../../scripts/train-extraction/block-labels';

describe('labelsFromText', () => {
  it('labels the blocks whose words align with the annotation, in order', () => {
    const blocks = ['Home', 'Twitter', 'Monday, November 12', 'The council met on Tuesday and voted to close the pool.', 'Cheers,', 'Alina', 'Twitter', 'Related: The council met on Tuesday again', 'Copyright 2012'];
    const truth = 'Monday, November 12\n\nThe council met on Tuesday and voted to close the pool.\n\nCheers,\nAlina';
    expect(labelsFromText(blocks, truth).map((label) => label.label)).toEqual([0, 0, 1, 1, 1, 1, 0, 0, 0]);
  });

  it('places a short article that no 4-word run anchors, and not a word found by chance in a long page', () => {
    expect(labelsFromText(['Menu', 'Sunday, September 9', 'prepping for a new week.', '13 comments:'], 'Sunday, September 9\nprepping for a new week.').map((label) => label.label)).toEqual([0, 1, 1, 0]);
    const long = Array.from({ length: 60 }, (_, i) => `Sentence number ${i} of the long article says something.`).join('\n');
    expect(labelsFromText(['Share', 'says', ...long.split('\n')], long).slice(0, 3).map((label) => label.label)).toEqual([0, 0, 1]);
  });
});

describe('labelsFromStrings', () => {
  it('labels blocks that hold a wanted or an unwanted string, and leaves the rest unknown', () => {
    const labels = labelsFromStrings(['The story goes on and on.', 'Leave a comment', 'Nothing said of this one'], ['story goes on'], ['Leave a comment']);
    expect(labels).toEqual([{ label: 1, known: true }, { label: 0, known: true }, { label: 0, known: false }]);
  });
});
