// Pages made ready for recognition: a photo taken sideways or upside down is stood upright,
// a page a few degrees askew is levelled, and a page without print is refused by name. A page
// whose ascenders do not say which way up it is (as many descenders as ascenders) is settled
// by the engine reading a strip of it, the other way up only when the first reading is unsure.
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

/** Lines with nearly as many descenders as ascenders: the ink alone takes them to be upside down. */
const DESCENDERS = [
  'The harbour committee met on Monday and agreed a new budget for the docks,',
  'a young pygmy puppy was gazing up a grassy quay, yapping, jumping, gasping,',
  'moaning; grumpy ravens were gnawing soggy pears near our rusty gray wagon',
  'the first in four years. Its chairman said the unions would be consulted',
].join('\n');

/** Cleans the DESCENDERS page upright, the engine's confidence in each strip read taken from `answers` in turn. */
async function cleanedWithAnswers(answers: number[]) {
  const page = await workingImage(sharp(await textImage(DESCENDERS)));
  const asked: number[] = [];
  const { geometry } = await cleanPage(page, 'page.png', async () => {
    asked.push(answers[asked.length] ?? 0);
    return asked.at(-1)!;
  });
  return { quarterTurns: geometry.quarterTurns, reads: asked.length };
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

  it('stands upright a page whose ascenders mislead, the engine reading a strip of it', async () => {
    const page = await workingImage(sharp(await textImage(DESCENDERS)));
    const { geometry } = await cleanPage(page, 'page.png', confidence);
    expect(geometry.quarterTurns).toBe(0);
  });

  it('reads the strip once when the engine is sure of it, and the other way up only when it is not', async () => {
    // The ink says upside down (a half turn); an engine sure of that reading is not asked again.
    expect(await cleanedWithAnswers([90])).toEqual({ quarterTurns: 2, reads: 1 });
    // Unsure, and surer the other way up: turned back.
    expect(await cleanedWithAnswers([40, 85])).toEqual({ quarterTurns: 0, reads: 2 });
    // Unsure both ways: the ink's answer stands.
    expect(await cleanedWithAnswers([40, 42])).toEqual({ quarterTurns: 2, reads: 2 });
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
