// The engine's words: taken from tesseract's TSV (one row per block, paragraph, line and
// word) with their boxes, confidences and places in the layout, and read from a real page.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { workingImage } from '../../../../main/core/ocr/clean-page';
import { recogniseImage, toPgm, wordsFromTsv } from '../../../../main/core/ocr/tesseract-engine';
import { textImage } from './text-image';

const TSV = [
  'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
  '1\t1\t0\t0\t0\t0\t0\t0\t1800\t900\t-1\t',
  '2\t1\t1\t0\t0\t0\t150\t150\t900\t120\t-1\t',
  '3\t1\t1\t1\t0\t0\t150\t150\t900\t120\t-1\t',
  '4\t1\t1\t1\t1\t0\t150\t150\t900\t50\t-1\t',
  '5\t1\t1\t1\t1\t1\t150\t152\t210\t48\t96.5\tHarbour',
  '5\t1\t1\t1\t1\t2\t380\t150\t160\t50\t91\tbudget',
  '4\t1\t1\t1\t2\t0\t150\t220\t400\t50\t-1\t',
  '5\t1\t1\t1\t2\t1\t150\t220\t120\t50\t95\t ',
  '5\t1\t1\t1\t2\t2\t290\t221\t260\t49\t88.25\tagreed.',
  '2\t1\t2\t0\t0\t0\t1100\t150\t500\t60\t-1\t',
  '5\t1\t2\t1\t1\t1\t1100\t150\t300\t60\t77\tDocks',
  '',
].join('\n');

describe('the engine', () => {
  it('takes each word of the TSV with its box, confidence and place in the layout, and skips the rest', () => {
    expect(wordsFromTsv(TSV)).toEqual([
      { text: 'Harbour', confidence: 96.5, x0: 150, y0: 152, x1: 360, y1: 200, block: 1, paragraph: 1, line: 1 },
      { text: 'budget', confidence: 91, x0: 380, y0: 150, x1: 540, y1: 200, block: 1, paragraph: 1, line: 1 },
      { text: 'agreed.', confidence: 88.25, x0: 290, y0: 221, x1: 550, y1: 270, block: 1, paragraph: 1, line: 2 },
      { text: 'Docks', confidence: 77, x0: 1100, y0: 150, x1: 1400, y1: 210, block: 2, paragraph: 1, line: 1 },
    ]);
  });

  it('reads a printed line into its words, left to right, each with its box', async () => {
    const page = await workingImage(sharp(await textImage('The harbour committee agreed a new budget')));
    const { words, confidence } = await recogniseImage(toPgm(page.pixels, page.width, page.height), ['eng'], 6);
    expect(words.map((word) => word.text)).toEqual(['The', 'harbour', 'committee', 'agreed', 'a', 'new', 'budget']);
    expect(confidence).toBeGreaterThan(80);
    for (const [i, word] of words.entries()) {
      expect(word.x1).toBeGreaterThan(word.x0);
      expect(word.y1).toBeGreaterThan(word.y0);
      if (i > 0) expect(word.x0).toBeGreaterThan(words[i - 1]!.x1);
      expect([word.block, word.paragraph, word.line]).toEqual([words[0]!.block, words[0]!.paragraph, words[0]!.line]);
    }
  });
});
