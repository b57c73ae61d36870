/**
 * A greyscale image as the cleaning steps work on it: one byte a pixel, row by row, 0 black,
 * 255 white. Plain typed arrays in JavaScript rather than more round trips through sharp:
 * each step here is one or two passes over a few million bytes (tens of milliseconds).
 */

/** An 8-bit greyscale raster. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** A box in an image's pixels: left, top, right and bottom edges (right and bottom exclusive). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Otsu's threshold: the grey level that best splits the histogram into ink and paper. */
export function otsuThreshold(pixels: Uint8Array): number {
  const histogram = new Float64Array(256);
  for (let i = 0; i < pixels.length; i++) histogram[pixels[i]!]!++;
  const total = pixels.length;
  let sum = 0;
  for (let level = 0; level < 256; level++) sum += level * histogram[level]!;
  let below = 0;
  let sumBelow = 0;
  let best = 127;
  let bestVariance = -1;
  for (let level = 0; level < 256; level++) {
    below += histogram[level]!;
    if (below === 0) continue;
    const above = total - below;
    if (above === 0) break;
    sumBelow += level * histogram[level]!;
    const meanBelow = sumBelow / below;
    const meanAbove = (sum - sumBelow) / above;
    const variance = below * above * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = level;
    }
  }
  return best;
}

/** The ink of an image: 1 where a pixel is darker than the threshold. */
export function inkMask(image: GreyImage, threshold = otsuThreshold(image.pixels)): Uint8Array {
  const mask = new Uint8Array(image.pixels.length);
  for (let i = 0; i < mask.length; i++) mask[i] = image.pixels[i]! <= threshold ? 1 : 0;
  return mask;
}

/**
 * The image in black and white at Otsu's threshold: what recognition is given (see
 * recognise-scan.ts). On a page whose light is already even (flatten-light.ts) one threshold
 * for the whole page is what tesseract would pick itself.
 */
export function blackAndWhite(image: GreyImage): GreyImage {
  const threshold = otsuThreshold(image.pixels);
  const pixels = new Uint8Array(image.pixels.length);
  for (let i = 0; i < pixels.length; i++) pixels[i] = image.pixels[i]! <= threshold ? 0 : 255;
  return { width: image.width, height: image.height, pixels };
}

/** The image shrunk by an integer factor, each pixel the mean of its block (cheap and alias-free enough for layout). */
export function shrink(image: GreyImage, factor: number): GreyImage {
  if (factor <= 1) return image;
  const width = Math.max(1, Math.floor(image.width / factor));
  const height = Math.max(1, Math.floor(image.height / factor));
  const pixels = new Uint8Array(width * height);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * image.width + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += image.pixels[row + dx]!;
      }
      pixels[y * width + x] = Math.round(sum / area);
    }
  }
  return { width, height, pixels };
}

/** The image turned a quarter turn clockwise `quarters` times (0–3). */
export function turn(image: GreyImage, quarters: number): GreyImage {
  const q = ((quarters % 4) + 4) % 4;
  if (q === 0) return image;
  const { width, height, pixels } = image;
  const out = new Uint8Array(pixels.length);
  // A half turn keeps the shape; a quarter turn swaps width and height.
  const w = q === 2 ? width : height;
  const h = q === 2 ? height : width;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const value = pixels[y * width + x]!;
      if (q === 1) out[x * w + (height - 1 - y)] = value;
      else if (q === 2) out[(height - 1 - y) * w + (width - 1 - x)] = value;
      else out[(width - 1 - x) * w + y] = value;
    }
  }
  return { width: w, height: h, pixels: out };
}
