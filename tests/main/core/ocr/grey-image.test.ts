import { describe, expect, it } from 'vitest';
import { blackAndWhite, otsuThreshold } from '../../../../main/core/ocr/grey-image';

describe('a cleaned page in black and white for the engine', () => {
  it("splits ink from paper at Otsu's threshold, keeping the size", () => {
    // Paper at 200–240, ink at 20–60: every pixel goes to its side.
    const pixels = Uint8Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? 20 + (i % 41) : 200 + (i % 41)));
    const image = blackAndWhite({ width: 20, height: 20, pixels });
    expect([image.width, image.height]).toEqual([20, 20]);
    const threshold = otsuThreshold(pixels);
    expect(threshold).toBeGreaterThanOrEqual(60);
    expect(threshold).toBeLessThan(200);
    for (let i = 0; i < pixels.length; i++) expect(image.pixels[i], `pixel ${i}`).toBe(pixels[i]! < 128 ? 0 : 255);
  });

  it('leaves the image it was given as it was', () => {
    const pixels = Uint8Array.from([10, 250, 10, 250]);
    blackAndWhite({ width: 2, height: 2, pixels });
    expect([...pixels]).toEqual([10, 250, 10, 250]);
  });
});
