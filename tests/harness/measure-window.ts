/**
 * `npx tsx tests/harness/measure-window.ts --library DIR`: the window over a library, as the
 * harness serves it, in Debian's Chromium: how long until the list shows its first rows and
 * the window says it is ready, the bytes it fetched from main on the way, and the longest
 * task its main thread ran (a PerformanceObserver for 'longtask', which Chromium reports for
 * tasks over 50 ms) while starting and then while scrolling to the middle and to the end.
 * Prints one JSON line. Wall times: run it on a quiet machine, or read them with the load.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { startHarness } from './harness';

/** What one start of the window measured. */
export interface WindowMeasure {
  firstRowsMs: number;
  readyMs: number;
  /** Bytes of main's answers (response bodies of /api/ calls) until the window was ready. */
  apiBytes: number;
  apiCalls: number;
  /** Bytes of everything else fetched (the window's own scripts, styles, fonts). */
  otherBytes: number;
  longestStartTaskMs: number;
  /** The renderer main thread's busy time until ready (Chromium's Performance.getMetrics TaskDuration: work done, not waiting). */
  startTaskTotalMs: number;
  /** Of that, running scripts (ScriptDuration). */
  startScriptMs: number;
  longestScrollTaskMs: number;
  /** The harness process's CPU (main's side: the handlers, the catalog; the search worker is a thread of it) until ready. */
  harnessCpuMs: number;
}

declare global {
  interface Window {
    longTasks?: number[];
  }
}

/** Opens the window over `libraryPath` once and measures it. */
export async function measureWindow(libraryPath: string): Promise<WindowMeasure> {
  const harness = await startHarness({ libraryPath });
  const browser = await chromium.launch({ executablePath: process.env.CUTTINGS_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.longTasks!.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    let apiBytes = 0;
    let apiCalls = 0;
    let otherBytes = 0;
    let counting = true;
    page.on('requestfinished', (request) => {
      if (!counting) return;
      const api = new URL(request.url()).pathname.startsWith('/api/');
      void request.sizes().then((sizes) => {
        if (!api) otherBytes += sizes.responseBodySize;
        else {
          apiBytes += sizes.responseBodySize;
          apiCalls++;
        }
      });
    });
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Performance.enable');
    const cpuBefore = process.cpuUsage();
    await page.goto(harness.url);
    await page.waitForSelector('#article-list .row', { timeout: 600_000 });
    const firstRowsMs = await page.evaluate(() => performance.now());
    await page.waitForSelector('body[data-ready="true"]', { timeout: 600_000 });
    const readyMs = await page.evaluate(() => performance.now());
    const cpu = process.cpuUsage(cpuBefore);
    const { metrics } = await devtools.send('Performance.getMetrics');
    const metric = (name: string) => Math.round((metrics.find((entry) => entry.name === name)?.value ?? 0) * 1000);
    counting = false;
    // Let the last sizes() answers come in.
    await page.waitForTimeout(500);
    const startTasks = await page.evaluate(() => window.longTasks!.splice(0));
    const list = page.locator('#article-list');
    await list.evaluate((element) => (element.scrollTop = (element.scrollHeight - element.clientHeight) / 2));
    await page.waitForTimeout(1_000);
    await list.focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.querySelector('#article-list .row.current') !== null, undefined, { timeout: 120_000 });
    await page.waitForTimeout(1_000);
    const scrollTasks = await page.evaluate(() => window.longTasks!.splice(0));
    return {
      firstRowsMs: Math.round(firstRowsMs),
      readyMs: Math.round(readyMs),
      apiBytes,
      apiCalls,
      otherBytes,
      longestStartTaskMs: Math.round(Math.max(0, ...startTasks)),
      startTaskTotalMs: metric('TaskDuration'),
      startScriptMs: metric('ScriptDuration'),
      longestScrollTaskMs: Math.round(Math.max(0, ...scrollTasks)),
      harnessCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    };
  } finally {
    await browser.close();
    await harness.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { library: { type: 'string' }, runs: { type: 'string', default: '1' } }, strict: true });
  if (!values.library) throw new Error('measure-window: --library DIR is needed');
  for (let run = 0; run < Number(values.runs); run++) console.log(JSON.stringify(await measureWindow(resolve(values.library))));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
