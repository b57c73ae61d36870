/**
 * Scores article extraction on the trafilatura evaluation pages (../shared/corpora/trafilatura-dev,
 * see its README): text F1 over the `with`/`without` strings, and how often the title, the
 * published date and the author match the ground truth. Shared by the clipping benchmark and
 * the corpus quality test, so that both measure the same thing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeText } from '../main/core/capture/decode-text';
import { nextTurn } from './extraction/next-turn';

/** Where the corpus lives, from the project root. */
export const TRAFILATURA_CORPUS = fileURLToPath(new URL('../../shared/corpora/trafilatura-dev/', import.meta.url));

/** One page's ground truth, as in evaldata-dev.json. */
export interface PageTruth {
  file: string;
  with?: string[];
  without?: string[];
  title?: string;
  date?: string;
  author?: string;
}

/** What an extractor says about a page: the fields scored. */
export interface ScoredFields {
  title: string | null;
  author: string | null;
  published: string | null;
  text: string;
}

/** One page's result. */
export interface PageScore {
  key: string;
  file: string;
  ms: number;
  /** The same in CPU time (process.cpuUsage), steadier than wall time on a loaded machine. */
  cpuMs: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Undefined where the ground truth has no value for the field. */
  titleRight?: boolean;
  dateRight?: boolean;
  authorRight?: boolean;
  got: ScoredFields;
  /** The message of the error extraction threw, if it did. */
  error?: string;
}

/** The scores over the whole corpus. */
export interface CorpusScore {
  pages: PageScore[];
  text_f1: number;
  date_acc: number;
  title_acc: number;
  author_acc: number;
  extract_p50_ms: number;
}

/** The corpus' pages, sorted by key; empty if the corpus is missing. */
export function loadTruth(): Array<[string, PageTruth]> {
  const path = join(TRAFILATURA_CORPUS, 'evaldata-dev.json');
  if (!existsSync(path)) return [];
  const truth = JSON.parse(readFileSync(path, 'utf8')) as Record<string, PageTruth>;
  return Object.entries(truth).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The page's address, or undefined for the `hard::…` keys that have none. */
export function pageUrl(key: string): string | undefined {
  return /^https?:\/\//.test(key) ? key : undefined;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Case, white space and Unicode form folded; typographic quotes and dashes made plain. */
function fold(text: string): string {
  return collapse(text.normalize('NFKC'))
    .toLocaleLowerCase('und')
    .replace(/[‘’‚‛`´]/g, "'")
    .replace(/[“”„‟«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-');
}

/** A title is right when it reads the same, ignoring case, white space and quote styles. */
export function titleMatches(got: string | null, want: string): boolean {
  return got !== null && fold(got) === fold(want);
}

/**
 * Looser, for Readability's expected titles, which keep the site's name: right when the title
 * is the expected one, or that one with a site's name cut off ("How to Build a Terrarium" for
 * "How to Build a Terrarium | eHow"), since Cuttings keeps the headline and stores the site apart.
 */
export function titleMatchesWithoutSite(got: string | null, want: string): boolean {
  if (got === null) return false;
  if (titleMatches(got, want)) return true;
  const [title, expected] = [fold(got), fold(want)];
  if (title.length < 4 || !expected.includes(title)) return false;
  const rest = expected.startsWith(title) ? expected.slice(title.length) : expected.endsWith(title) ? expected.slice(0, -title.length) : null;
  return rest !== null && /^\s*[|\-–—·:»_[(（]|[|\-–—·:»_\])）]\s*$/.test(rest);
}

/** A date is right when the day (YYYY-MM-DD) is the same. */
export function dateMatches(got: string | null, want: string): boolean {
  return got !== null && got.slice(0, 10) === want;
}

/**
 * Authors are right when the same names are given, in any order and however joined
 * ("A und B", "A, B", "A and B" are the same two names).
 */
export function authorMatches(got: string | null, want: string): boolean {
  if (got === null) return false;
  const names = (value: string): string =>
    fold(value)
      .split(/\s*(?:,|;|&|\/|\band\b|\bund\b|\bet\b|\by\b)\s*/)
      .map((name) => name.trim())
      .filter(Boolean)
      .sort()
      .join('|');
  return names(got) === names(want);
}

type Extract = (html: string, url: string | undefined, file: string) => ScoredFields;

/**
 * Extracts every page with `extract` (given the page, its address if known, and its file's
 * name) and scores it. `extract` may throw; that page then scores as empty.
 */
export function scoreCorpus(extract: Extract, pages: Array<[string, PageTruth]> = loadTruth()): CorpusScore {
  return summarise(pages.map(([key, truth]) => scoreOnePage(extract, key, truth)));
}

/**
 * As {@link scoreCorpus}, with a turn of the event loop after each page, so that the jsdom
 * windows extraction closes are freed as it goes (bench/extraction/next-turn.ts): for long runs.
 */
export async function scoreCorpusAsync(extract: Extract, pages: Array<[string, PageTruth]> = loadTruth()): Promise<CorpusScore> {
  const scores: PageScore[] = [];
  for (const [key, truth] of pages) {
    scores.push(scoreOnePage(extract, key, truth));
    await nextTurn();
  }
  return summarise(scores);
}

function scoreOnePage(extract: Extract, key: string, truth: PageTruth): PageScore {
  // Decoded as a browser and the CLI do: in the encoding the page declares (a few are ISO-8859-1).
  const html = decodeText(readFileSync(join(TRAFILATURA_CORPUS, 'html', truth.file)));
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let got: ScoredFields = { title: null, author: null, published: null, text: '' };
  let error: string | undefined;
  try {
    got = extract(html, pageUrl(key), truth.file);
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const text = collapse(got.text);
  let truePositives = 0;
  let falseNegatives = 0;
  let falsePositives = 0;
  for (const wanted of truth.with ?? []) {
    if (text.includes(collapse(wanted))) truePositives++;
    else falseNegatives++;
  }
  for (const unwanted of truth.without ?? []) if (text.includes(collapse(unwanted))) falsePositives++;
  return {
    key,
    file: truth.file,
    ms,
    cpuMs,
    truePositives,
    falsePositives,
    falseNegatives,
    titleRight: truth.title ? titleMatches(got.title, truth.title) : undefined,
    dateRight: truth.date ? dateMatches(got.published, truth.date) : undefined,
    authorRight: truth.author?.trim() ? authorMatches(got.author, truth.author) : undefined,
    got,
    error,
  };
}

function summarise(scores: PageScore[]): CorpusScore {
  const sum = (pick: (page: PageScore) => number): number => scores.reduce((total, page) => total + pick(page), 0);
  const tp = sum((page) => page.truePositives);
  const rate = (pick: (page: PageScore) => boolean | undefined): number => {
    const judged = scores.map(pick).filter((right) => right !== undefined);
    return judged.length === 0 ? Number.NaN : judged.filter(Boolean).length / judged.length;
  };
  const times = scores.map((page) => page.ms).sort((a, b) => a - b);
  return {
    pages: scores,
    text_f1: (2 * tp) / (2 * tp + sum((page) => page.falsePositives) + sum((page) => page.falseNegatives)),
    date_acc: rate((page) => page.dateRight),
    title_acc: rate((page) => page.titleRight),
    author_acc: rate((page) => page.authorRight),
    extract_p50_ms: times[Math.floor(times.length / 2)] ?? Number.NaN,
  };
}
