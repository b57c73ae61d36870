/**
 * tesseract.js, offline: its engine (Tesseract 5 compiled to WebAssembly, from the
 * `tesseract.js-core` package in node_modules) and the language data of ocr-languages.ts,
 * read from the `@tesseract.js-data/*` packages. Nothing is fetched, ever.
 *
 * tesseract.js normally runs its engine in a worker it spawns and fetches language data from
 * a CDN unless told a path, and takes one path for all languages. We drive its worker
 * script (`tesseract.js/src/worker-script`, the code its own worker runs) in the thread that
 * calls us — the OCR worker of ocr-worker.ts in the app, the command's own thread in the CLI —
 * with an adapter of our own: it reads each language from its package, loads the core from
 * node_modules, and refuses any fetch with an error (so a code path that would reach the
 * network fails loudly instead of quietly downloading). tesseract.js is pinned to 7.0.0 in
 * package.json because this uses its worker script's message protocol.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { CuttingsError } from '../../../common/errors';
import { languageDataPath, languageSpec, type OcrLanguage } from './ocr-languages';

const require = createRequire(import.meta.url);

/** Where the engine's language files seem to live; the adapter maps each to its npm package. */
const LANGUAGE_FOLDER = '/cuttings-ocr-languages';

/** A word as tesseract found it, in the pixels of the image it was given. */
export interface EngineWord {
  text: string;
  /** 0–100. */
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Indexes of its block, paragraph and line in the engine's own layout of the image. */
  block: number;
  paragraph: number;
  line: number;
}

/** What recognising one image gave. */
export interface EngineResult {
  words: EngineWord[];
  /** The mean word confidence, 0–100. */
  confidence: number;
}

/** tesseract's page segmentation modes we use: 3 finds blocks itself, 4 takes one column of text, 6 one block. */
export type SegmentationMode = 3 | 4 | 6;

interface WorkerScript {
  dispatchHandlers(packet: { workerId: string; jobId: string; action: string; payload: unknown }, send: (message: { status: string; data: unknown }) => void): void;
  setAdapter(adapter: Record<string, unknown>): void;
}

interface DumpedPage {
  confidence: number;
  tsv: string | null;
}

/** Every path the engine's adapter was asked to read, for the test that proves nothing else is read. */
export const engineFileReads: string[] = [];

/** The engine of this thread (tesseract's state lives in its worker script's module: one per thread). */
let script: WorkerScript | null = null;
let jobs = 0;
let loaded: Promise<void> | null = null;
let languages = '';

/** The core file for this machine (SIMD when WebAssembly has it, as tesseract.js itself chooses), from node_modules. */
async function loadCore(): Promise<unknown> {
  const { simd } = require('wasm-feature-detect') as { simd: () => Promise<boolean> };
  const name = (await simd()) ? 'tesseract-core-simd-lstm' : 'tesseract-core-lstm';
  const path = require.resolve(`tesseract.js-core/${name}.js`);
  engineFileReads.push(path);
  return require(path);
}

/** The adapter tesseract.js's worker script calls for everything outside the engine. */
function offlineAdapter(): Record<string, unknown> {
  return {
    getCore: () => loadCore(),
    gunzip: gunzipSync,
    fetch: async (url: string) => {
      throw new Error(`ocr: refused to fetch ${url}: Cuttings reads its language data from node_modules only`);
    },
    readCache: async (path: string) => {
      const name = /^\/cuttings-ocr-languages\/([a-z]{3})\.traineddata\.gz$/u.exec(path)?.[1];
      if (!name) throw new Error(`ocr: no language file ${path}`);
      const file = languageDataPath(name as OcrLanguage);
      engineFileReads.push(file);
      return readFileSync(file);
    },
    writeCache: async () => undefined,
    deleteCache: async () => undefined,
    checkCache: async () => false,
  };
}

/** Sends one action to the worker script and resolves with its answer. */
function call<T>(action: string, payload: unknown): Promise<T> {
  script ??= (() => {
    const loadedScript = require('tesseract.js/src/worker-script/index.js') as WorkerScript;
    loadedScript.setAdapter(offlineAdapter());
    return loadedScript;
  })();
  const jobId = `job-${++jobs}`;
  return new Promise((resolve, reject) => {
    script!.dispatchHandlers({ workerId: 'cuttings-ocr', jobId, action, payload }, (message) => {
      if (message.status === 'resolve') resolve(message.data as T);
      else if (message.status === 'reject') reject(new CuttingsError('internal', `ocr: the engine failed (${String(message.data)})`));
    });
  });
}

/** Loads the engine once, and the languages when they change. */
async function ready(codes: readonly OcrLanguage[]): Promise<void> {
  loaded ??= call('load', { options: { lstmOnly: true, corePath: 'tesseract.js-core', logging: false } }).then(() => undefined);
  await loaded;
  const spec = languageSpec(codes);
  if (spec === languages) return;
  await call('loadLanguage', { langs: spec, options: { langPath: LANGUAGE_FOLDER, cacheMethod: 'none', gzip: true, lstmOnly: true } });
  // LSTM only (oem 1); dictionaries stay on, which tesseract uses to choose between readings.
  await call('initialize', { langs: spec, oem: 1, config: {} });
  languages = spec;
}

/**
 * The words of tesseract's TSV output: a row for each block, paragraph, line and word (levels
 * 2 to 5) with the columns level, page, block, paragraph, line and word numbers, left, top,
 * width, height, confidence and text. Paragraphs are numbered within their block and lines
 * within their paragraph, as the engine's layout nests them; only the word rows are kept.
 */
export function wordsFromTsv(tsv: string): EngineWord[] {
  const words: EngineWord[] = [];
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells[0] !== '5' || cells.length < 12) continue;
    const text = cells.slice(11).join('\t');
    if (text.trim() === '') continue;
    const [block, paragraph, line, left, top, width, height, confidence] = [2, 3, 4, 6, 7, 8, 9, 10].map((column) => Number(cells[column]));
    words.push({ text, confidence: confidence!, x0: left!, y0: top!, x1: left! + width!, y1: top! + height!, block: block!, paragraph: paragraph!, line: line! });
  }
  return words;
}

/**
 * Recognises an 8-bit greyscale image (a PGM's bytes) in the given languages.
 * `tessedit_do_invert 0`: tesseract otherwise re-reads every doubtful line as white on black,
 * which costs about a third of the time on a page of print and never helps a cutting.
 * The words are taken as TSV rather than as tesseract.js's JSON of blocks, which describes
 * every letter too: on a page of 3,500 characters, recognising with the JSON took 3.39–3.73 s
 * of CPU and with the TSV 3.20–3.51 s (the same page read both ways in turn, twice).
 */
export async function recogniseImage(pgm: Uint8Array, codes: readonly OcrLanguage[], mode: SegmentationMode): Promise<EngineResult> {
  await ready(codes);
  const page = await call<DumpedPage>('recognize', {
    image: pgm,
    options: { tessedit_pageseg_mode: String(mode), tessedit_do_invert: '0', preserve_interword_spaces: '0', user_defined_dpi: '300' },
    output: { text: false, blocks: false, hocr: false, tsv: true },
  });
  return { words: wordsFromTsv(page.tsv ?? ''), confidence: page.confidence };
}

/** A PGM (binary greyscale) file of raw 8-bit pixels: what the engine reads fastest. */
export function toPgm(pixels: Uint8Array, width: number, height: number): Uint8Array {
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1');
  const file = new Uint8Array(header.length + pixels.length);
  file.set(header, 0);
  file.set(pixels, header.length);
  return file;
}
