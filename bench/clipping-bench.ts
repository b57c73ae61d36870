/**
 * The clipping benchmark: extraction quality and speed on the annotated pages — the
 * trafilatura evaluation pages (text F1 over their strings, title, date, author), L3S-GN1 and
 * Dragnet (the shingle F1 the published benchmarks use). Scored twice when the fold models
 * are stored (bench/extraction/fold-models.json, from `npm run train:extraction`): as Cuttings
 * extracts (the rules), and with the block classifier, each page by the model of its site's
 * fold, which was trained without that site: held-back figures, under `learned`. Part of
 * `npm run bench`; run alone with `npx tsx bench/clipping-bench.ts` (add `--pages` to list the
 * trafilatura pages' misses, `--learned` to list the block classifier's).
 *
 * The title, date and author are chosen by the metadata rankers for the fields where one
 * ships (main/core/clip/meta-ranking/); each page is then given the rankers of its site's fold
 * (bench/extraction/metadata-fold-models.json), so that those figures are held-back ones too.
 */
import { fileURLToPath } from 'node:url';
import { extractPage } from '../main/core/clip/extract';
import type { BoostedTrees } from '../main/core/clip/blocks/boosted-trees';
import { loadSet } from './extraction/corpus-sets';
import type { SetName } from './extraction/corpus-sets';
import { foldOf, loadFoldModels } from './extraction/fold-models';
import { heldBackRankers } from './extraction/metadata-fold-models';
import { META_FIELDS } from '../main/core/clip/meta-ranking/candidate-pool';
import { shippedRankers } from '../main/core/clip/meta-ranking/metadata-ranker';
import type { MetadataRankers } from '../main/core/clip/meta-ranking/metadata-ranker';
import { nextTurn } from './extraction/next-turn';
import { scorePage, scoreSet } from './extraction/shingle-score';
import type { PagePrecisionRecall } from './extraction/shingle-score';
import { loadTruth, scoreCorpusAsync } from './clipping-score';

/** The figures of one way of extracting. */
export interface ClippingScores {
  text_f1: number;
  date_acc: number;
  title_acc: number;
  author_acc: number;
  gn1_f1: number;
  dragnet_f1: number;
  extract_p50_ms: number;
  extract_p95_ms: number;
  /** The same in CPU time (process.cpuUsage): steadier than wall time on a loaded machine. */
  extract_cpu_p50_ms: number;
  extract_cpu_p95_ms: number;
  /** Pages of the three sets refused or extracted empty. */
  refused: number;
}

/** The clipping member of the benchmark's JSON line: what Cuttings does, and the block classifier's held-back figures. */
export interface ClippingResult extends ClippingScores {
  /** The metadata fields chosen by a learned ranker (scored held-back, by the fold that never saw the site). */
  ranked_fields: string[];
  learned?: ClippingScores;
}

/** For a page's site, the model of the fold that never saw it; null when no folds are stored. */
export function heldBackModels(): ((site: string) => BoostedTrees) | null {
  const folds = loadFoldModels();
  return folds ? (site) => folds.blocks[foldOf(folds, site)] as BoostedTrees : null;
}

/**
 * Extracts every page of the three sets as Cuttings does and, with `learned` and the folds
 * stored, with the block classifier too (`npm run bench -- --learned`).
 */
export async function benchClipping(log: (line: string) => void, options: { learned?: boolean } = {}): Promise<ClippingResult> {
  const result: ClippingResult = { ...(await scoreExtraction('rules', () => undefined, log)), ranked_fields: META_FIELDS.filter((field) => shippedRankers()[field]) };
  if (!options.learned) return result;
  const modelFor = heldBackModels();
  if (modelFor) result.learned = await scoreExtraction('block classifier, held-back folds', modelFor, log);
  else log('clipping: no fold models (bench/extraction/fold-models.json; npm run train:extraction): the block classifier is not scored');
  return result;
}

/**
 * Extracts a trafilatura-dev page (named by its file) as Cuttings does, with the block model
 * and the metadata rankers of the fold that never saw the page's site.
 */
function trafilaturaExtractor(modelFor: (site: string) => BoostedTrees | undefined, rankersFor: (site: string) => MetadataRankers) {
  const trafilatura = new Map(loadSet('trafilatura').map((page) => [page.key.slice('trafilatura/'.length), page]));
  return (html: string, url: string | undefined, file: string) => {
    const site = trafilatura.get(file)?.site ?? '';
    return extractPage(html, { url, model: modelFor(site), metadataRankers: rankersFor(site) });
  };
}

/** The figures of extracting every page with `modelFor(its site)` (undefined: the rules). */
async function scoreExtraction(name: string, modelFor: (site: string) => BoostedTrees | undefined, log: (line: string) => void): Promise<ClippingScores> {
  const rankersFor = heldBackRankers();
  const extract = trafilaturaExtractor(modelFor, rankersFor);
  // The first pages warm the JIT; they are scored again below.
  await scoreCorpusAsync(extract, loadTruth().slice(0, 40));
  const score = await scoreCorpusAsync(extract);
  const times = score.pages.map((page) => page.ms);
  const cpuTimes = score.pages.map((page) => page.cpuMs);
  const refused = score.pages.filter((page) => page.error !== undefined).length;
  const shingleF1 = async (set: SetName): Promise<{ f1: number; refused: number }> => {
    const pages = loadSet(set);
    const scores: Array<PagePrecisionRecall & { refused: boolean }> = [];
    for (const page of pages) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      let text = '';
      try {
        text = extractPage(page.html, { model: modelFor(page.site), metadataRankers: rankersFor(page.site) }).text;
      } catch {
        // A refused page scores as empty.
      }
      const cpu = process.cpuUsage(cpuStarted);
      times.push(performance.now() - started);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
      scores.push({ ...scorePage(text, page.text ?? ''), refused: text === '' });
      await nextTurn();
    }
    const result = scoreSet(scores);
    log(`clipping (${name}): ${set}: ${pages.length} pages, P ${result.precision.toFixed(3)} R ${result.recall.toFixed(3)} F1 ${result.f1.toFixed(3)}`);
    return { f1: result.f1, refused: scores.filter((page) => page.refused).length };
  };
  const gn1 = await shingleF1('gn1');
  const dragnet = await shingleF1('dragnet');
  const percentile = (values: number[], share: number): number => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? Number.NaN;
  };
  const allRefused = refused + gn1.refused + dragnet.refused;
  log(
    `clipping (${name}): trafilatura-dev ${score.pages.length} pages, text F1 ${score.text_f1.toFixed(3)}, date ${pct(score.date_acc)}, ` +
      `title ${pct(score.title_acc)}, author ${pct(score.author_acc)}; ${times.length} pages in all, p50 ${percentile(times, 0.5).toFixed(1)} ms, ` +
      `p95 ${percentile(times, 0.95).toFixed(1)} ms (CPU p50 ${percentile(cpuTimes, 0.5).toFixed(1)} ms, p95 ${percentile(cpuTimes, 0.95).toFixed(1)} ms), ` +
      `${allRefused} refused or empty`,
  );
  // Three decimals: the targets (F1 0.94) sit where two would round across them.
  const to = (value: number, decimals: number) => Number(value.toFixed(decimals));
  return {
    text_f1: to(score.text_f1, 3),
    date_acc: to(score.date_acc, 3),
    title_acc: to(score.title_acc, 3),
    author_acc: to(score.author_acc, 3),
    gn1_f1: to(gn1.f1, 3),
    dragnet_f1: to(dragnet.f1, 3),
    extract_p50_ms: to(percentile(times, 0.5), 1),
    extract_p95_ms: to(percentile(times, 0.95), 1),
    extract_cpu_p50_ms: to(percentile(cpuTimes, 0.5), 1),
    extract_cpu_p95_ms: to(percentile(cpuTimes, 0.95), 1),
    refused: allRefused,
  };
}

function pct(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

// Run directly: print the scores, and with --pages what each trafilatura page got wrong.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await benchClipping((line) => console.error(line), { learned: process.argv.includes('--learned') });
  if (process.argv.includes('--pages')) {
    const folds = process.argv.includes('--learned') ? heldBackModels() : null;
    const modelFor = (site: string): BoostedTrees | undefined => folds?.(site);
    const score = await scoreCorpusAsync(trafilaturaExtractor(modelFor, heldBackRankers()));
    const truth = new Map(loadTruth());
    for (const page of score.pages) {
      const want = truth.get(page.key);
      const notes: string[] = [];
      if (page.error) notes.push(`ERROR ${page.error}`);
      if (page.falseNegatives || page.falsePositives) notes.push(`text TP ${page.truePositives} FN ${page.falseNegatives} FP ${page.falsePositives}`);
      if (page.titleRight === false) notes.push(`title ${JSON.stringify(page.got.title)} ≠ ${JSON.stringify(want?.title)}`);
      if (page.dateRight === false) notes.push(`date ${JSON.stringify(page.got.published)} ≠ ${JSON.stringify(want?.date)}`);
      if (page.authorRight === false) notes.push(`author ${JSON.stringify(page.got.author)} ≠ ${JSON.stringify(want?.author)}`);
      if (notes.length) console.log(`${page.file} (${page.ms.toFixed(0)} ms)\n  ${notes.join('\n  ')}`);
    }
  }
  console.log(JSON.stringify(result));
}
