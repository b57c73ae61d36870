/**
 * What the browser extension cannot clip, each told in one line, with nothing half-saved in
 * the library and nothing left in the queue: a page of 50 MB, a page that never finishes
 * loading, a file:// page, one of the browser's own pages, a tab closed in the middle of a
 * clip. A PDF tab is not refused: the app fetches the PDF and keeps its text, and the popup
 * says so. (The app answering 401 after a revoke is in extension-pairing.spec.ts.)
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from './extension-fixtures';

test.describe.configure({ timeout: 90_000 });

test('a 50 MB page is refused in one line, before anything is sent', async ({ harness, extension, pages, context }) => {
  await extension.pairWith(harness);
  const huge = await context.newPage();
  await huge.goto(pages.url('/huge'));
  expect(await huge.evaluate(() => document.documentElement.outerHTML.length)).toBeGreaterThan(50 * 1024 * 1024);
  const popup = await extension.openPopup(huge);
  await expect(popup.errorLine).toHaveText(
    /^This page is 50\.\d MB of HTML; Cuttings takes pages up to 16 MB\. Select the article and clip the selection instead\. Nothing was saved\.$/u,
    { timeout: 30_000 },
  );
  await expect(popup.form).toBeHidden();
  expect(harness.library.list()).toEqual([]);
  expect((await extension.call('status')).queue).toEqual([]);
});

test('a page that never finishes loading is refused once the wait is over, and a tab closed meanwhile is said to be closed', async ({ harness, extension, pages, context }) => {
  await extension.pairWith(harness);
  const live = await context.newPage();
  await live.goto(pages.url('/never-ends'), { waitUntil: 'commit' });
  expect(await extension.clip(live, { loadTimeoutMs: 2000 })).toEqual({
    status: 'error',
    message: 'The page is still loading after 2 s. Wait until it has finished (or stop it loading) and clip again. Nothing was saved.',
  });

  // Closed while the clip waits for it.
  const tabId = await extension.tabIdOf(live);
  const clipping = extension.call('clipTab', tabId, { loadTimeoutMs: 20_000 });
  await live.waitForTimeout(500);
  await live.close();
  expect(await clipping).toEqual({ status: 'error', message: 'The tab was closed before Cuttings could read it; nothing was saved.' });
  expect(harness.library.list()).toEqual([]);
  expect((await extension.call('status')).queue).toEqual([]);
});

test('a file on the computer and the browser\'s own pages are refused in one line, in the popup', async ({ harness, extension, context }) => {
  await extension.pairWith(harness);
  const folder = await mkdtemp(join(tmpdir(), 'cuttings-e2e-file-'));
  try {
    const file = join(folder, 'story.html');
    await writeFile(file, '<!doctype html><title>Saved story</title><p>A story saved to disk.</p>');
    const local = await context.newPage();
    await local.goto(pathToFileURL(file).href);
    const popup = await extension.openPopup(local);
    await expect(popup.errorLine).toHaveText('This is a file on your computer (file://): add it in Cuttings with Add, or drop it on its window. Nothing was saved.', { timeout: 30_000 });

    const own = await context.newPage();
    await own.goto('chrome://version/');
    const ownPopup = await extension.openPopup(own);
    await expect(ownPopup.errorLine).toHaveText('This is one of the browser’s own pages (chrome:); Cuttings clips web pages only. Nothing was saved.', { timeout: 30_000 });
    expect(harness.library.list()).toEqual([]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

test('a PDF tab is clipped by the app fetching the PDF, and the popup says so', async ({ harness, extension, pages, context }) => {
  await extension.pairWith(harness);
  const pdf = await context.newPage();
  await pdf.goto(pages.url('/doc.pdf'));
  await extension.waitForTabLoaded(pdf);
  const popup = await extension.openPopup(pdf);
  await expect(popup.notice).toHaveText('This tab shows a PDF: Cuttings fetches it from its address and keeps its text.', { timeout: 30_000 });
  await expect(popup.title).toHaveValue('Geneva talks');
  await popup.clipButton.click();
  await expect(popup.resultLine).toHaveText('Saved to Cuttings: “Geneva talks”', { timeout: 30_000 });
  const article = await harness.library.get(harness.library.list()[0]!.id);
  expect(article.text).toContain('Talks on the border went on late into the night, officials said.');
  expect(article.provenance).toMatchObject({ method: 'browser', clipper: 'extension', contentType: 'application/pdf' });
});
