/**
 * Scans as items for the library's add path: one or more image files (or a scanned PDF)
 * recognised (main/core/ocr) into one cutting. The item's text is the recognised text, its
 * original the first file as received, and its `scan` the pages, words and further originals
 * that the capture keeps beside the text (storage/scan-capture.ts). The user's title and date
 * win; else the headline and date guessed from the text stand, marked as guessed.
 */
import { createHash } from 'node:crypto';
import type { AddOptions } from '../../../common/api';
import { CuttingsError } from '../../../common/errors';
import { languageSpec, type OcrLanguage } from '../ocr/ocr-languages';
import type { RecognisedScan, ScanFile, ScanProgress } from '../ocr/recognise-scan';
import { SCAN_EXTENSIONS } from '../ocr/scan-formats';
import type { ScanRecogniser } from '../ocr/scan-recogniser';
import { packWords, type StoredScan } from '../storage/scan-capture';
import type { BatchItem } from './batch-item';

/** The engine named in every scan's capture. */
export const OCR_ENGINE = 'tesseract.js 7.0.0 (Tesseract 5 LSTM, best_int models)';

/** How to recognise and describe a scan. */
export interface ScanAddOptions {
  /**
   * The languages to recognise, or how to work them out when a scan comes: the defaults follow
   * the library's languages, which at 1,000,000 articles means going through every record,
   * not to be paid by an add that holds no scan.
   */
  languages: readonly OcrLanguage[] | (() => Promise<readonly OcrLanguage[]>);
  /** Where it stood in print, as the user gives it. */
  printPage?: string;
  section?: string;
  onProgress?: (progress: ScanProgress) => void;
  signal?: AbortSignal;
  /** Where to recognise (the app's OCR worker); in this thread when absent. */
  recogniser?: ScanRecogniser;
}

/** Whether a file name is one Cuttings takes as a scan (an image; PDFs are scans only when they have no text). */
export function isScanFileName(name: string): boolean {
  return name.lastIndexOf('.') >= 0 && name.slice(name.lastIndexOf('.')).toLowerCase() in SCAN_EXTENSIONS;
}

/** A recognised scan as an item for the add path (see the comment at the top). */
export function scanToItem(scan: RecognisedScan, metadata: Omit<AddOptions, 'fileName'>, options: ScanAddOptions, correctedFrom?: string): BatchItem {
  const first = scan.files[0]!;
  const assets: { name: string; bytes: Uint8Array }[] = [];
  const originals = scan.files.map((file, index) => {
    const asset = index === 0 ? undefined : `${file.sha256}.${file.kind}`;
    if (asset) assets.push({ name: asset, bytes: file.bytes });
    return { name: file.name, mediaType: file.mediaType, sha256: file.sha256, size: file.bytes.length, ...(asset ? { asset } : {}) };
  });
  const pages = scan.pages.map((page) => {
    const image = `${createHash('sha256').update(page.image.bytes).digest('hex')}.jpg`;
    assets.push({ name: image, bytes: page.image.bytes });
    const words = page.words.map((word) => ({ text: word.text, confidence: word.confidence, ...word.box, start: word.start, end: word.end }));
    return { file: page.file, page: page.page, from: page.from, image, width: page.image.width, height: page.image.height, confidence: Math.round(page.confidence), turned: Math.round(page.turned * 100) / 100, words: packWords(words) };
  });
  const stored: StoredScan = {
    engine: OCR_ENGINE,
    languages: languageSpec(scan.languages),
    originals,
    pages,
    guessed: scan.guessed,
    ...(options.printPage ? { printPage: options.printPage } : {}),
    ...(options.section ? { section: options.section } : {}),
    ...(correctedFrom ? { correctedFrom } : {}),
  };
  const title = metadata.title ?? scan.guessed.title ?? undefined;
  const published = metadata.published ?? scan.guessed.published ?? undefined;
  return {
    kind: 'scan',
    request: { ...metadata, ...(title ? { title } : {}), ...(published ? { published } : {}), fileName: first.name, text: scan.text },
    original: first.bytes,
    originalKind: first.kind,
    method: 'file',
    name: first.name,
    provenance: { contentType: first.mediaType },
    scan: { stored, assets, words: scan.pages.flatMap((page) => page.words.map((word) => ({ start: word.start, end: word.end, confidence: word.confidence }))) },
  };
}

/**
 * Recognises files as one cutting and makes the item. Several files are images only (a PDF
 * already has its pages): `--as-one` joins a story continued on another page or column.
 */
export async function scanFilesToItem(files: readonly ScanFile[], metadata: Omit<AddOptions, 'fileName'>, options: ScanAddOptions): Promise<BatchItem> {
  if (files.length > 1) {
    const pdf = files.find((file) => !isScanFileName(file.name));
    if (pdf) throw new CuttingsError('invalid-input', `add: ${pdf.name} cannot be joined with other files into one cutting; join images (.jpg, .png, .tif, .webp), and add a PDF on its own`);
  }
  const languages = typeof options.languages === 'function' ? await options.languages() : options.languages;
  const resolved = { ...options, languages };
  // recognise-scan (sharp, jsdom, tesseract.js) is loaded when a scan comes, not when the app starts.
  const scan = options.recogniser ? await options.recogniser.recognise([...files], resolved) : await (await import('../ocr/recognise-scan')).recogniseScan(files, resolved);
  return scanToItem(scan, metadata, resolved);
}
