/**
 * The clipping benchmark: extraction quality and speed on the trafilatura
 * evaluation pages. Part of `npm run bench`; run alone with `npx tsx bench/clipping-bench.ts`
 * (add `--pages` to list each page's misses).
 */
import { fileURLToPath } from 'node:url';
import { extractPage } from '../main/core/clip/extract';
import { scoreCorpus } from './clipping-score';

/** The clipping member of the benchmark's JSON line. */
export interface ClippingResult {
  text_f1: number;
  date_acc: number;
  title_acc: number;
  author_acc: number;
  extract_p50_ms: number;
}

/** Extracts every trafilatura-dev page twice (the first pass warms the JIT) and scores the second. */
export async function benchClipping(log: (line: string) => void): Promise<ClippingResult> {
  const extract = (html: string, url: string | undefined) => extractPage(html, { url });
  scoreCorpus(extract);
  const score = scoreCorpus(extract);
  const failed = score.pages.filter((page) => page.error !== undefined);
  log(
    `clipping: ${score.pages.length} pages, text F1 ${score.text_f1.toFixed(3)}, date ${pct(score.date_acc)}, ` +
      `title ${pct(score.title_acc)}, author ${pct(score.author_acc)}, p50 ${score.extract_p50_ms.toFixed(1)} ms, ${failed.length} refused`,
  );
  // Three decimals: the targets (F1 0.93) sit where two would round across them.
  const to = (value: number, decimals: number) => Number(value.toFixed(decimals));
  return {
    text_f1: to(score.text_f1, 3),
    date_acc: to(score.date_acc, 3),
    title_acc: to(score.title_acc, 3),
    author_acc: to(score.author_acc, 3),
    extract_p50_ms: to(score.extract_p50_ms, 1),
  };
}

function pct(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

// Run directly: print the scores, and with --pages what each page got wrong.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await benchClipping((line) => console.error(line));
  if (process.argv.includes('--pages')) {
    const score = scoreCorpus((html, url) => extractPage(html, { url }));
    const { loadTruth } = await import('./clipping-score');
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
