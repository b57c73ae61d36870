/**
 * What lies around the page in a photo: the table, the book, the dark edge of a scanner's
 * lid. It is darker than the paper and reaches the photo's edge, where the page's own text
 * never does (the paper's margin keeps it in), so it is found by filling from the edges
 * through everything darker than the paper (Otsu's threshold on the photo as taken) and
 * painted white before the page is measured and read: left dark, it would count as a great
 * deal of ink and hide the lines of text.
 */
import { otsuThreshold, type GreyImage } from './grey-image';

/** A mask of the frame around the page: 1 for every pixel of it (see the comment at the top). */
export function frameMask(image: GreyImage): Uint8Array {
  const { width, height, pixels } = image;
  const threshold = otsuThreshold(pixels);
  const frame = new Uint8Array(width * height);
  const queue = new Int32Array(width * height);
  let head = 0;
  let tail = 0;
  const visit = (i: number) => {
    if (frame[i] || pixels[i]! > threshold) return;
    frame[i] = 1;
    queue[tail++] = i;
  };
  for (let x = 0; x < width; x++) {
    visit(x);
    visit((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    visit(y * width);
    visit(y * width + width - 1);
  }
  while (head < tail) {
    const i = queue[head++]!;
    const [x, y] = [i % width, Math.floor(i / width)];
    if (x > 0) visit(i - 1);
    if (x < width - 1) visit(i + 1);
    if (y > 0) visit(i - width);
    if (y < height - 1) visit(i + width);
  }
  return frame;
}

/**
 * Paints the frame white in an image `factor` times larger than the mask's (each mask pixel a
 * factor × factor block). Rows of the mask with no frame in them (every row of a flat scan)
 * are skipped whole.
 */
export function whitenFrame(image: GreyImage, frame: Uint8Array, frameWidth: number, factor: number): void {
  const frameRows = frame.length / frameWidth;
  for (let y = 0; y < image.height; y++) {
    const row = Math.min(Math.floor(y / factor), frameRows - 1) * frameWidth;
    if (frame.subarray(row, row + frameWidth).indexOf(1) < 0) continue;
    for (let x = 0; x < image.width; x++) {
      if (frame[row + Math.min(Math.floor(x / factor), frameWidth - 1)]) image.pixels[y * image.width + x] = 255;
    }
  }
}
