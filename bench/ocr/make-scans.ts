/**
 * Test pages for the OCR quality run, made honestly from real text: articles of the BBC
 * corpus (../shared/corpora/bbc) set as newspaper pages in Chromium — A4, two to four
 * columns, several typefaces and sizes, a headline across the columns and a dateline, words
 * hyphenated at line ends, a second story under the first when there is room — then spoilt
 * as a flatbed scanner would (a fraction of a degree askew, a little noise, JPEG) or a phone
 * (a few degrees askew, lower resolution, the page on a darker table, uneven light, blur,
 * noise, harsher JPEG), with sharp. Beside each image, the text a reader would type out from
 * it, in reading order. A seeded generator makes every run the same pages.
 *
 * `npx tsx bench/ocr/make-scans.ts [--pages N] [--out DIR]` writes them (default 12 pages to
 * .tmp/ocr-pages); bench/ocr/ocr-bench.ts makes and reads them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import sharp, { type Sharp } from 'sharp';
import { BBC_FOLDER, seededRandom } from '../bbc-corpus';
import { readFileSync, readdirSync } from 'node:fs';

/** One page made: its image files and the text on it. */
export interface MadeScan {
  name: string;
  /** The page as a 300-dpi scan and as a phone's photo. */
  scan: string;
  photo: string;
  /** What the page says, in reading order. */
  text: string;
}

const FONTS = ['Liberation Serif', 'DejaVu Serif', 'Nimbus Roman', 'C059', 'P052', 'Liberation Sans'];
const HEADLINE_FONTS = ['Nimbus Sans', 'Liberation Sans', 'Liberation Serif', 'URW Gothic', 'DejaVu Serif'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The corpus' articles as headline and paragraphs. */
function corpus(): { headline: string; paragraphs: string[] }[] {
  const stories: { headline: string; paragraphs: string[] }[] = [];
  for (const category of readdirSync(BBC_FOLDER).filter((name) => !name.includes('.')).sort()) {
    for (const file of readdirSync(join(BBC_FOLDER, category)).sort()) {
      // Decoded leniently: one file of the corpus holds a Latin-1 pound sign.
      const [headline, ...rest] = new TextDecoder('utf-8').decode(readFileSync(join(BBC_FOLDER, category, file))).split('\n');
      const paragraphs = rest.join('\n').split(/\n\s*\n/u).map((p) => p.replace(/\s+/gu, ' ').trim()).filter((p) => p !== '' && !p.includes('\ufffd'));
      if (headline && paragraphs.length > 2) stories.push({ headline: headline.trim(), paragraphs });
    }
  }
  return stories;
}

function escape(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** Soft hyphens inside long words (between a vowel and a consonant that a vowel follows), so that lines end hyphenated as in print. */
function hyphenate(text: string): string {
  return text.replace(/\p{L}{8,}/gu, (word) => {
    let out = '';
    for (let i = 0; i < word.length; i++) {
      out += word[i];
      const [a, b, c] = [word[i]!, word[i + 1] ?? '', word[i + 2] ?? ''];
      if (i >= 2 && i < word.length - 3 && /[aeiouy]/iu.test(a) && /[b-df-hj-np-tv-z]/iu.test(b) && /[aeiouy]/iu.test(c)) out += '\u00ad';
    }
    return out;
  });
}

/** The page's HTML: a story or two, in columns, with a dateline. */
function pageHtml(stories: { headline: string; paragraphs: string[] }[], random: () => number, date: string): string {
  const font = FONTS[Math.floor(random() * FONTS.length)]!;
  const headlineFont = HEADLINE_FONTS[Math.floor(random() * HEADLINE_FONTS.length)]!;
  const size = 9 + random() * 3;
  const columns = 2 + Math.floor(random() * 3);
  const justify = random() < 0.7;
  const storyHtml = stories
    .map((story, i) => `<section><h1 style="font-size:${Math.round(i === 0 ? 22 + random() * 10 : 16 + random() * 4)}pt">${escape(story.headline)}</h1>${i === 0 ? `<div class="dateline">${escape(date)}</div>` : ''}<div class="cols">${story.paragraphs.map((p) => `<p>${escape(hyphenate(p))}</p>`).join('')}</div></section>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
    body { margin: 0; background: #fff; }
    .page { width: 794px; height: 1123px; box-sizing: border-box; padding: 46px 48px; overflow: hidden; color: #111; font-family: '${font}'; font-size: ${size.toFixed(1)}pt; line-height: ${(1.18 + random() * 0.15).toFixed(2)}; }
    h1 { font-family: '${headlineFont}'; font-weight: bold; line-height: 1.1; margin: 0 0 6px; }
    .dateline { font-style: italic; margin: 0 0 10px; }
    section + section { margin-top: 22px; }
    .cols { column-count: ${columns}; column-gap: ${Math.round(16 + random() * 10)}px; text-align: ${justify ? 'justify' : 'left'}; }
    p { margin: 0 0 ${Math.round(3 + random() * 5)}px; text-indent: ${random() < 0.5 ? '1em' : '0'}; }
  </style></head><body><div class="page">${storyHtml}</div></body></html>`;
}

/** Adds noise (σ grey levels) to a grey image, in place, with the seeded generator. */
function addNoise(pixels: Uint8Array, sigma: number, random: () => number): void {
  for (let i = 0; i < pixels.length; i++) {
    const gaussian = Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
    pixels[i] = Math.max(0, Math.min(255, pixels[i]! + gaussian * sigma));
  }
}

async function grey(input: Sharp): Promise<{ pixels: Uint8Array; width: number; height: number }> {
  const { data, info } = await input.greyscale().raw().toBuffer({ resolveWithObject: true });
  return { pixels: new Uint8Array(data), width: info.width, height: info.height };
}

const raw = (image: { pixels: Uint8Array; width: number; height: number }) => sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 1 } });

/** A flatbed scan: a fraction of a degree askew, a little noise, JPEG at 88. */
async function asScan(png: Buffer, random: () => number): Promise<Buffer> {
  const turned = await grey(sharp(png).rotate((random() - 0.5) * 1.2, { background: '#ffffff' }));
  addNoise(turned.pixels, 6, random);
  return raw(turned).jpeg({ quality: 88 }).toBuffer();
}

/** A phone's photo: smaller, askew on a darker table, lit unevenly, blurred, noisy, JPEG at 70. */
async function asPhoto(png: Buffer, random: () => number): Promise<Buffer> {
  const angle = (random() < 0.5 ? -1 : 1) * (1.5 + random() * 3);
  const page = await sharp(png).resize({ width: 2200 }).rotate(angle, { background: '#ffffff' }).greyscale().toBuffer();
  const margin = Math.round(120 + random() * 100);
  const table = Math.round(70 + random() * 60);
  const framed = await grey(sharp(page).extend({ top: margin, bottom: margin, left: margin, right: margin, background: { r: table, g: table, b: table } }));
  // Light falling from one side and dimming towards the corners.
  const [lightX, lightY] = [random(), random() * 0.5];
  for (let y = 0; y < framed.height; y++) {
    for (let x = 0; x < framed.width; x++) {
      const distance = Math.hypot(x / framed.width - lightX, y / framed.height - lightY);
      const light = 1 - 0.42 * Math.min(1, distance);
      const i = y * framed.width + x;
      framed.pixels[i] = framed.pixels[i]! * light;
    }
  }
  const blurred = await grey(raw(framed).blur(0.6 + random() * 0.5));
  addNoise(blurred.pixels, 9, random);
  return raw(blurred).jpeg({ quality: 70 }).toBuffer();
}

/** Run in the page: drops paragraphs from the end until the page holds the rest; returns its text. */
const FIT_AND_READ = String.raw`(() => {
  const box = document.querySelector('.page');
  while (box.scrollHeight > box.clientHeight) {
    const paragraphs = [...document.querySelectorAll('p')];
    const last = paragraphs[paragraphs.length - 1];
    if (!last) break;
    const section = last.closest('section');
    last.remove();
    if (section.querySelectorAll('p').length < 2 && document.querySelectorAll('section').length > 1) section.remove();
  }
  return [...document.querySelectorAll('h1, .dateline, p')].map((element) => (element.textContent || '').replace(/\u00ad/g, '')).join('\n\n');
})()`;

/** Makes `count` pages into `folder` (see the comment at the top). */
export async function makeScans(count: number, folder: string, seed = 19): Promise<MadeScan[]> {
  await mkdir(folder, { recursive: true });
  const random = seededRandom(seed);
  const stories = corpus();
  const browser = await chromium.launch({ executablePath: process.env.CUTTINGS_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const made: MadeScan[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 300 / 96 });
    for (let n = 0; n < count; n++) {
      const first = stories[Math.floor(random() * stories.length)]!;
      const second = stories[Math.floor(random() * stories.length)]!;
      const date = `${1 + Math.floor(random() * 28)} ${MONTHS[Math.floor(random() * 12)]} ${2004 + Math.floor(random() * 2)}`;
      await page.setContent(pageHtml([first, second], random, date));
      // Take paragraphs off the end until the page holds what is left, then read the page's
      // text as a reader would type it: headline, dateline, paragraphs, in order.
      // (A string: tsx would wrap a function's inner functions in a helper the page lacks.)
      const text = (await page.evaluate(FIT_AND_READ)) as string;
      const png = await page.screenshot({ type: 'png' });
      const name = `page-${String(n + 1).padStart(3, '0')}`;
      const scan = join(folder, `${name}-scan.jpg`);
      const photo = join(folder, `${name}-photo.jpg`);
      await writeFile(scan, await asScan(png, random));
      await writeFile(photo, await asPhoto(png, random));
      await writeFile(join(folder, `${name}.txt`), `${text}\n`);
      made.push({ name, scan, photo, text });
    }
  } finally {
    await browser.close();
  }
  return made;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const pages = Number(args[args.indexOf('--pages') + 1] ?? 12) || 12;
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1]! : join(import.meta.dirname, '..', '..', '.tmp', 'ocr-pages');
  const made = await makeScans(pages, out);
  console.error(`make-scans: ${made.length} pages in ${out}`);
}
