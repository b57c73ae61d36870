/**
 * A page made ready for recognition: turned upright (a photo taken sideways or upside down),
 * straightened, evenly lit with full contrast, and scaled so that its lines of body text are
 * about 44 pixels apart (an x-height near 18 pixels; TARGET_LINE_PITCH says why). Also the
 * image the reader shows beside the text: the same page, cleaned, at most 1,600 pixels wide.
 *
 * sharp (libvips) decodes, turns and scales, off the JavaScript thread; the measures and the
 * light are plain loops over typed arrays (page-geometry.ts, flatten-light.ts).
 */
import sharp, { type Sharp } from 'sharp';
import { CuttingsError } from '../../../common/errors';
import { flattenLight } from './flatten-light';
import { inkMask, shrink, turn, type GreyImage } from './grey-image';
import { frameMask, whitenFrame } from './page-frame';
import { inkBox, textInk } from './text-ink';
import { measurePage, type PageGeometry } from './page-geometry';

/** The longest side a page is worked on at: an A4 page at 360 dpi, more than print needs. */
export const MAX_WORKING_SIDE = 4200;
/**
 * The distance between lines of body text that recognition is given, in pixels. tesseract's
 * LSTM scales every line to the same height itself, so pixels beyond what it needs only cost
 * binarising and layout. Measured on the OCR run's 3 pages, cleaned once and scaled to each
 * pitch (6 images; CPU seconds to recognise one, mean; CER on scans / photos): as found
 * (48–56) 4.02 s, 0.045% / 0.22%; 44: 3.65 s, 0.08% / 0.07%; 40 and 36: 3–8% faster again,
 * but at 40 one scan lost a line (0.74%). 44 is the smallest that read every page well.
 */
const TARGET_LINE_PITCH = 44;
/**
 * A page whose lines are within this share of TARGET_LINE_PITCH is not scaled. The pitch is
 * measured on a copy shrunk 3 or 4 times, so it is known to 3 or 4 pixels; a photo at 48
 * (9% off) is scaled, which saved 0.2 s of recognition a photo and cost 0.05 s of scaling.
 */
const PITCH_CLOSE_ENOUGH = 0.08;
/** An ascender ratio (page-geometry.ts) at least this far from 1 settles which way up a page is; nearer, the engine is asked. */
const ASCENDERS_CLEARLY = 2;
/**
 * A strip read with at least this confidence (0–100) is the right way up. On the BBC test
 * pages (6 pages, scans and photos, each also upside down) strips the right way up read at
 * 67–91 and the wrong way up at 27–44; the second reading it spares cost 0.1–0.4 s of CPU.
 */
const READ_UPRIGHT = 60;
/** The reader's image of a page: this wide at most. */
const DISPLAY_WIDTH = 1600;

/** A page ready for the engine, and what was done to it. */
export interface CleanedPage {
  /** The page for recognition: upright, level, evenly lit, scaled. */
  image: GreyImage;
  geometry: PageGeometry;
  /** The scale from the working image (at most MAX_WORKING_SIDE) to `image`. */
  scale: number;
  /** The distance between lines of body text in `image`, in pixels. */
  linePitch: number;
}

/** The reader's image of a page: a JPEG, and the scale from the recognised image's pixels to it. */
export interface DisplayImage {
  bytes: Buffer;
  width: number;
  height: number;
  scale: number;
}

/** The page's pixels, greyscale, turned as its EXIF says, at most MAX_WORKING_SIDE on its longest side. */
export async function workingImage(input: Sharp): Promise<GreyImage> {
  const { data, info } = await input
    .rotate()
    .greyscale()
    .resize({ width: MAX_WORKING_SIDE, height: MAX_WORKING_SIDE, fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, pixels: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height) };
}

/** The largest blot of ink that can be a letter: 5% of the image's longest side, 40 pixels at least. */
function maxBlot(image: GreyImage): number {
  return Math.max(40, Math.round(Math.max(image.width, image.height) * 0.05));
}

/**
 * The page cut to its text and a margin (a line's height or so), measured on a small copy:
 * what is outside holds no text (the frame of a photo, the edges the turn brought in), and
 * the engine would only read junk there.
 */
function cropToText(image: GreyImage): GreyImage {
  const factor = Math.max(1, Math.ceil(Math.max(image.width, image.height) / 1100));
  const small = shrink(image, factor);
  const box = inkBox(textInk(inkMask(small), small.width, small.height, maxBlot(small)), small.width, small.height);
  if (!box) return image;
  const margin = 12;
  const x0 = Math.max(0, (box.x0 - margin) * factor);
  const y0 = Math.max(0, (box.y0 - margin) * factor);
  const x1 = Math.min(image.width, (box.x1 + margin) * factor);
  const y1 = Math.min(image.height, (box.y1 + margin) * factor);
  if (x0 === 0 && y0 === 0 && x1 === image.width && y1 === image.height) return image;
  const width = x1 - x0;
  const pixels = new Uint8Array(width * (y1 - y0));
  for (let y = y0; y < y1; y++) pixels.set(image.pixels.subarray(y * image.width + x0, y * image.width + x1), (y - y0) * width);
  return { width, height: y1 - y0, pixels };
}

/**
 * The page turned through `angle` degrees and scaled, by sharp: turned first, then scaled
 * (two pipelines, as sharp orders the steps of one pipeline itself). Each pipeline ends in
 * one band of grey: left to itself sharp hands a turned grey page back as three bands of
 * colour, and converting those cost another 0.05–0.08 s of CPU a page. Nothing to do, no copy.
 */
async function straightened(page: GreyImage, angle: number, scale: number): Promise<GreyImage> {
  const raw = (image: GreyImage) => sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 1 } });
  const grey = async (pipeline: Sharp): Promise<GreyImage> => {
    const { data, info } = await pipeline.greyscale().raw().toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, pixels: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height) };
  };
  const turned = angle === 0 ? page : await grey(raw(page).rotate(angle, { background: { r: 255, g: 255, b: 255 } }));
  return scale === 1 ? turned : grey(raw(turned).resize({ width: Math.round(turned.width * scale), kernel: scale < 1 ? 'lanczos3' : 'cubic' }));
}

/** How far to scale a page whose lines are `pitch` pixels apart: only when far from the target. */
function scaleFor(pitch: number): number {
  if (Math.abs(pitch / TARGET_LINE_PITCH - 1) > PITCH_CLOSE_ENOUGH) return Math.min(2.5, Math.max(0.3, TARGET_LINE_PITCH / pitch));
  return 1;
}

/**
 * Cleans one page (see the comment at the top). `name` names the page in the error thrown
 * when it shows no lines of text (`bad-content`: "ocr: no text found in …").
 */
export async function cleanPage(page: GreyImage, name: string, confidenceOf?: (strip: GreyImage) => Promise<number>): Promise<CleanedPage> {
  // Measured on a copy about 1,100 pixels on its longest side.
  const factor = Math.max(1, Math.ceil(Math.max(page.width, page.height) / 1100));
  const shrunk = shrink(page, factor);
  // The table or book around a photographed page, painted white (page-frame.ts).
  const frame = frameMask(shrunk);
  whitenFrame(shrunk, frame, shrunk.width, 1);
  whitenFrame(page, frame, shrunk.width, factor);
  const small = flattenLight(shrunk);
  const geometry = measurePage(textInk(inkMask(small), small.width, small.height, maxBlot(small)), small);
  if (!geometry.hasText) throw new CuttingsError('bad-content', `ocr: no text found in ${name} (it shows no lines of print)`);
  const scale = scaleFor(geometry.linePitch * factor);
  const angle = geometry.quarterTurns * 90 + geometry.skew;
  let image = cropToText(flattenLight(await straightened(page, angle, scale)));
  const linePitch = geometry.linePitch * factor * scale;
  // Which way up, when the ascenders did not say clearly: the engine reads a strip of the
  // page both ways, and the way it is surer of wins.
  if (confidenceOf && geometry.ascenderRatio < ASCENDERS_CLEARLY) {
    // Four lines from the middle half of the page's width: a few dozen words, enough to tell.
    const height = Math.min(image.height, Math.round(linePitch * 4));
    const [top, left] = [Math.round((image.height - height) / 2), Math.round(image.width / 4)];
    const width = Math.round(image.width / 2);
    const pixels = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) pixels.set(image.pixels.subarray((top + y) * image.width + left, (top + y) * image.width + left + width), y * width);
    const strip = { width, height, pixels };
    // A strip the engine reads with confidence needs no second reading the other way up.
    const upright = await confidenceOf(strip);
    if (upright < READ_UPRIGHT && (await confidenceOf(turn(strip, 2))) > upright + 5) {
      image = turn(image, 2);
      return { image, geometry: { ...geometry, quarterTurns: (geometry.quarterTurns + 2) % 4 }, scale, linePitch };
    }
  }
  return { image, geometry, scale, linePitch };
}

/** The reader's JPEG of a cleaned page. */
export async function displayImage(image: GreyImage): Promise<DisplayImage> {
  const width = Math.min(DISPLAY_WIDTH, image.width);
  const scale = width / image.width;
  const { data, info } = await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 1 } })
    .resize({ width })
    // mozjpeg's quantisation tables at the same quality, without its two slow searches
    // (trellis quantisation and the best progressive scans). CPU a page and size on the
    // 3-page run: both searches 0.31 s, 396 KB; without the scan search 0.23 s, 402 KB;
    // without either 0.10 s, 472 KB; libjpeg's defaults 0.09 s, 519 KB. A fifth of a second
    // a page is worth 76 KB more on disk.
    .jpeg({ quality: 72, mozjpeg: true, trellisQuantisation: false, optimiseScans: false })
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height, scale };
}
