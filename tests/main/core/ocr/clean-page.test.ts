// Pages made ready for recognition: a photo taken sideways or upside down is stood upright,
// a page a few degrees askew is levelled, and a page without print is refused by name.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cleanPage, workingImage } from '../../../../main/core/ocr/clean-page';
import { recogniseImage, toPgm } from '../../../../main/core/ocr/tesseract-engine';
import { textImage } from './text-image';

const TEXT = [
  'The harbour committee met on Monday and agreed a new budget for the docks,',
  'the first in four years. Its chairman said the unions would be consulted',
  'before any change to the shifts, and that the ferry would keep running.',
  'The budget will be published in full on the council website next week.',
].join('\n');

/** The engine's confidence in a strip, as recognise-scan.ts asks it. */
const confidence = async (strip: { pixels: Uint8Array; width: number; height: number }) => (await recogniseImage(toPgm(strip.pixels, strip.width, strip.height), ['eng'], 6)).confidence;

async function cleaned(rotate: number) {
  const page = await workingImage(sharp(await textImage(TEXT, { rotate })));
  return cleanPage(page, 'page.png', confidence);
}

describe('cleaning a page', () => {
  it.each([
    [90, 3],
    [-90, 1],
    [180, 2],
  ])('stands a page turned %i° upright (%i quarter turns)', async (rotate, quarters) => {
    const { geometry } = await cleaned(rotate);
    expect(geometry.quarterTurns).toBe(quarters);
  });

  it('levels a page a few degrees askew', async () => {
    const { geometry } = await cleaned(4);
    expect(Math.abs(geometry.skew + 4)).toBeLessThan(0.5);
  });

  it('refuses a page with no print on it, naming it', async () => {
    const blank = await workingImage(sharp({ create: { width: 1000, height: 1400, channels: 3, background: '#e6e6e6' } }).png());
    await expect(cleanPage(blank, 'wall.png')).rejects.toThrow('ocr: no text found in wall.png (it shows no lines of print)');
  });
});
