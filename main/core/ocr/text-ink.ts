/**
 * The ink that can be text: connected blots no larger than a headline's letter. Page edges,
 * rules, the shadow in a book's gutter and dark corners of a photo are long or large; left
 * in, one edge running the height of the page would outweigh every line of text when the
 * page's skew and orientation are measured, and its junk would be "read" at the page's edge.
 */
import type { Box } from './grey-image';

/** The mask with every 8-connected blot wider or taller than `maxSize` pixels removed. */
export function textInk(mask: Uint8Array, width: number, height: number, maxSize: number): Uint8Array {
  const out = new Uint8Array(mask);
  const seen = new Uint8Array(mask.length);
  const queue = new Int32Array(mask.length);
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    let [head, tail] = [0, 0];
    queue[tail++] = start;
    seen[start] = 1;
    let [x0, y0, x1, y1] = [width, height, 0, 0];
    while (head < tail) {
      const i = queue[head++]!;
      const [x, y] = [i % width, Math.floor(i / width)];
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const [nx, ny] = [x + dx, y + dy];
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const j = ny * width + nx;
          if (mask[j] && !seen[j]) {
            seen[j] = 1;
            queue[tail++] = j;
          }
        }
      }
    }
    if (x1 - x0 + 1 > maxSize || y1 - y0 + 1 > maxSize) for (let k = 0; k < tail; k++) out[queue[k]!] = 0;
  }
  return out;
}

/** The box around all the ink of a mask, or null when there is none. */
export function inkBox(mask: Uint8Array, width: number, height: number): Box | null {
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!mask[y * width + x]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}
