/**
 * What a capture keeps of a scan (a photo, a scanned page or PDF recognised by main/core/ocr),
 * beside its text: the files as received (the first is the capture's own original; any
 * others, for a cutting made of several images, are kept in the asset store under their
 * SHA-256), each page's image as the reader shows it (cleaned: upright, level, evenly lit;
 * an asset too), every recognised word's box and confidence, and what was guessed from the
 * text. Export (WARC/WACZ) and signing read the originals through `scanOriginals`: bytes,
 * SHA-256 and media type, as for any capture's original.
 *
 * The words are compressed: a page of 800 words is about 30 KB of JSON and 9 KB gzipped,
 * kept base64 in the capture's first line (12 KB) so that the capture stays one file, written
 * once, that a signature covers whole.
 */
import { gunzipSync, gzipSync } from 'node:zlib';

/** A file of a scan as received. */
export interface ScanOriginal {
  name: string;
  mediaType: string;
  sha256: string;
  size: number;
  /** The asset holding it (`<sha256>.<ext>`); absent for the first, which is the capture's own original. */
  asset?: string;
}

/** A recognised word: its text, confidence (0–100), box on its page's image, and characters [start, end) in the article's text. */
export interface StoredWord {
  text: string;
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  start: number;
  end: number;
}

/** One page of a scan. */
export interface ScanPage {
  /** Which original (from 0) and which of its pages (from 1). */
  file: number;
  page: number;
  from: 'ocr' | 'text-layer';
  /** The asset of the page's image as the reader shows it, and its size in pixels. */
  image: string;
  width: number;
  height: number;
  /** Mean word confidence, 0–100. */
  confidence: number;
  /** Degrees the page was turned to stand upright and level. */
  turned: number;
  /** The words, packed by packWords. */
  words: string;
}

/** A capture's scan. */
export interface StoredScan {
  /** The engine and its version, and the languages recognised (`deu+eng`). */
  engine: string;
  languages: string;
  originals: ScanOriginal[];
  pages: ScanPage[];
  /** The headline and date guessed from the text, for the user to confirm. */
  guessed: { title: string | null; published: string | null };
  /** Where the cutting stood in print, as the user gave it. */
  printPage?: string;
  section?: string;
  /** When this capture is the user's correction of another's text: that capture's id. */
  correctedFrom?: string;
}

/** Words packed for the capture: gzipped JSON of [text, confidence, x0, y0, x1, y1, start, end] rows, base64. */
export function packWords(words: readonly StoredWord[]): string {
  const rows = words.map((word) => [word.text, Math.round(word.confidence), word.x0, word.y0, word.x1, word.y1, word.start, word.end]);
  return gzipSync(Buffer.from(JSON.stringify(rows), 'utf8'), { level: 9 }).toString('base64');
}

/** The words of a page as packWords packed them. */
export function unpackWords(packed: string): StoredWord[] {
  const rows = JSON.parse(gunzipSync(Buffer.from(packed, 'base64')).toString('utf8')) as [string, number, number, number, number, number, number, number][];
  return rows.map(([text, confidence, x0, y0, x1, y1, start, end]) => ({ text, confidence, x0, y0, x1, y1, start, end }));
}

/** Every asset a scan names: its pages' images and its originals kept as assets. */
export function scanAssets(scan: StoredScan): string[] {
  return [...new Set([...scan.pages.map((page) => page.image), ...scan.originals.flatMap((original) => (original.asset ? [original.asset] : []))])];
}
