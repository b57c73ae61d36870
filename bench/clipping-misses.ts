/**
 * Lists the clipping benchmark's misses per field (expected against got) and scores the
 * corpus in two halves — even- and odd-numbered pages in key order — so that a change tuned
 * on one half can be checked on the other. `npx tsx bench/clipping-misses.ts [even|odd] [--field title|date|author|text]`.
 */
import { extractPage } from '../main/core/clip/extract';
import { loadTruth, scoreCorpus } from './clipping-score';
import type { CorpusScore } from './clipping-score';

const all = loadTruth();
const halves = { even: all.filter((_, i) => i % 2 === 0), odd: all.filter((_, i) => i % 2 === 1) };
const which = process.argv.find((arg) => arg === 'even' || arg === 'odd') as 'even' | 'odd' | undefined;
const fieldAt = process.argv.indexOf('--field');
const field = fieldAt >= 0 ? process.argv[fieldAt + 1] : undefined;
const extract = (html: string, url: string | undefined) => extractPage(html, { url });

function line(name: string, score: CorpusScore): string {
  const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;
  return `${name}: ${score.pages.length} pages, F1 ${score.text_f1.toFixed(3)}, date ${pct(score.date_acc)}, title ${pct(score.title_acc)}, author ${pct(score.author_acc)}, p50 ${score.extract_p50_ms.toFixed(1)} ms`;
}

const truth = new Map(all);
const results: string[] = [];
for (const [name, pages] of Object.entries(halves)) {
  if (which && which !== name) continue;
  const score = scoreCorpus(extract, pages);
  results.push(line(name, score));
  for (const page of score.pages) {
    const want = truth.get(page.key);
    const notes: string[] = [];
    if (page.error) notes.push(`ERROR ${page.error}`);
    if ((!field || field === 'text') && (page.falseNegatives || page.falsePositives)) {
      notes.push(`text TP ${page.truePositives} FN ${page.falseNegatives} FP ${page.falsePositives}`);
      const text = page.got.text.replace(/\s+/g, ' ');
      for (const w of want?.with ?? []) if (!text.includes(w.replace(/\s+/g, ' ').trim())) notes.push(`  missing: ${w.slice(0, 100)}`);
      for (const w of want?.without ?? []) if (text.includes(w.replace(/\s+/g, ' ').trim())) notes.push(`  unwanted: ${w.slice(0, 100)}`);
    }
    if ((!field || field === 'title') && page.titleRight === false) notes.push(`title ${JSON.stringify(page.got.title)} ≠ ${JSON.stringify(want?.title)}`);
    if ((!field || field === 'date') && page.dateRight === false) notes.push(`date ${JSON.stringify(page.got.published)} ≠ ${JSON.stringify(want?.date)}`);
    if ((!field || field === 'author') && page.authorRight === false) notes.push(`author ${JSON.stringify(page.got.author)} ≠ ${JSON.stringify(want?.author)}`);
    if (notes.length) console.log(`[${name}] ${page.file} (${page.ms.toFixed(0)} ms)\n  ${notes.join('\n  ')}`);
  }
}
for (const result of results) console.log(result);
