/**
 * Recognising a scan: one or more files (photos, scans, multi-page TIFFs, scanned PDFs) made
 * into one cutting's text, page by page — each page cleaned (clean-page.ts), recognised
 * (tesseract-engine.ts) and put in reading order (recognised-text.ts) — with each word's box
 * on the page image the reader shows. A PDF page with a text layer keeps its own text.
 *
 * Pages are done one at a time; progress is told before each, and a cancel is honoured
 * between pages (the caller stores nothing of a cancelled cutting). Nothing here touches
 * the library: the add pipeline stores what this returns.
 */
import { createHash } from 'node:crypto';
import { CuttingsError } from '../../../common/errors';
import { cleanPage, displayImage, workingImage, type CleanedPage, type DisplayImage } from './clean-page';
import { blackAndWhite, type GreyImage } from './grey-image';
import { guessDetails, type GuessedDetails } from './guess-details';
import type { OcrLanguage } from './ocr-languages';
import { openPdf } from './pdf-pages';
import { pageText, type PlacedWord } from './recognised-text';
import { MAX_SCAN_PAGES, SCAN_MEDIA_TYPES, scanKind, type ScanKind } from './scan-formats';
import { imagePages, openImage, unreadableImage } from './scan-input';
import { recogniseImage, toPgm } from './tesseract-engine';

/** One file of a scan as received. */
export interface ScanFile {
  name: string;
  bytes: Uint8Array;
}

/** How far a recognition has got: before each page. */
export interface ScanProgress {
  /** The file's name, and its place among the files of the cutting (from 1). */
  file: string;
  fileNumber: number;
  files: number;
  /** The page about to be done (from 1), of how many in the whole cutting. */
  page: number;
  pages: number;
}

/** How to recognise. */
export interface RecogniseOptions {
  languages: readonly OcrLanguage[];
  onProgress?: (progress: ScanProgress) => void;
  /** Checked between pages: once aborted, recognition stops with `ocr: cancelled`. */
  signal?: AbortSignal;
}

/** A file as received, with what it is and its hash. */
export interface ReceivedFile {
  name: string;
  kind: ScanKind;
  mediaType: string;
  sha256: string;
  bytes: Uint8Array;
}

/** A page recognised: its image for the reader and its words on it. */
export interface RecognisedPage {
  /** Which file (from 0) and which of its pages (from 1). */
  file: number;
  page: number;
  /** Recognised, or read from a PDF's text layer. */
  from: 'ocr' | 'text-layer';
  image: DisplayImage;
  /** Its words, boxes in the image's pixels, characters in the whole text. */
  words: PlacedWord[];
  /** Mean word confidence, 0–100 (100 for a text layer). */
  confidence: number;
  /** Degrees the page was turned to stand upright and level. */
  turned: number;
}

/** What recognising a scan gave. */
export interface RecognisedScan {
  text: string;
  files: ReceivedFile[];
  pages: RecognisedPage[];
  languages: OcrLanguage[];
  guessed: GuessedDetails;
}

/** A page waiting to be done: where it is, and how to get its text or pixels. */
interface PendingPage {
  file: number;
  page: number;
  text: string | null;
  pixels: () => Promise<GreyImage>;
}

function cancelled(): CuttingsError {
  return new CuttingsError('invalid-input', 'ocr: cancelled; nothing was stored');
}

/** Lists every page of every file, checking kinds and limits before any is recognised. */
async function listPages(files: readonly ReceivedFile[]): Promise<{ pages: PendingPage[]; close: () => Promise<void> }> {
  const pages: PendingPage[] = [];
  const closers: (() => Promise<void>)[] = [];
  const tooMany = (name: string, count: number) =>
    new CuttingsError('bad-content', `ocr: ${name} brings the cutting to ${count} pages; Cuttings recognises at most ${MAX_SCAN_PAGES} pages as one cutting (add them as several)`);
  try {
    for (const [index, file] of files.entries()) {
      if (file.kind === 'pdf') {
        const pdf = await openPdf(file.bytes, file.name);
        closers.push(pdf.close);
        if (pages.length + pdf.pages > MAX_SCAN_PAGES) throw tooMany(file.name, pages.length + pdf.pages);
        for (let number = 1; number <= pdf.pages; number++) {
          const page = await pdf.page(number);
          pages.push({ file: index, page: number, text: page.text, pixels: page.draw });
        }
        continue;
      }
      const count = await imagePages(file.bytes, file.name);
      if (pages.length + count > MAX_SCAN_PAGES) throw tooMany(file.name, pages.length + count);
      for (let page = 0; page < count; page++) {
        pages.push({
          file: index,
          page: page + 1,
          text: null,
          pixels: async () => {
            try {
              return await workingImage(openImage(file.bytes, page));
            } catch (error) {
              throw unreadableImage(error, count > 1 ? `${file.name} (page ${page + 1})` : file.name);
            }
          },
        });
      }
    }
  } catch (error) {
    await Promise.all(closers.map((close) => close().catch(() => undefined)));
    throw error;
  }
  return { pages, close: async () => void (await Promise.all(closers.map((close) => close()))) };
}

/** The files as received: kind from the bytes, media type, SHA-256. */
export function receiveFiles(files: readonly ScanFile[]): ReceivedFile[] {
  if (files.length === 0) throw new CuttingsError('invalid-input', 'ocr: no file to recognise');
  return files.map((file) => {
    const kind = scanKind(file.bytes, file.name);
    return { name: file.name, kind, mediaType: SCAN_MEDIA_TYPES[kind], sha256: createHash('sha256').update(file.bytes).digest('hex'), bytes: file.bytes };
  });
}

/** A page read from a PDF's text layer: its text as written, and its picture for the reader. */
async function textLayerPage(pending: PendingPage, text: string): Promise<Omit<RecognisedPage, 'words'> & { text: string; words: PlacedWord[] }> {
  const image = await displayImage(await pending.pixels());
  return { file: pending.file, page: pending.page, from: 'text-layer', image, words: [], confidence: 100, turned: 0, text };
}

/** Cleans and recognises one page; a page without text answers why. */
async function recognisePage(pixels: GreyImage, name: string, options: RecogniseOptions): Promise<{ blank: CuttingsError } | { cleaned: CleanedPage; text: string; words: PlacedWord[]; confidence: number }> {
  let cleaned: CleanedPage;
  try {
    cleaned = await cleanPage(pixels, name, async (strip) => (await recogniseImage(toPgm(strip.pixels, strip.width, strip.height), options.languages, 6)).confidence);
  } catch (error) {
    if (error instanceof CuttingsError && error.code === 'bad-content') return { blank: error };
    throw error;
  }
  // The page goes to the engine in black and white rather than grey. Its LSTM reads the same
  // words in less time: 4 pages (2 scans, 2 photos) recognised both ways in turn, 4 rounds in
  // one process on a loaded machine, took 36.8 s of CPU against 41.6 (medians; black and white
  // was the faster in every round; 2 pages, 6 rounds: 14.4 against 15.9), and 10 of 2,852
  // words came out differently. CER on the 6-page OCR run: scans 0.068% -> 0.055%, photos
  // 0.317% -> 0.364% (targets 1% and 3%).
  const page = blackAndWhite(cleaned.image);
  const engine = await recogniseImage(toPgm(page.pixels, page.width, page.height), options.languages, 3);
  const { text, words } = pageText(engine.words, Math.max(8, Math.round(cleaned.linePitch * 0.4)));
  if (text.replace(/[^\p{L}\p{N}]/gu, '').length < 3) return { blank: new CuttingsError('bad-content', `ocr: no text found in ${name} (nothing on it could be read as words)`) };
  return { cleaned, text, words, confidence: engine.confidence };
}

/** Recognises the files as one cutting (see the comment at the top). */
export async function recogniseScan(files: readonly ScanFile[], options: RecogniseOptions): Promise<RecognisedScan> {
  const received = receiveFiles(files);
  const { pages: pending, close } = await listPages(received);
  const done: (RecognisedPage & { text: string })[] = [];
  try {
    for (const [index, page] of pending.entries()) {
      if (options.signal?.aborted) throw cancelled();
      const file = received[page.file]!;
      options.onProgress?.({ file: file.name, fileNumber: page.file + 1, files: received.length, page: index + 1, pages: pending.length });
      const name = pending.filter((other) => other.file === page.file).length > 1 ? `${file.name} (page ${page.page})` : file.name;
      if (page.text !== null) {
        done.push(await textLayerPage(page, page.text));
        continue;
      }
      const recognised = await recognisePage(await page.pixels(), name, options);
      if (options.signal?.aborted) throw cancelled();
      // A blank page among others (the back of a clipping, a PDF's empty last page) is left
      // out; a cutting with no page of text at all is refused below.
      if ('blank' in recognised) {
        if (pending.length === 1) throw recognised.blank;
        continue;
      }
      const { cleaned, text, words, confidence } = recognised;
      const image = await displayImage(cleaned.image);
      const scaled = words.map((word) => ({
        ...word,
        box: { x0: Math.round(word.box.x0 * image.scale), y0: Math.round(word.box.y0 * image.scale), x1: Math.round(word.box.x1 * image.scale), y1: Math.round(word.box.y1 * image.scale) },
      }));
      done.push({ file: page.file, page: page.page, from: 'ocr', image, words: scaled, confidence, turned: cleaned.geometry.quarterTurns * 90 + cleaned.geometry.skew, text });
    }
  } finally {
    await close().catch(() => undefined);
  }
  if (done.length === 0) throw new CuttingsError('bad-content', `ocr: no text found in ${received.map((file) => file.name).join(', ')} (no page shows lines of print)`);
  // The pages' texts, a blank line between, each word's characters counted in the whole.
  let text = '';
  const pages: RecognisedPage[] = done.map(({ text: pageText, ...page }) => {
    if (text !== '' && pageText !== '') text += '\n\n';
    const offset = text.length;
    text += pageText;
    return { ...page, words: page.words.map((word) => ({ ...word, start: word.start + offset, end: word.end + offset })) };
  });
  const firstOcr = pages[0];
  return { text, files: received, pages, languages: [...options.languages], guessed: guessDetails(text, firstOcr?.words ?? []) };
}
