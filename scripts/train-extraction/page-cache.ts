/**
 * The training data of every annotated page, computed once and cached under
 * .tmp/extraction-cache/ (git-ignored), in two layers so that changing the features costs
 * minutes, not a quarter of an hour on a shared machine:
 *   - hints: what the page's metadata and Readability say (its title, its JSON-LD
 *     `articleBody`, Readability's text), the costly part (Readability alone is ~40% of it);
 *   - blocks: each block's text, words and features, given the hints.
 * Each layer is keyed by the source of everything that shapes it; a change recomputes that
 * layer and nothing else. Labels are made on loading (block-labels.ts), as they are cheap.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analysisHints, describeBlocks, readabilityOf } from '../../main/core/clip/blocks/analyse-page';
import type { AnalysisHints } from '../../main/core/clip/blocks/analyse-page';
import { FEATURE_NAMES } from '../../main/core/clip/blocks/block-features';
import { parsePage, withDomWindow } from '../../main/core/clip/dom';
import { withoutStrayBytes } from '../../main/core/clip/input-checks';
import { extractMetadata } from '../../main/core/clip/metadata';
import type { CorpusPage, SetName } from '../../bench/extraction/corpus-sets';
import { nextTurn } from '../../bench/extraction/next-turn';
import { labelsFromStrings, labelsFromText } from './block-labels';

/** One page's training data. */
export interface CachedPage {
  key: string;
  set: SetName;
  site: string;
  /** Each block's text, words, label (1 article, 0 not), and whether the label is known. */
  texts: string[];
  words: number[];
  labels: number[];
  known: boolean[];
  /** `FEATURE_NAMES.length` numbers per block, row by row. */
  features: Float32Array;
  /** The words of the article as annotated (0 where only strings are given). */
  truthWords: number;
  /** Readability's text, the fallback when the model keeps too little. */
  readableText: string | null;
}

/** What the metadata and Readability say of a page. */
export type PageHints = AnalysisHints & {
  readableText: string | null;
  /** Readability's title, byline and date: candidates for the metadata rankers. */
  readableTitle: string | null;
  readableByline: string | null;
  readablePublished: string | null;
};

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = join(ROOT, '.tmp', 'extraction-cache');

/** The files whose source decides each layer. */
const SHARED_SOURCES = ['main/core/clip/dom.ts', 'main/core/clip/input-checks.ts', 'main/core/capture/decode-text.ts', 'bench/extraction/corpus-sets.ts', 'bench/extraction/page-site.ts'];
const HINT_SOURCES = [...SHARED_SOURCES, 'main/core/clip/run-readability.ts', 'main/core/clip/html-to-text.ts'];
const BLOCK_SOURCES = [...SHARED_SOURCES, 'main/core/clip/blocks/text-blocks.ts', 'main/core/clip/blocks/block-features.ts', 'main/core/clip/blocks/class-words.ts', 'main/core/clip/blocks/analyse-page.ts'];

/**
 * The hints also depend on what metadata.ts reads of a page's titles, description and JSON-LD
 * `articleBody` (analysisHints), but metadata.ts changes for its dates and authors far more
 * often, which the hints do not depend on: bump this when a change touches what the hints
 * read, rather than recomputing them for every change to metadata.ts.
 */
const HINTS_VERSION = 2;

function sourceHash(files: string[], version = 0): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(readFileSync(join(ROOT, file)));
  hash.update(String(version));
  return hash.digest('hex').slice(0, 16);
}

interface StoredBlocks {
  key: string;
  texts: string[];
  words: number[];
  rows: number;
}

/** The training data of `pages` (one set), from the cache or computed and cached. */
export async function cachedPages(set: SetName, pages: CorpusPage[], log: (line: string) => void): Promise<CachedPage[]> {
  mkdirSync(CACHE, { recursive: true });
  const hints = await cachedHints(set, pages, log);
  const stem = join(CACHE, `${set}-blocks-${sourceHash(BLOCK_SOURCES)}`);
  let stored: StoredBlocks[];
  let all: Float32Array;
  if (existsSync(`${stem}.json`) && existsSync(`${stem}.f32`)) {
    stored = JSON.parse(readFileSync(`${stem}.json`, 'utf8')) as StoredBlocks[];
    const bytes = readFileSync(`${stem}.f32`);
    all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  } else {
    const started = performance.now();
    const computed: Array<ReturnType<typeof blocksOf>> = [];
    for (const [i, page] of pages.entries()) {
      computed.push(blocksOf(page, hints.get(page.key) as PageHints));
      await nextTurn();
      if ((i + 1) % 200 === 0) log(`  ${set}: blocks of ${i + 1}/${pages.length} pages, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    stored = computed.map(({ key, texts, words, features }) => ({ key, texts, words, rows: features.length / FEATURE_NAMES.length }));
    all = new Float32Array(computed.reduce((sum, page) => sum + page.features.length, 0));
    let offset = 0;
    for (const page of computed) {
      all.set(page.features, offset);
      offset += page.features.length;
    }
    writeFileSync(`${stem}.json`, JSON.stringify(stored));
    writeFileSync(`${stem}.f32`, Buffer.from(all.buffer));
  }
  const byKey = new Map(pages.map((page) => [page.key, page]));
  let offset = 0;
  return stored.map(({ key, texts, words, rows }) => {
    const features = all.slice(offset, offset + rows * FEATURE_NAMES.length);
    offset += rows * FEATURE_NAMES.length;
    const page = byKey.get(key) as CorpusPage;
    const labels = page.text !== undefined ? labelsFromText(texts, page.text) : labelsFromStrings(texts, page.with ?? [], page.without ?? []);
    return {
      key,
      set: page.set,
      site: page.site,
      texts,
      words,
      labels: labels.map((label) => label.label),
      known: labels.map((label) => label.known),
      features,
      truthWords: page.text !== undefined ? (page.text.match(/[\p{L}\p{M}\p{N}_]+/gu)?.length ?? 0) : 0,
      readableText: hints.get(key)?.readableText ?? null,
    };
  });
}

/** What the metadata and Readability say of each page of a set, from the cache or computed and cached. */
export async function cachedHints(set: SetName, pages: CorpusPage[], log: (line: string) => void): Promise<Map<string, PageHints>> {
  const path = join(CACHE, `${set}-hints-${sourceHash(HINT_SOURCES, HINTS_VERSION)}.json`);
  if (existsSync(path)) return new Map(Object.entries(JSON.parse(readFileSync(path, 'utf8')) as Record<string, PageHints>));
  const started = performance.now();
  const hints = new Map<string, PageHints>();
  for (const [i, page] of pages.entries()) {
    hints.set(page.key, hintsOf(page));
    await nextTurn();
    if ((i + 1) % 100 === 0) log(`  ${set}: hints of ${i + 1}/${pages.length} pages, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  writeFileSync(path, JSON.stringify(Object.fromEntries(hints)));
  return hints;
}

/** The page as extraction reads it (extract.ts): without stray NULs. */
function pageHtml(page: CorpusPage): string {
  return withoutStrayBytes(page.html);
}

function hintsOf(page: CorpusPage): PageHints {
  const html = pageHtml(page);
  return withDomWindow((window) => {
    const document = parsePage(window, html);
    const metadata = extractMetadata(document, { baseUrl: page.url ?? null, pageUrl: page.url ?? null });
    // extract.ts drops scripts and styles before Readability reads the page.
    for (const element of Array.from(document.querySelectorAll('body script, body style, body template'))) element.remove();
    const { readable, readableText } = readabilityOf(window, html, document);
    return {
      ...analysisHints(metadata),
      readableText,
      readableTitle: readable?.title ?? null,
      readableByline: readable?.byline ?? null,
      readablePublished: readable?.publishedTime ?? null,
    };
  });
}

function blocksOf(page: CorpusPage, hints: PageHints): { key: string; texts: string[]; words: number[]; features: Float32Array } {
  const html = pageHtml(page);
  return withDomWindow((window) => {
    const document = parsePage(window, html);
    for (const element of Array.from(document.querySelectorAll('body script, body style, body template'))) element.remove();
    const { blocks, features } = describeBlocks(document, hints);
    return { key: page.key, texts: blocks.blocks.map((block) => block.text), words: blocks.blocks.map((block) => block.words), features };
  });
}
