/**
 * The OCR quality and speed run: pages made by make-scans.ts from the BBC corpus, each read
 * as a 300-dpi scan and as a phone's photo by the same pipeline `cuttings add` runs
 * (ocr/recognise-scan.ts, the engine in this thread), scored by character and word error
 * rate (error-rates.ts), and timed per page, wall clock and CPU (one core: the engine is
 * single-threaded). Also how often the headline and the date were guessed right.
 *
 * `npm run bench` runs it under `ocr`; alone: `npx tsx bench/ocr/ocr-bench.ts [--pages N]`;
 * `npm run test:ocr` runs it and fails when a CER target is missed (quality, not speed).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { recogniseScan } from '../../main/core/ocr/recognise-scan';
import { percentile } from '../stats';
import { pageErrors, pooledRates, type PageErrors } from './error-rates';
import { makeScans } from './make-scans';

/** What the run measured. */
export interface OcrBenchResult {
  pages: number;
  scan_cer: number;
  scan_wer: number;
  photo_cer: number;
  photo_wer: number;
  page_p50_s: number;
  page_p95_s: number;
  page_cpu_p50_s: number;
  page_cpu_p95_s: number;
  headline_right: number;
  date_right: number;
}

/** Targets from the issue: CER on clean scans and on phone-like photos. */
export const OCR_TARGETS = { scan_cer: 0.01, photo_cer: 0.03 };

/** Makes `pages` pages and reads them (see the comment at the top). */
export async function benchOcr(pages: number, folder: string, log: (line: string) => void): Promise<OcrBenchResult> {
  log(`ocr: making ${pages} pages in ${folder}`);
  const made = await makeScans(pages, folder);
  const scores: Record<'scan' | 'photo', PageErrors[]> = { scan: [], photo: [] };
  const wall: number[] = [];
  const cpu: number[] = [];
  let headlines = 0;
  let dates = 0;
  for (const page of made) {
    for (const kind of ['scan', 'photo'] as const) {
      const file = page[kind];
      const bytes = await readFile(file);
      const started = performance.now();
      const used = process.cpuUsage();
      const result = await recogniseScan([{ name: file, bytes }], { languages: ['eng'] });
      const spent = process.cpuUsage(used);
      wall.push((performance.now() - started) / 1000);
      cpu.push((spent.user + spent.system) / 1e6);
      const errors = pageErrors(page.text, result.text);
      scores[kind].push(errors);
      const [headline, dateline] = page.text.split('\n\n');
      if (result.guessed.title === headline) headlines++;
      const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
      const [day, month, year] = (dateline ?? '').split(' ');
      const iso = `${year}-${String(months.indexOf(month ?? '') + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      if (result.guessed.published === iso) dates++;
      log(`ocr: ${page.name} ${kind}: CER ${(100 * errors.characterEdits / errors.characters).toFixed(2)}%, WER ${(100 * errors.wordEdits / errors.words).toFixed(2)}%, ${wall[wall.length - 1]!.toFixed(1)} s (CPU ${cpu[cpu.length - 1]!.toFixed(1)} s)`);
    }
  }
  const scan = pooledRates(scores.scan);
  const photo = pooledRates(scores.photo);
  return {
    pages: made.length,
    scan_cer: scan.cer,
    scan_wer: scan.wer,
    photo_cer: photo.cer,
    photo_wer: photo.wer,
    page_p50_s: percentile(wall, 50),
    page_p95_s: percentile(wall, 95),
    page_cpu_p50_s: percentile(cpu, 50),
    page_cpu_p95_s: percentile(cpu, 95),
    headline_right: headlines / (2 * made.length),
    date_right: dates / (2 * made.length),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const pages = Number(args[args.indexOf('--pages') + 1] ?? 12) || 12;
  const result = await benchOcr(pages, join(import.meta.dirname, '..', '..', '.tmp', 'ocr-pages'), (line) => console.error(line));
  console.log(JSON.stringify(result));
  if (args.includes('--check')) {
    const missed = (Object.keys(OCR_TARGETS) as (keyof typeof OCR_TARGETS)[]).filter((key) => result[key] > OCR_TARGETS[key]);
    for (const key of missed) console.error(`ocr: ${key} ${(100 * result[key]).toFixed(2)}% is over the target of ${100 * OCR_TARGETS[key]}%`);
    process.exit(missed.length > 0 ? 1 : 0);
  }
}
