/**
 * A WACZ written from the Export dialog, replayed in ReplayWeb.page itself: the npm package's
 * `ui.js` and `sw.js` served from 127.0.0.1 (a secure context, so its service worker runs)
 * with a page holding `<replay-web-page source=… url=…>`, opened in Debian's Chromium. The
 * site the cutting was clipped from is shut down first: the page's text and its images can
 * only come from the archive. Nothing leaves the machine (every request not to 127.0.0.1 is
 * refused). ReplayWeb.page also checks the WACZ's signature, made with the user's key.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fillHarbourLibrary, startHarbourServer, STORY_SENTENCE } from '../main/core/archive/web-archive-library';
import type { Page } from '@playwright/test';
import { FILE_PERMISSIONS_ONLY, loadOrCreateKey } from '../../main/core/evidence/key-store';
import { expect, REPO_ROOT, test } from './fixtures';

const REPLAY = join(REPO_ROOT, 'node_modules', 'replaywebpage');

/** Serves the replay page, ReplayWeb.page's two scripts and the WACZ (with byte ranges, which it reads the WACZ by). */
async function startReplayServer(wacz: string, url: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>Replay</title><script src="/replay/ui.js"></script></head>
<body style="margin:0"><replay-web-page style="display:block;height:760px" source="/cuttings.wacz" url="${url}" replayBase="/replay/" embed="replayonly"></replay-web-page></body></html>`;
  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = path === '/cuttings.wacz' ? wacz : path === '/replay/ui.js' ? join(REPLAY, 'ui.js') : path === '/replay/sw.js' ? join(REPLAY, 'sw.js') : null;
    if (path === '/' || path === '/index.html') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(page);
      return;
    }
    if (!file) {
      response.writeHead(404);
      response.end();
      return;
    }
    const size = (await stat(file)).size;
    const type = file.endsWith('.js') ? 'application/javascript' : 'application/wacz';
    const range = /^bytes=(\d+)-(\d*)$/u.exec(request.headers.range ?? '');
    if (range) {
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      response.writeHead(206, { 'Content-Type': type, 'Content-Length': end - start + 1, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Accept-Ranges': 'bytes' });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file, { start, end }).pipe(response);
      return;
    }
    response.writeHead(200, { 'Content-Type': type, 'Content-Length': size, 'Accept-Ranges': 'bytes', ...(path === '/replay/sw.js' ? { 'Service-Worker-Allowed': '/' } : {}) });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** What ReplayWeb.page's verifier recorded for the archives it loaded (wabac.js keeps it in each collection's IndexedDB). */
async function replayVerification(viewer: Page): Promise<unknown[]> {
  return viewer.evaluate(async () => {
    const done = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const found: unknown[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await done(indexedDB.open(name));
      if (db.objectStoreNames.contains('verification')) found.push(...(await done(db.transaction('verification').objectStore('verification').getAll())));
      db.close();
    }
    return found;
  });
}

test('a WACZ exported from the dialog replays in ReplayWeb.page with its text and its images, its signature verified', async ({ app, harness, libraryPath, page }, testInfo) => {
  test.setTimeout(90_000);
  const site = await startHarbourServer();
  const storyUrl = site.url('/story');
  try {
    await fillHarbourLibrary(harness.library, site.url);
  } finally {
    // From here on the archive is the only place the page and its images can come from.
    await site.close();
  }
  await app.reload();

  // Export every cutting as WACZ from the dialog.
  await app.exportButton.click();
  await app.exportForm.format.selectOption('wacz');
  await expect(app.exportForm.csvOptions).toBeHidden();
  const wacz = join(dirname(libraryPath), 'harbour.wacz');
  await app.exportForm.path.fill(wacz);
  await app.exportForm.submit.click();
  await expect(app.exportForm.summary).toContainText('Exported 5 articles as WACZ web archive (ReplayWeb.page)');

  const replay = await startReplayServer(wacz, storyUrl);
  try {
    const context = page.context();
    // Nothing but this machine: ReplayWeb.page's optional extras (fonts, a proxy for Google Drive) are refused.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/u, (route) => route.abort());
    const viewer = await context.newPage();
    await viewer.goto(`${replay.origin}/`);
    // ReplayWeb.page's embed loads its frame, and reloads it up to three times, 100 ms apart,
    // until its service worker takes the frame; then it gives up and leaves the server's 404
    // there (src/embed.ts, onLoad). On a busy machine a first visit can lose that race (CI's
    // did once, and no frame of the story came in a minute). As on a second visit, the viewer
    // is loaded again once the worker is active.
    await expect
      .poll(() => viewer.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).some((registration) => registration.active?.state === 'activated')), { timeout: 30_000 })
      .toBe(true);
    await viewer.reload();
    // The archived page is in a frame of ReplayWeb.page's own, served by its service worker.
    const frameOfStory = async () => viewer.frames().find((frame) => frame.url().includes('/story') && frame.url().includes('mp_/'));
    await expect.poll(async () => Boolean(await frameOfStory()), { timeout: 60_000 }).toBe(true);
    const story = (await frameOfStory())!;
    await expect(story.locator('h1')).toHaveText('Fleet home late', { timeout: 30_000 });
    await expect(story.locator('article')).toContainText(STORY_SENTENCE);
    // Every picture loaded, from the archive (the site is gone): a real image with its size.
    await expect
      .poll(async () => story.evaluate(() => [...document.images].map((image) => (image.complete ? image.naturalWidth : -1))), { timeout: 30_000 })
      .toEqual([40, 1, 40]);
    // ReplayWeb.page checked the package's signature (WACZ Signing 0.1.0, anonymous) with the
    // user's WACZ key and kept its verdict in its IndexedDB's `verification` store.
    const waczKey = await loadOrCreateKey({ folder: process.env.CUTTINGS_KEYS!, protector: FILE_PERMISSIONS_ONLY }, 'wacz');
    await expect.poll(() => replayVerification(viewer), { timeout: 30_000 }).toEqual(
      expect.arrayContaining([
        { id: 'signature', expected: true, matched: true },
        expect.objectContaining({ id: 'publicKey', expected: waczKey.publicKeyDer().toString('base64') }),
      ]),
    );
    // What a person would see, kept beside the test's results.
    await viewer.screenshot({ path: testInfo.outputPath('replay.png') });
  } finally {
    await replay.close();
  }
});
