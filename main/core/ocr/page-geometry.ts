/**
 * How a page lies: which way up it is, how far it is skewed, and how tall its lines of text
 * are — read from the ink alone, on a copy about 1,000 pixels across, in a few tens of
 * milliseconds.
 *
 * - **Skew:** the projection profile. Lines of text make the count of ink per row rise and fall
 *   sharply only when the rows run along the lines; we turn the ink's coordinates through
 *   candidate angles (±15°, in half degrees, then in twentieths around the best) and keep
 *   the angle whose profile is sharpest (the largest sum of squared row counts).
 * - **A quarter turn:** the same measure with rows and columns swapped; a photo taken
 *   sideways has its sharpest profile across the columns.
 * - **Upside down:** Latin print has far more ascenders and capitals (b d f h k l t, A–Z, 0–9)
 *   than descenders (g j p q y): in each line, more ink stands above the x-height band than
 *   hangs below it. Upside down, the other way round. Tesseract's own orientation detector
 *   (the `osd` data) needs its legacy engine — another 3.4 MB core, 4.3 MB of data and a
 *   re-initialisation per page — for what this measure already tells on a page of text.
 */
import { turn, type GreyImage } from './grey-image';

/** How to turn and straighten a page so that its lines run level, and how tall they are. */
export interface PageGeometry {
  /** Quarter turns clockwise to stand the page upright (0–3). */
  quarterTurns: number;
  /** Degrees to rotate (clockwise positive, after the quarter turns) to level the lines. */
  skew: number;
  /** The distance from one line of text to the next, in pixels of the image measured. */
  linePitch: number;
  /** Whether the page shows lines of text at all (a photo without print shows none). */
  hasText: boolean;
  /** Ascender ink over descender ink once upright: well above 1 for Latin print. */
  ascenderRatio: number;
}

interface InkPoints {
  xs: Float32Array;
  ys: Float32Array;
  count: number;
  width: number;
  height: number;
}

/** The coordinates of every ink pixel (centred), rows and columns swapped when `transpose`. */
function inkPoints(mask: Uint8Array, width: number, height: number, transpose: boolean): InkPoints {
  let count = 0;
  for (let i = 0; i < mask.length; i++) count += mask[i]!;
  const xs = new Float32Array(count);
  const ys = new Float32Array(count);
  let k = 0;
  const [cx, cy] = [width / 2, height / 2];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!mask[y * width + x]) continue;
      if (transpose) {
        xs[k] = y - cy;
        ys[k] = x - cx;
      } else {
        xs[k] = x - cx;
        ys[k] = y - cy;
      }
      k++;
    }
  }
  return transpose ? { xs, ys, count, width: height, height: width } : { xs, ys, count, width, height };
}

/** The ink per row once the points are turned through `degrees`. */
function rowProfile(points: InkPoints, degrees: number): { rows: Float64Array; offset: number } {
  const radians = (degrees * Math.PI) / 180;
  const [sin, cos] = [Math.sin(radians), Math.cos(radians)];
  const reach = Math.ceil(Math.hypot(points.width, points.height) / 2) + 1;
  const rows = new Float64Array(reach * 2);
  for (let i = 0; i < points.count; i++) {
    // The row a point falls in when the page is turned through `degrees` clockwise.
    const y = points.xs[i]! * sin + points.ys[i]! * cos;
    rows[Math.round(y) + reach]!++;
  }
  return { rows, offset: reach };
}

function sharpness(rows: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < rows.length; i++) sum += rows[i]! * rows[i]!;
  return sum;
}

/** The sharpest angle in ±15° and how sharp it is. */
function bestAngle(points: InkPoints): { angle: number; score: number } {
  let best = { angle: 0, score: -1 };
  for (let angle = -15; angle <= 15; angle += 0.5) {
    const score = sharpness(rowProfile(points, angle).rows);
    if (score > best.score) best = { angle, score };
  }
  const coarse = best.angle;
  for (let angle = coarse - 0.5; angle <= coarse + 0.5; angle += 0.05) {
    const score = sharpness(rowProfile(points, angle).rows);
    if (score > best.score) best = { angle, score };
  }
  return { angle: Math.round(best.angle * 100) / 100, score: best.score };
}

/** The runs of rows that hold a line of text: where a row's ink passes a share of the busiest rows'. */
function textLines(rows: Float64Array): [number, number][] {
  const sorted = [...rows].filter((value) => value > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const busy = sorted[Math.floor(sorted.length * 0.9)]!;
  const floor = busy * 0.08;
  const lines: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= rows.length; i++) {
    const inked = i < rows.length && rows[i]! > floor;
    if (inked && start < 0) start = i;
    if (!inked && start >= 0) {
      lines.push([start, i]);
      start = -1;
    }
  }
  return lines;
}

/** Ink above each line's x-height band over ink below it (see the comment at the top). */
function ascenderRatio(rows: Float64Array, lines: [number, number][]): number {
  let above = 0;
  let below = 0;
  for (const [start, end] of lines) {
    if (end - start < 4) continue;
    let peak = 0;
    for (let i = start; i < end; i++) peak = Math.max(peak, rows[i]!);
    let coreStart = start;
    while (coreStart < end && rows[coreStart]! < peak * 0.5) coreStart++;
    let coreEnd = end - 1;
    while (coreEnd > coreStart && rows[coreEnd]! < peak * 0.5) coreEnd--;
    for (let i = start; i < coreStart; i++) above += rows[i]!;
    for (let i = coreEnd + 1; i < end; i++) below += rows[i]!;
  }
  return below === 0 ? (above === 0 ? 1 : 10) : above / below;
}

/** The median distance between the starts of consecutive lines of text. */
function medianPitch(lines: [number, number][]): number {
  const gaps = lines
    .slice(1)
    .map(([start], i) => start - lines[i]![0])
    .filter((gap) => gap > 2)
    .sort((a, b) => a - b);
  return gaps.length === 0 ? 0 : gaps[Math.floor(gaps.length / 2)]!;
}

/** The skew, line pitch and ascender ratio of a page whose lines run across (whichever way up). */
function measureLevel(points: InkPoints, angle = bestAngle(points).angle): { skew: number; pitch: number; ratio: number; lines: number } {
  const { rows } = rowProfile(points, angle);
  const lines = textLines(rows);
  return { skew: angle, pitch: medianPitch(lines), ratio: ascenderRatio(rows, lines), lines: lines.length };
}

/** Reads a page's geometry from its ink mask (see the comment at the top). */
export function measurePage(mask: Uint8Array, image: Pick<GreyImage, 'width' | 'height'>): PageGeometry {
  const { width, height } = image;
  const level = inkPoints(mask, width, height, false);
  const none: PageGeometry = { quarterTurns: 0, skew: 0, linePitch: 0, hasText: false, ascenderRatio: 1 };
  // Less than 0.2% ink is a blank page; more than 40% is a photograph or a dark frame, not print.
  const share = level.count / (width * height);
  if (share < 0.002 || share > 0.4) return none;
  // The level search is kept for measureLevel: done twice, it was a third of this measure's time.
  const levelBest = bestAngle(level);
  const sideways = bestAngle(inkPoints(mask, width, height, true)).score > levelBest.score * 1.15;
  // Stood on its side first when its lines run down the page, then measured level.
  let quarterTurns = sideways ? 1 : 0;
  let upright = sideways ? inkPoints(turn({ width, height, pixels: mask }, 1).pixels, height, width, false) : level;
  let measured = measureLevel(upright, sideways ? undefined : levelBest.angle);
  if (measured.lines < 2 || measured.pitch === 0) return none;
  if (measured.ratio < 1) {
    // Upside down: a half turn more, and measured again (the skew changes sign).
    quarterTurns += 2;
    const turned = turn({ width, height, pixels: mask }, quarterTurns);
    upright = inkPoints(turned.pixels, turned.width, turned.height, false);
    measured = measureLevel(upright);
  }
  return { quarterTurns, skew: measured.skew, linePitch: measured.pitch, hasText: true, ascenderRatio: measured.ratio };
}
