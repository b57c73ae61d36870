/**
 * Reading order for a newspaper page: column by column, not across. Tesseract finds the
 * blocks of a page (a headline, each column's text) but its order between them is not always
 * the reader's; we order the blocks by a recursive cut of their boxes (the XY-cut):
 *
 * 1. Cut the page into bands wherever a horizontal line crosses no block (a headline over
 *    the columns, a story under another).
 * 2. Join neighbouring bands whose columns line up (the same gutters): one set of columns
 *    that happened to have a gap at the same height in every column is still one set, to be
 *    read column by column.
 * 3. Cut each band into columns wherever a vertical line crosses no block, and read the
 *    columns left to right, each cut again the same way.
 * 4. A group that neither cut divides is cut into bands again at any white line, however
 *    thin: a story's headline set close over its columns (less than `gap` above them) and
 *    spanning only some of them is held to those columns by the first cut, and then keeps
 *    them from being cut apart. Only a group that no white line divides is read top to
 *    bottom, then left to right.
 */
import type { Box } from './grey-image';

/** A block to order: its box and anything the caller needs back. */
export interface Block<T> {
  box: Box;
  item: T;
}

/** Splits blocks where a line along one axis crosses none; the groups in order along it. */
function cut<T>(blocks: Block<T>[], axis: 'x' | 'y', minGap: number): Block<T>[][] {
  const [start, end] = axis === 'x' ? (['x0', 'x1'] as const) : (['y0', 'y1'] as const);
  const sorted = [...blocks].sort((a, b) => a.box[start] - b.box[start]);
  const groups: Block<T>[][] = [];
  let reach = -Infinity;
  for (const block of sorted) {
    if (groups.length === 0 || block.box[start] - reach >= minGap) groups.push([block]);
    else groups[groups.length - 1]!.push(block);
    reach = Math.max(reach, block.box[end]);
  }
  return groups;
}

function span<T>(blocks: Block<T>[]): Box {
  return {
    x0: Math.min(...blocks.map((b) => b.box.x0)),
    y0: Math.min(...blocks.map((b) => b.box.y0)),
    x1: Math.max(...blocks.map((b) => b.box.x1)),
    y1: Math.max(...blocks.map((b) => b.box.y1)),
  };
}

/** Whether two sets of columns line up: as many, and each overlapping its fellow across most of its width. */
function sameColumns(a: Box[], b: Box[]): boolean {
  if (a.length < 2 || a.length !== b.length) return false;
  return a.every((column, i) => {
    const other = b[i]!;
    const overlap = Math.min(column.x1, other.x1) - Math.max(column.x0, other.x0);
    return overlap > 0.6 * Math.min(column.x1 - column.x0, other.x1 - other.x0);
  });
}

/** The blocks cut into bands `bandGap` apart, neighbouring bands whose columns line up joined. */
function bands<T>(blocks: Block<T>[], bandGap: number, gap: number): Block<T>[][] {
  const joined: Block<T>[][] = [];
  let previousColumns: Box[] = [];
  for (const band of cut(blocks, 'y', bandGap)) {
    const columns = cut(band, 'x', gap).map(span);
    const last = joined[joined.length - 1];
    if (last && sameColumns(previousColumns, columns)) {
      last.push(...band);
      previousColumns = cut(last, 'x', gap).map(span);
    } else {
      joined.push([...band]);
      previousColumns = columns;
    }
  }
  return joined;
}

/** The blocks in reading order (see the comment at the top); `gap` is the least white space that separates, in pixels. */
export function readingOrder<T>(blocks: Block<T>[], gap: number): T[] {
  if (blocks.length <= 1) return blocks.map((block) => block.item);
  let joined = bands(blocks, gap, gap);
  if (joined.length === 1 && cut(blocks, 'x', gap).length === 1) {
    // Neither cut divides the group: cut it at any white line (step 4).
    joined = bands(blocks, 1, gap);
    if (joined.length === 1) return [...blocks].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0).map((block) => block.item);
  }
  const ordered: T[] = [];
  for (const band of joined) {
    const columns = cut(band, 'x', gap);
    // A band the column cut leaves whole is a strict part of the group: order it afresh.
    for (const column of columns) ordered.push(...readingOrder(column, gap));
  }
  return ordered;
}
