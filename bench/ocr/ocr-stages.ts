/**
 * Where a page's time goes: the OCR run's pages (make-scans.ts) read by the steps
 * recognise-scan.ts takes for one page — decoding, cleaning (clean-page.ts: frame, light,
 * geometry, turning, scaling), the strips read to settle which way up, recognition, the text,
 * the reader's JPEG — each step's CPU time (process.cpuUsage, every thread of the process:
 * sharp's work counts too), per page and the mean. The engine is loaded and warmed on the
 * first page before anything is timed, so the figures are a page's own.
 *
 * `npx tsx bench/ocr/ocr-stages.ts [--pages N]` (default 3); with --json, one JSON line.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanPage, displayImage, workingImage } from '../../main/core/ocr/clean-page';
import { pageText } from '../../main/core/ocr/recognised-text';
import { openImage } from '../../main/core/ocr/scan-input';
import { blackAndWhite } from '../../main/core/ocr/grey-image';
import { recogniseImage, toPgm } from '../../main/core/ocr/tesseract-engine';
import { makeScans } from './make-scans';

const STAGES = ['decode', 'clean', 'which way up', 'recognise', 'text', 'reader image'] as const;
type Stage = (typeof STAGES)[number];

/** CPU seconds used by this process so far, every thread. */
function cpuSeconds(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
}

/** Reads one page as recognise-scan.ts does, timing each step. */
async function timePage(bytes: Uint8Array, name: string): Promise<Record<Stage, number>> {
  const spent = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  let mark = cpuSeconds();
  const lap = (stage: Stage) => {
    const now = cpuSeconds();
    spent[stage] += now - mark;
    mark = now;
  };
  const page = await workingImage(openImage(bytes, 0));
  lap('decode');
  const cleaned = await cleanPage(page, name, async (strip) => {
    lap('clean');
    const { confidence } = await recogniseImage(toPgm(strip.pixels, strip.width, strip.height), ['eng'], 6);
    lap('which way up');
    return confidence;
  });
  lap('clean');
  const forEngine = blackAndWhite(cleaned.image);
  const engine = await recogniseImage(toPgm(forEngine.pixels, forEngine.width, forEngine.height), ['eng'], 3);
  lap('recognise');
  pageText(engine.words, Math.max(8, Math.round(cleaned.linePitch * 0.4)));
  lap('text');
  await displayImage(cleaned.image);
  lap('reader image');
  return spent;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const pages = args.includes('--pages') ? Number(args[args.indexOf('--pages') + 1]) || 3 : 3;
  const made = await makeScans(pages, join(import.meta.dirname, '..', '..', '.tmp', 'ocr-pages'));
  const files = made.flatMap((page) => [page.scan, page.photo]);
  // Load the engine and let WebAssembly settle on one page, untimed.
  await timePage(await readFile(files[0]!), files[0]!);
  const rows: { page: string; stages: Record<Stage, number> }[] = [];
  for (const file of files) {
    const stages = await timePage(await readFile(file), file);
    rows.push({ page: file.split('/').pop()!, stages });
    if (!args.includes('--json')) console.log(`${rows.at(-1)!.page}: ${STAGES.map((stage) => `${stage} ${stages[stage].toFixed(2)}`).join(', ')}; total ${Object.values(stages).reduce((a, b) => a + b, 0).toFixed(2)} s CPU`);
  }
  const mean = Object.fromEntries(STAGES.map((stage) => [stage, Number((rows.reduce((sum, row) => sum + row.stages[stage], 0) / rows.length).toFixed(3))]));
  console.log(args.includes('--json') ? JSON.stringify({ pages: rows, mean }) : `mean: ${STAGES.map((stage) => `${stage} ${mean[stage]}`).join(', ')} (s CPU)`);
}
