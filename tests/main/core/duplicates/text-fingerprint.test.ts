import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shingleContainment, shingles, sketchHashes, sketchSimilarity, textSketch } from '../../../../main/core/duplicates/text-fingerprint';
import { SHARED } from '../../../paths';

const bbc = (file: string) => readFileSync(join(SHARED, 'corpora', 'bbc', file), 'latin1');
const similarity = (a: string, b: string) => sketchSimilarity(sketchHashes(textSketch(a)), sketchHashes(textSketch(b)));

/** A story as another site prints it: its own masthead and byline above, its footer below. */
function syndicated(story: string): string {
  const [, ...body] = story.split('\n');
  return `The Daily Courier | Home | World | Business\nBy Wire Staff\nShare on Facebook Share on Twitter\n\n${body.join('\n')}\n\nCopyright 2005 The Daily Courier. All rights reserved. Sign up for our newsletter.`;
}

describe('textSketch', () => {
  it('is 16 hashes as 128 hex digits, the same for the same text', () => {
    const story = bbc('business/001.txt');
    expect(textSketch(story)).toMatch(/^[0-9a-f]{128}$/u);
    expect(textSketch(story)).toBe(textSketch(story));
  });

  it('folds case and accents and ignores punctuation and spacing', () => {
    expect(textSketch('Zürich talks: the MINISTERS met.')).toBe(textSketch('zurich talks the ministers   met'));
  });

  it('finds byte-identical BBC pairs identical', () => {
    expect(bbc('tech/131.txt')).toBe(bbc('tech/179.txt'));
    expect(similarity(bbc('tech/131.txt'), bbc('tech/179.txt'))).toBe(1);
  });

  it('rates a syndicated copy under another header and footer close, and unrelated stories far apart', () => {
    const story = bbc('business/001.txt');
    expect(similarity(story, syndicated(story))).toBeGreaterThanOrEqual(0.5);
    expect(similarity(story, bbc('business/002.txt'))).toBeLessThan(0.2);
    expect(similarity(story, bbc('sport/001.txt'))).toBeLessThan(0.2);
  });

  it('measures containment on the shorter text', () => {
    const story = bbc('business/001.txt');
    expect(shingleContainment(shingles(story), shingles(syndicated(story)))).toBeGreaterThan(0.95);
    expect(shingleContainment(shingles(story), shingles(bbc('business/002.txt')))).toBeLessThan(0.1);
  });
});
