/**
 * The languages Cuttings recognises, and where their data comes from: the npm packages
 * `@tesseract.js-data/<code>`, read from node_modules — never a CDN. Each package holds two
 * models; we use `4.0.0_best_int` (the LSTM engine only, integer-quantised "best"): 0.7–3 MB
 * gzipped a language, against 6–11 MB for `4.0.0`, which adds the legacy engine we do not run.
 * Its LSTM model is the same: on the OCR run's 3 pages `4.0.0` read every page to the same
 * character and took as long (4.13 s of CPU a page against 4.02, within the noise).
 *
 * Why these four: English, German, French and Spanish are the languages of most of the
 * newsrooms and archives Cuttings is made for (and of the library's clipped pages today, see
 * clip/guess-language.ts), and together they cost 7 MB in the package (eng 2.9, spa 2.1,
 * deu 1.3, fra 0.7). Their Latin script also covers Italian, Dutch or Portuguese text well
 * enough to be found by search; another language is one npm package and one line here.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CuttingsError } from '../../../common/errors';

/** The languages a cutting can be recognised in: tesseract's code → the name shown. */
export const OCR_LANGUAGES = {
  eng: 'English',
  deu: 'German',
  fra: 'French',
  spa: 'Spanish',
} as const;

/** One of OCR_LANGUAGES' codes. */
export type OcrLanguage = keyof typeof OCR_LANGUAGES;

/** Every code, in the order shown. */
export const OCR_LANGUAGE_CODES = Object.keys(OCR_LANGUAGES) as OcrLanguage[];

/** The ISO 639-1 code the rest of Cuttings uses (`lang:de`) for each. */
const ISO_639_1: Record<OcrLanguage, string> = { eng: 'en', deu: 'de', fra: 'fr', spa: 'es' };

const require = createRequire(import.meta.url);

/** The model a language is read from: the package's LSTM-only, integer-quantised data. */
const MODEL_FOLDER = '4.0.0_best_int';

/** The gzipped traineddata of a language, inside its npm package. */
export function languageDataPath(code: OcrLanguage): string {
  const packageJson = require.resolve(`@tesseract.js-data/${code}/package.json`);
  return join(dirname(packageJson), MODEL_FOLDER, `${code}.traineddata.gz`);
}

/**
 * Parses a language list as the user writes it (`deu+eng`, `eng`, `de,en`), refusing any
 * language Cuttings has no data for. The order is kept: the first is the main language.
 */
export function parseOcrLanguages(spec: string): OcrLanguage[] {
  const parts = spec
    .split(/[+,\s]+/u)
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
  if (parts.length === 0) throw new CuttingsError('invalid-input', `ocr: no language given; Cuttings recognises ${describeLanguages()}`);
  const codes: OcrLanguage[] = [];
  for (const part of parts) {
    const code = (OCR_LANGUAGE_CODES as string[]).includes(part) ? (part as OcrLanguage) : OCR_LANGUAGE_CODES.find((candidate) => ISO_639_1[candidate] === part);
    if (!code) throw new CuttingsError('invalid-input', `ocr: no language data for "${part}"; Cuttings recognises ${describeLanguages()}`);
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** `eng (English), deu (German), …` for messages. */
export function describeLanguages(): string {
  return OCR_LANGUAGE_CODES.map((code) => `${code} (${OCR_LANGUAGES[code]})`).join(', ');
}

/** The languages as tesseract takes them: `deu+eng`. */
export function languageSpec(codes: readonly OcrLanguage[]): string {
  return codes.join('+');
}

/** The ISO 639-1 code of the main language (`de` for `deu+eng`), for the article's `lang`. */
export function isoLanguage(codes: readonly OcrLanguage[]): string {
  return ISO_639_1[codes[0] ?? 'eng'];
}

/**
 * The languages to recognise when the user names none: the library's languages (the `lang`
 * of the cuttings it holds, most common first, those Cuttings has data for) and the
 * system's, English always among them. Two or three at most: each language added slows
 * recognition (tesseract tries each model on each word it doubts) for little gain.
 */
export function defaultOcrLanguages(libraryLanguages: readonly string[], systemLocale: string = Intl.DateTimeFormat().resolvedOptions().locale): OcrLanguage[] {
  const codes: OcrLanguage[] = [];
  const add = (iso: string) => {
    const code = OCR_LANGUAGE_CODES.find((candidate) => ISO_639_1[candidate] === iso.toLowerCase().slice(0, 2));
    if (code && !codes.includes(code)) codes.push(code);
  };
  add(systemLocale);
  for (const iso of libraryLanguages) {
    if (codes.length >= 2) break;
    add(iso);
  }
  if (!codes.includes('eng')) codes.push('eng');
  return codes.slice(0, 3);
}

/**
 * OCR's default languages for a library (defaultOcrLanguages of its languages), worked out
 * once, when first asked for: what an add that may hold scans gives as ScanAddOptions.languages.
 */
export function libraryOcrDefaults(library: { languageCounts(): Promise<Map<string, number>> }): () => Promise<OcrLanguage[]> {
  let defaults: Promise<OcrLanguage[]> | null = null;
  return () => (defaults ??= library.languageCounts().then((counts) => defaultOcrLanguages(libraryLanguages(counts))));
}

/** The languages of a library's cuttings, most common first, from how many articles are in each (`Library.languageCounts`). */
export function libraryLanguages(counts: ReadonlyMap<string, number>): string[] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([lang]) => lang);
}
