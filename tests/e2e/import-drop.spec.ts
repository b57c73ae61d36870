/**
 * Importing by drag and drop in Chromium through the harness: Pocket's CSV export, and a WACZ
 * web archive, dropped on the window go to main's importer (the one `cuttings import` uses);
 * the status bar says what was imported, skipped and failed, and the list shows the new
 * articles; the reader's provenance says whether a fetched page's HTTP headers were kept, and
 * names the WARC record an imported page came from.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportArticles } from '../../main/core/export';
import { Library } from '../../main/core/library';
import { HTTP_HEADERS_SAID } from '../../common/article';
import { crawlerWarc, fillHarbourLibrary, startHarbourServer } from '../main/core/archive/web-archive-library';
import { REPO_ROOT } from '../paths';
import type { JSHandle, Page } from '@playwright/test';
import { expect, test } from './fixtures';

test("Pocket's CSV dropped on the window is imported, with main's report in the status bar", async ({ app, page }) => {
  const csv = await readFile(join(REPO_ROOT, 'tests', 'fixtures', 'import', 'pocket.csv'), 'utf8');
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'pocket.csv', { type: 'text/csv' }));
    return transfer;
  }, csv);
  await app.dropFiles(dataTransfer);
  await expect(app.statusMessage).toHaveText(
    "Imported 3 articles from pocket.csv (Pocket's CSV export); 1 skipped as a duplicate; 1 failed (row 6: it has neither text nor a web address)",
  );
  await app.waitForRow('Central bank holds rates');
  await expect(app.rows).toHaveCount(3);
});

/** A DataTransfer in the page holding one file of these bytes, as a drop from the desktop brings it. */
function fileTransfer(page: Page, bytes: Buffer, name: string): Promise<JSHandle<DataTransfer>> {
  return page.evaluateHandle(
    ([data, fileName]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], fileName));
      return transfer;
    },
    [bytes.toString('base64'), name] as const,
  );
}

test('a WACZ dropped on the window is imported, its cuttings listed with their tags', async ({ app, page }) => {
  const folder = await mkdtemp(join(tmpdir(), 'cuttings-wacz-drop-'));
  const site = await startHarbourServer();
  try {
    const source = await Library.open(join(folder, 'source'));
    try {
      await fillHarbourLibrary(source, site.url);
      await exportArticles(source, 'wacz', {}, join(folder, 'harbour.wacz'));
    } finally {
      await source.close();
    }
    await app.dropFiles(await fileTransfer(page, await readFile(join(folder, 'harbour.wacz')), 'harbour.wacz'));
    await expect(app.statusMessage).toHaveText('Imported 5 articles from harbour.wacz (a WACZ web archive (.wacz))');
    await app.waitForRow('Fleet home late');
    await expect(app.rows).toHaveCount(5);
    // A page fetched before Cuttings kept HTTP headers says so in its provenance; one fetched since, that they are kept.
    const provenance = app.readerDetails.provenance;
    await app.openArticle('Old pier to close');
    await provenance.locator('summary').click();
    await expect(provenance).toContainText(`HTTP headers${HTTP_HEADERS_SAID['not kept']}`);
    await app.openArticle('Fleet home late');
    await expect(provenance).toContainText(`HTTP headers${HTTP_HEADERS_SAID.kept}`);
  } finally {
    await site.close();
    await rm(folder, { recursive: true, force: true });
  }
});

test("a crawler's WARC dropped on the window: the reader names the archive, the record and its date", async ({ app, page }) => {
  const html = `<!doctype html><html><head><title>Night ferry cancelled</title></head><body><article><h1>Night ferry cancelled</h1>
<p>${'The night ferry will not sail this winter, the operator said on Tuesday. '.repeat(8)}</p></article></body></html>`;
  const record = { url: 'https://ferries.example/night', id: '<urn:uuid:6f1d2c4e-1111-4222-8333-944455556666>', date: '2023-11-02T08:30:00Z' };
  await app.dropFiles(await fileTransfer(page, crawlerWarc(html, record), 'crawl.warc.gz'));
  await expect(app.statusMessage).toHaveText('Imported 1 article from crawl.warc.gz (a WARC web archive (.warc, .warc.gz))', { timeout: 20_000 });
  await app.waitForRow('Night ferry cancelled');
  await app.openArticle('Night ferry cancelled');
  const provenance = app.readerDetails.provenance;
  await provenance.locator('summary').click();
  await expect(provenance).toContainText('Web archivecrawl.warc.gz');
  await expect(provenance).toContainText(`WARC record${record.id}`);
  await expect(provenance).toContainText(`Archived`);
  await expect(provenance.locator('time[datetime="2023-11-02T08:30:00Z"]')).toHaveCount(1);
  await expect(provenance).toContainText(`Requested URL${record.url}`);
});
