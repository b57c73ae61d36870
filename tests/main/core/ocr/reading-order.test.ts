// The order a page's blocks are read in: column by column, a story at a time, whatever the
// headlines over the columns span.
import { describe, expect, it } from 'vitest';
import { readingOrder, type Block } from '../../../../main/core/ocr/reading-order';

/** A block named by what it is, from its left, top, right and bottom edges. */
function at(item: string, x0: number, y0: number, x1: number, y1: number): Block<string> {
  return { item, box: { x0, y0, x1, y1 } };
}

/** Three columns 500 wide with gutters of 40, as a page of cuttings sets them. */
const COLUMN = [
  [40, 540],
  [580, 1080],
  [1120, 1620],
] as const;

describe('reading order', () => {
  it('reads a story column by column under a headline across all its columns', () => {
    const blocks = [
      at('headline', 40, 40, 1620, 110),
      at('col 2', COLUMN[1][0], 160, COLUMN[1][1], 1200),
      at('col 1 para 2', COLUMN[0][0], 500, COLUMN[0][1], 1200),
      at('col 3', COLUMN[2][0], 160, COLUMN[2][1], 900),
      at('col 1 para 1', COLUMN[0][0], 160, COLUMN[0][1], 470),
    ];
    expect(readingOrder(blocks, 18)).toEqual(['headline', 'col 1 para 1', 'col 1 para 2', 'col 2', 'col 3']);
  });

  it('keeps a set of columns whole where every column happens to break at the same height', () => {
    const blocks = [
      at('col 1 top', COLUMN[0][0], 100, COLUMN[0][1], 500),
      at('col 2 top', COLUMN[1][0], 100, COLUMN[1][1], 500),
      at('col 1 foot', COLUMN[0][0], 540, COLUMN[0][1], 900),
      at('col 2 foot', COLUMN[1][0], 540, COLUMN[1][1], 900),
    ];
    expect(readingOrder(blocks, 18)).toEqual(['col 1 top', 'col 1 foot', 'col 2 top', 'col 2 foot']);
  });

  it('reads a second story column by column when its headline spans only some columns and sits closer over them than the gap', () => {
    // The second headline covers columns 1 and 2 of 3 and is 12 px over its text (gap 18):
    // the cut into bands cannot part them, nor the cut into columns parts columns 1 and 2.
    const blocks = [
      at('first headline', 40, 40, 1620, 110),
      at('first col 1', COLUMN[0][0], 160, COLUMN[0][1], 1300),
      at('first col 2', COLUMN[1][0], 160, COLUMN[1][1], 1280),
      at('first col 3', COLUMN[2][0], 160, COLUMN[2][1], 1150),
      at('second headline', 40, 1370, 930, 1430),
      at('second col 1 para 1', COLUMN[0][0], 1442, COLUMN[0][1], 1660),
      at('second col 1 para 2', COLUMN[0][0], 1690, COLUMN[0][1], 2400),
      at('second col 2', COLUMN[1][0], 1442, COLUMN[1][1], 2420),
      at('second col 3', COLUMN[2][0], 1442, COLUMN[2][1], 2410),
    ];
    expect(readingOrder(blocks, 18)).toEqual([
      'first headline',
      'first col 1',
      'first col 2',
      'first col 3',
      'second headline',
      'second col 1 para 1',
      'second col 1 para 2',
      'second col 2',
      'second col 3',
    ]);
  });

  it('reads blocks no white line divides top to bottom, then left to right', () => {
    // A box over the gutter touching both columns: nothing to cut at, so the plain order.
    const blocks = [at('right', 600, 100, 1000, 400), at('bridge', 300, 400, 700, 500), at('left', 0, 100, 400, 400)];
    expect(readingOrder(blocks, 18)).toEqual(['left', 'right', 'bridge']);
  });
});
